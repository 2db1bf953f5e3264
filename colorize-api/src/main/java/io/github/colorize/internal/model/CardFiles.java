package io.github.colorize.internal.model;

import io.github.colorize.ModelCard;
import io.github.colorize.ModelCard.Sizing;
import io.github.colorize.ModelCard.TensorType;
import io.github.colorize.ModelException;
import io.github.colorize.ModelFamily;
import io.github.colorize.ModelSource;
import io.github.colorize.PostProcessing;
import io.github.colorize.internal.json.Json;
import io.github.colorize.internal.text.SafeText;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a model card from a small {@code .properties} or {@code .json} file with flat keys:
 *
 * <pre>
 * name=my-colouriser            # required, unique, lower-case
 * base=deoldify-artistic        # optional: start from a known card and override
 * file=my-colouriser.onnx       # one of file (relative to the card file), resource, url (+ sha256)
 * sha256=...                    # required with url, checked for every source when given
 * version=1  license=MIT  family=CUSTOM  description=...
 * input=input  output=output  auxiliaryInputs=hint,mask  dtype=FLOAT32|FLOAT16  valueRange=...
 * sizing=fixed:256 | square:32 | area:32/4
 * defaultRenderFactor=35  pipeline=deoldify-255  postProcessing=LUMINANCE_YUV|LUMINANCE_LAB|NONE
 * </pre>
 *
 * Without {@code base}, every field except the optional ones ({@code version}, {@code sha256},
 * {@code family}, {@code auxiliaryInputs}, {@code dtype}, {@code valueRange}, {@code description},
 * {@code postProcessing}) is required. Static and thread-safe.
 */
public final class CardFiles {

    private static final Set<String> KEYS = Set.of(
            "name",
            "base",
            "file",
            "resource",
            "url",
            "sha256",
            "version",
            "license",
            "family",
            "input",
            "output",
            "auxiliaryInputs",
            "dtype",
            "valueRange",
            "sizing",
            "defaultRenderFactor",
            "pipeline",
            "postProcessing",
            "description");

    private CardFiles() {}

    /**
     * Reads a card file.
     *
     * @param file a {@code .properties} or {@code .json} file
     * @param known looks up cards named by {@code base}
     * @return the card
     * @throws ModelException naming the file and what is wrong with it
     */
    public static ModelCard read(Path file, Function<String, Optional<ModelCard>> known) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ModelException("card file " + file + " cannot be read: " + e, e);
        }
        return parse(text, file, known);
    }

    /**
     * Reads a card file's text; the format follows the file name ({@code .json}, else properties).
     *
     * @param text the file's text
     * @param file the file, for its name, its folder (a relative {@code file} key) and messages
     * @param known looks up cards named by {@code base}
     * @return the card
     * @throws ModelException naming the file and what is wrong with it
     */
    static ModelCard parse(String text, Path file, Function<String, Optional<ModelCard>> known) {
        try {
            String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
            Map<String, String> values = lower.endsWith(".json") ? fromJson(text) : fromProperties(text);
            Path dir = file.toAbsolutePath().getParent();
            return build(values, dir, known);
        } catch (IllegalArgumentException | NullPointerException e) {
            // Keys and values are quoted in the reasons: a hostile card must not put control characters on a terminal.
            throw new ModelException(
                    "card file " + file + " is invalid: " + SafeText.printable(String.valueOf(e.getMessage())), e);
        }
    }

    static Map<String, String> fromProperties(String text) {
        Properties p = new Properties();
        try (Reader r = new StringReader(text)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed properties: " + e.getMessage(), e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k).trim()));
        return out;
    }

    static Map<String, String> fromJson(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : Json.parseObject(text).entrySet()) {
            Object v = e.getValue();
            if (v == null) {
                continue;
            }
            if (v instanceof List<?> list) {
                StringBuilder b = new StringBuilder();
                for (Object item : list) {
                    // Numbers too (a range such as [-1, 1]), as before; not booleans or nesting.
                    if (!(item instanceof String || item instanceof BigDecimal)) {
                        throw new IllegalArgumentException(e.getKey() + " must be a list of strings");
                    }
                    b.append(b.length() == 0 ? "" : ",").append(item);
                }
                out.put(e.getKey(), b.toString());
            } else if (v instanceof Map) {
                throw new IllegalArgumentException(e.getKey() + " must not be an object; card keys are flat");
            } else {
                out.put(e.getKey(), v.toString().trim());
            }
        }
        return out;
    }

    static ModelCard build(Map<String, String> v, Path dir, Function<String, Optional<ModelCard>> known) {
        for (String key : v.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown key '" + key + "'; known keys: "
                        + KEYS.stream().sorted().toList());
            }
        }
        ModelCard.Builder b;
        String base = v.get("base");
        if (base != null) {
            b = known
                    .apply(base.toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> new IllegalArgumentException("base card '" + base + "' is not known"))
                    .toBuilder()
                    .sha256(null);
        } else {
            b = ModelCard.builder().version("1").family(ModelFamily.CUSTOM);
        }
        b.name(require(v, "name"));
        source(v, dir, b, base != null);
        set(v, "sha256", b::sha256);
        set(v, "version", b::version);
        set(v, "license", b::license);
        set(v, "family", s -> b.family(ModelFamily.valueOf(s.toUpperCase(Locale.ROOT))));
        set(v, "input", b::inputName);
        set(v, "output", b::outputName);
        set(
                v,
                "auxiliaryInputs",
                s -> b.auxiliaryInputs(
                        s.isBlank()
                                ? List.of()
                                : Arrays.stream(s.split(",")).map(String::trim).toList()));
        set(v, "dtype", s -> b.dtype(TensorType.valueOf(s.toUpperCase(Locale.ROOT))));
        set(v, "valueRange", b::valueRange);
        set(v, "sizing", s -> b.sizing(Sizing.parse(s)));
        set(v, "defaultRenderFactor", s -> b.defaultRenderFactor(Integer.parseInt(s)));
        set(v, "pipeline", b::pipeline);
        set(v, "description", b::description);
        String pipeline = v.getOrDefault("pipeline", base == null ? null : "");
        if (v.containsKey("postProcessing")) {
            b.postProcessing(PostProcessing.valueOf(v.get("postProcessing").toUpperCase(Locale.ROOT)));
        } else if (base == null && pipeline != null) {
            b.postProcessing(
                    pipeline.startsWith("deoldify") ? PostProcessing.LUMINANCE_YUV : PostProcessing.LUMINANCE_LAB);
        }
        return b.build();
    }

    private static void source(Map<String, String> v, Path dir, ModelCard.Builder b, boolean hasBase) {
        String file = v.get("file");
        String resource = v.get("resource");
        String url = v.get("url");
        int count = (file == null ? 0 : 1) + (resource == null ? 0 : 1) + (url == null ? 0 : 1);
        if (count > 1) {
            throw new IllegalArgumentException("give only one of file, resource and url");
        }
        if (file != null) {
            b.source(ModelSource.file(dir.resolve(file).normalize()));
        } else if (resource != null) {
            b.source(ModelSource.resource(resource));
        } else if (url != null) {
            b.source(ModelSource.url(URI.create(url), require(v, "sha256")));
        } else if (!hasBase) {
            throw new IllegalArgumentException("one of file, resource or url is required");
        }
    }

    private static String require(Map<String, String> v, String key) {
        String s = v.get(key);
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException("'" + key + "' is required");
        }
        return s;
    }

    private static void set(Map<String, String> v, String key, java.util.function.Consumer<String> setter) {
        String s = v.get(key);
        if (s != null) {
            try {
                setter.accept(s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + key + "': " + e.getMessage(), e);
            }
        }
    }
}
