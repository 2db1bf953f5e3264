/**
 * The project's own compact colourisation model: ONNX and TorchScript files plus their card, as
 * resources of the package {@code io.github.colorize.model}. No code: colorize-api's bundled card
 * ({@code internal.model.BundledCard}) names the files and reads the card for every backend.
 *
 * <p>An open module, so that the model files can be found with {@link ClassLoader#getResource} on the
 * module path (the API looks them up that way, without depending on this module); a package that holds
 * only resources cannot be named in an {@code opens} clause.
 */
open module io.github.colorize.model {}
