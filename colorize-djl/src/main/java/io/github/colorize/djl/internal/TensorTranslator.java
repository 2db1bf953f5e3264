package io.github.colorize.djl.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import ai.onnxruntime.platform.Fp16Conversions;
import io.github.colorize.ModelCard;
import io.github.colorize.ModelException;
import io.github.colorize.internal.pipeline.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;
import java.util.List;
import java.util.Map;

/**
 * Moves the pipeline's float32 {@link Tensor}s into a DJL engine and the card's output tensor back:
 * inputs named and in the card's order (ONNX Runtime matches names, TorchScript positions), float16
 * graphs narrowed and widened in Java. Every array lives in the predictor's context and is freed with
 * it. Stateless and thread-safe.
 */
final class TensorTranslator implements NoBatchifyTranslator<TensorTranslator.Feed, Tensor> {

    /**
     * The tensors for one run, by graph input name.
     *
     * @param tensors every input the card names
     */
    record Feed(Map<String, Tensor> tensors) {}

    private final ModelCard card;
    private final EngineKind engine;

    TensorTranslator(ModelCard card, EngineKind engine) {
        this.card = card;
        this.engine = engine;
    }

    private boolean half() {
        return card.dtype() == ModelCard.TensorType.FLOAT16;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, Feed feed) {
        NDManager manager = ctx.getNDManager();
        NDList list = new NDList();
        for (String name : card.inputNames()) {
            Tensor t = feed.tensors().get(name);
            if (t == null) {
                throw new ModelException("model " + card.name() + ": no tensor for input '" + name + "'");
            }
            NDArray array = toArray(manager, t);
            array.setName(name);
            list.add(array);
        }
        return list;
    }

    private NDArray toArray(NDManager manager, Tensor t) {
        Shape shape = new Shape(t.shape());
        if (!half()) {
            return manager.create(FloatBuffer.wrap(t.data()), shape);
        }
        if (engine == EngineKind.PYTORCH) {
            return manager.create(FloatBuffer.wrap(t.data()), shape).toType(DataType.FLOAT16, false);
        }
        // DJL's ONNX Runtime arrays do no maths: hand it IEEE halves directly.
        ShortBuffer halves = Fp16Conversions.convertFloatBufferToFp16Buffer(FloatBuffer.wrap(t.data()));
        ByteBuffer bytes = ByteBuffer.allocateDirect(2 * halves.remaining()).order(ByteOrder.nativeOrder());
        bytes.asShortBuffer().put(halves);
        return manager.create(bytes, shape, DataType.FLOAT16);
    }

    @Override
    public Tensor processOutput(TranslatorContext ctx, NDList list) {
        NDArray out = pick(list);
        long[] shape = out.getShape().getShape();
        return new Tensor(card.outputName(), shape, toFloats(out));
    }

    /** The card's output by name; a TorchScript module's outputs have no names, so its first one. */
    private NDArray pick(NDList list) {
        if (list.isEmpty()) {
            throw new ModelException("model " + card.name() + " returned no tensor");
        }
        NDArray named = list.get(card.outputName());
        if (named != null) {
            return named;
        }
        if (engine == EngineKind.PYTORCH) {
            return list.get(0);
        }
        List<String> names = list.stream().map(NDArray::getName).toList();
        throw new ModelException(
                "model " + card.name() + " returned no tensor '" + card.outputName() + "' (it returned " + names + ")");
    }

    private float[] toFloats(NDArray out) {
        DataType type = out.getDataType();
        if (type == DataType.FLOAT32) {
            return out.toFloatArray();
        }
        if (type == DataType.FLOAT16 && engine == EngineKind.ONNX_RUNTIME) {
            ShortBuffer halves = out.toByteBuffer().asShortBuffer();
            FloatBuffer floats = Fp16Conversions.convertFp16BufferToFloatBuffer(halves);
            float[] data = new float[floats.remaining()];
            floats.get(data);
            return data;
        }
        if (type.isFloating() && engine == EngineKind.PYTORCH) {
            return out.toType(DataType.FLOAT32, false).toFloatArray();
        }
        throw new ModelException("model " + card.name() + " returned " + type + " values; float32 or float16 expected");
    }
}
