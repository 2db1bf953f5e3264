package io.github.colorize.cli.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.colorize.ColorizeException;
import io.github.colorize.cli.internal.batch.FatalFailures.Stop;
import io.github.colorize.remote.RemoteServiceException;
import io.github.colorize.remote.RemoteServiceException.Kind;
import org.junit.jupiter.api.Test;

class RemoteFailuresTest {

    private static RemoteServiceException remote(Kind kind) {
        return new RemoteServiceException(kind, 402, null, "api.deepai.org: HTTP 402", null);
    }

    @Test
    void aUsedUpQuotaStopsTheBatchWithExitCode5() {
        assertThat(RemoteFailures.INSTANCE.stop(remote(Kind.QUOTA_EXHAUSTED)))
                .contains(new Stop(ExitCodes.QUOTA, "the remote service's quota is used up"));
    }

    @Test
    void aRefusedKeyStopsTheBatchWithExitCode3() {
        assertThat(RemoteFailures.INSTANCE.stop(remote(Kind.BAD_KEY)))
                .get()
                .extracting(Stop::exitCode)
                .isEqualTo(ExitCodes.NO_BACKEND);
    }

    @Test
    void otherFailuresOnlyFailTheirPhoto() {
        assertThat(RemoteFailures.INSTANCE.stop(remote(Kind.RATE_LIMITED))).isEmpty();
        assertThat(RemoteFailures.INSTANCE.stop(remote(Kind.REJECTED))).isEmpty();
        assertThat(RemoteFailures.INSTANCE.stop(new ColorizeException("model broke")))
                .isEmpty();
    }
}
