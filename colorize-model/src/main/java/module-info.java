/**
 * The project's own compact colourisation model: ONNX and TorchScript files plus their card, as
 * resources of the package {@code io.github.colorize.model}.
 *
 * <p>The package is opened as well as exported so that the model files can also be found with
 * {@link ClassLoader#getResource} on the module path (the API looks the bundled card up that way,
 * without depending on this module); {@link io.github.colorize.model.BundledModel} opens them
 * directly.
 */
module io.github.colorize.model {
    exports io.github.colorize.model;

    opens io.github.colorize.model;
}
