/**
 * colorize's {@code deepai} backend: the DeepAI colourising web API, used only when named.
 *
 * <p>Exported: {@code io.github.colorize.remote} (the provider, the colorizer and {@link
 * io.github.colorize.remote.RemoteServiceException}). {@code io.github.colorize.remote.internal} is an
 * implementation detail.
 */
module io.github.colorize.remote {
    requires io.github.colorize;
    requires okhttp3;
    requires org.slf4j;
    requires static org.jspecify;

    exports io.github.colorize.remote;

    provides io.github.colorize.spi.ColorizerProvider with
            io.github.colorize.remote.DeepAiColorizerProvider;
}
