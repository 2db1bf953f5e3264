package io.github.colorize.remote.internal;

import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;
import org.jspecify.annotations.Nullable;

/**
 * An upload body that remembers whether it was handed to the connection whole. Until then the service
 * cannot have processed the request (a multipart body cut short is no request), so a failure may be
 * retried freely; after it, a failure (a read timeout, a reset while waiting for the answer) may follow
 * work the service did and billed. One per attempt; OkHttp must not retry on its own (it would write the
 * body again), which {@link DeepAiClient} switches off.
 */
final class SendTrackingBody extends RequestBody {

    private final RequestBody delegate;
    private volatile boolean sent;

    SendTrackingBody(RequestBody delegate) {
        this.delegate = delegate;
    }

    /** {@return true once every byte of the body was written and flushed towards the service} */
    boolean sent() {
        return sent;
    }

    @Override
    public @Nullable MediaType contentType() {
        return delegate.contentType();
    }

    @Override
    public long contentLength() throws IOException {
        return delegate.contentLength();
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
        delegate.writeTo(sink);
        // Flushed here so that "sent" means out of our buffers, not merely copied into them.
        sink.flush();
        sent = true;
    }
}
