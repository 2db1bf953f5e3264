package io.github.colorize.remote.internal;

import java.util.Objects;

/** What is sent in the service's {@code image} field: the photo's bytes, or a URL the service fetches. */
public sealed interface Upload {

    /**
     * The photo itself, as a file part.
     *
     * @param bytes the encoded photo; owned by this value, not copied
     * @param fileName the part's file name (the service only sees this, never the caller's path)
     * @param mediaType the part's content type, for example {@code image/png}
     */
    record Photo(byte[] bytes, String fileName, String mediaType) implements Upload {
        /** Validates the components. */
        public Photo {
            Objects.requireNonNull(bytes, "bytes");
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(mediaType, "mediaType");
        }
    }

    /**
     * A public image URL, sent as a text part; the service downloads it itself.
     *
     * @param url an absolute http(s) URL
     */
    record Link(String url) implements Upload {
        /** Validates the components. */
        public Link {
            Objects.requireNonNull(url, "url");
        }
    }
}
