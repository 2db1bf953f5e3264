package io.github.colorize.cli.internal.eval;

import io.github.colorize.cli.internal.eval.ImageMetrics.CfVariant;
import io.github.colorize.internal.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Formats evaluation results: a table per folder for people, CSV rows and a JSON document for
 * programs. Stateless, thread-safe.
 */
public final class EvalReport {

    private EvalReport() {}

    /**
     * A method's label in tables.
     *
     * @param method {@code gray}, {@code sepia} or {@code ours}
     * @param ours what "ours" is (backend and model)
     * @return the label
     */
    static String label(String method, String ours) {
        return switch (method) {
            case "gray" -> "gray (L* only)";
            case "sepia" ->
                String.format(Locale.ROOT, "sepia (L*, a*=%.0f, b*=%.0f)", Baselines.SEPIA_A, Baselines.SEPIA_B);
            default ->
                method.startsWith(FolderResult.HINTS_PREFIX)
                        ? "ours + " + method.substring(FolderResult.HINTS_PREFIX.length()) + " hints"
                        : "ours (" + ours + ")";
        };
    }

    /**
     * The table of one folder.
     *
     * @param f the results
     * @param ours what "ours" is
     * @param variant the colourfulness formula used
     * @return lines of text, ending with a newline
     */
    public static String table(FolderResult f, String ours, CfVariant variant) {
        StringBuilder sb = new StringBuilder();
        sb.append(f.name()).append(": ").append(f.photos().size()).append(" colour photo(s)");
        if (f.skipped() > 0) {
            sb.append(", ").append(f.skipped()).append(" without colour (left out)");
        }
        if (f.failed() > 0) {
            sb.append(", ").append(f.failed()).append(" failed");
        }
        sb.append("; CF: ").append(variant.name().toLowerCase(Locale.ROOT)).append(" variant\n");
        if (f.photos().isEmpty()) {
            return sb.toString();
        }
        List<String> labels = new ArrayList<>();
        FolderResult.METHODS.forEach(m -> labels.add(label(m, ours)));
        int w = Math.max(
                "ground truth".length(),
                labels.stream().mapToInt(String::length).max().orElse(10));
        String fmt = "  %-" + w + "s  %8s  %7s  %7s%n";
        sb.append(String.format(Locale.ROOT, fmt, "method", "PSNR dB", "CF", "dCF"));
        for (FolderResult.Row r : f.rows()) {
            sb.append(String.format(
                    Locale.ROOT, fmt, label(r.method(), ours), num(r.meanPsnr()), num(r.meanCf()), num(r.deltaCf())));
        }
        sb.append(String.format(Locale.ROOT, fmt, "ground truth", "-", num(f.truthCf()), "-"));
        return sb.toString();
    }

    private static String num(double v) {
        return Double.isInfinite(v) ? "inf" : Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }

    /**
     * The table rows of every folder as CSV, with a header.
     *
     * @param folders the results
     * @param ours what "ours" is
     * @param variant the colourfulness formula
     * @return the CSV text
     */
    public static String csv(List<FolderResult> folders, String ours, CfVariant variant) {
        StringBuilder sb = new StringBuilder("folder,method,photos,psnr_db,cf,delta_cf,cf_variant\n");
        for (FolderResult f : folders) {
            for (FolderResult.Row r : f.rows()) {
                sb.append(csvField(f.name()))
                        .append(',')
                        .append(csvField(label(r.method(), ours)))
                        .append(',')
                        .append(f.photos().size())
                        .append(',')
                        .append(num(r.meanPsnr()))
                        .append(',')
                        .append(num(r.meanCf()))
                        .append(',')
                        .append(num(r.deltaCf()))
                        .append(',')
                        .append(variant.name().toLowerCase(Locale.ROOT))
                        .append('\n');
            }
            sb.append(csvField(f.name()))
                    .append(",ground truth,")
                    .append(f.photos().size())
                    .append(",,")
                    .append(num(f.truthCf()))
                    .append(",,")
                    .append(variant.name().toLowerCase(Locale.ROOT))
                    .append('\n');
        }
        return sb.toString();
    }

    private static String csvField(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /**
     * Everything as one JSON document, per-photo numbers included.
     *
     * @param folders the results
     * @param settings what was run (backend, model, options), for the record
     * @param variant the colourfulness formula
     * @return the JSON text
     */
    public static String json(List<FolderResult> folders, Map<String, Object> settings, CfVariant variant) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("settings", settings);
        doc.put("cfVariant", variant.name().toLowerCase(Locale.ROOT));
        doc.put("grayInput", "CIE L* (exact sRGB/D65) with a*=b*=0");
        Map<String, Object> sepia = new LinkedHashMap<>();
        sepia.put("a", (double) Baselines.SEPIA_A);
        sepia.put("b", (double) Baselines.SEPIA_B);
        doc.put("sepiaBaseline", sepia);
        List<Object> fs = new ArrayList<>();
        for (FolderResult f : folders) {
            Map<String, Object> fo = new LinkedHashMap<>();
            fo.put("folder", f.name());
            fo.put("photos", f.photos().size());
            fo.put("notColour", f.skipped());
            fo.put("failed", f.failed());
            fo.put("truthCf", f.truthCf());
            List<Object> rows = new ArrayList<>();
            for (FolderResult.Row r : f.rows()) {
                Map<String, Object> ro = new LinkedHashMap<>();
                ro.put("method", r.method());
                ro.put("psnr", r.meanPsnr());
                ro.put("cf", r.meanCf());
                ro.put("deltaCf", r.deltaCf());
                rows.add(ro);
            }
            fo.put("rows", rows);
            List<Object> photos = new ArrayList<>();
            for (FolderResult.PhotoResult p : f.photos()) {
                Map<String, Object> po = new LinkedHashMap<>();
                po.put("file", p.file());
                po.put("psnr", p.psnr());
                po.put("cf", p.cf());
                photos.add(po);
            }
            fo.put("perPhoto", photos);
            fs.add(fo);
        }
        doc.put("folders", fs);
        return Json.write(doc) + "\n";
    }
}
