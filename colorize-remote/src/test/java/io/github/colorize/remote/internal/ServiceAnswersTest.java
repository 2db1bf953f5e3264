package io.github.colorize.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.colorize.remote.RemoteServiceException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceAnswersTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            nullValues = "-",
            value = {
                "401|Please pass a valid Api-Key in a HTTP header called Api-Key|BAD_KEY",
                "401|signed in try-it quota exceeded|QUOTA_EXHAUSTED",
                "401|-|BAD_KEY",
                "403|Forbidden|BAD_KEY",
                "403|Out of API credits - please enter payment info in your dashboard|QUOTA_EXHAUSTED",
                "402|-|QUOTA_EXHAUSTED",
                "429|Too many requests|RATE_LIMITED",
                "429|rate limit exceeded|RATE_LIMITED",
                "429|daily quota reached|QUOTA_EXHAUSTED",
                "500|-|SERVER_ERROR",
                "503|maintenance|SERVER_ERROR",
                "408|-|NETWORK",
                "400|bad image|REJECTED",
                "413|-|REJECTED",
                "404|-|REJECTED"
            })
    void classifies(int code, String status, Kind kind) {
        assertThat(ServiceAnswers.classify(code, status)).isEqualTo(kind);
    }

    @Test
    void retriesOnlyWhatMaySucceedLater() {
        assertThat(Kind.values())
                .filteredOn(ServiceAnswers::retryable)
                .containsExactlyInAnyOrder(Kind.RATE_LIMITED, Kind.SERVER_ERROR, Kind.NETWORK);
    }

    @Test
    void readsStatusOrErr() {
        assertThat(ServiceAnswers.statusText("{\"status\": \"quota\"}")).isEqualTo("quota");
        assertThat(ServiceAnswers.statusText("{\"err\": \"boom\"}")).isEqualTo("boom");
        assertThat(ServiceAnswers.statusText("{\"status\": 5}")).isNull();
        assertThat(ServiceAnswers.statusText("<html>")).isNull();
    }

    @Test
    void onlyKeyAndQuotaStopABatch() {
        assertThat(Kind.values())
                .filteredOn(Kind::stopsBatch)
                .containsExactlyInAnyOrder(Kind.QUOTA_EXHAUSTED, Kind.BAD_KEY);
    }
}
