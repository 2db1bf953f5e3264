package io.github.colorize.cli.internal.command;

import io.github.colorize.Provenance;
import io.github.colorize.ProvenanceCheck;
import io.github.colorize.cli.internal.batch.Causes;
import io.github.colorize.internal.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code colorize verify FILE|DIR...}: reads and checks the provenance record of outputs. */
@Command(
        name = "verify",
        header = "Reads and checks the provenance record of colourised files.",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Reads the provenance record embedded in colourised PNG and JPEG files (XMP: software, backend,"
                    + " model and its SHA-256, settings, time, source name and SHA-256) and checks it is present"
                    + " and well-formed. Folders are searched recursively for .png, .jpg and .jpeg files (hidden"
                    + " ones skipped). With --source, also checks that the record names that photo (same SHA-256).",
            "Exit code 0 if every file carries a valid record (and matches --source), 1 otherwise (a folder that"
                    + " cannot be read included); each problem is one line on stderr."
        })
final class VerifyCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Parameters(paramLabel = "FILE|DIR", arity = "1..*", description = "Colourised files or folders of them.")
    List<Path> targets = new ArrayList<>();

    @Option(
            names = "--source",
            paramLabel = "PHOTO",
            description = "The original photo the (single) FILE should have been made from.")
    Path source;

    @Option(names = "--json", description = "Print one JSON object per file instead of text.")
    boolean json;

    VerifyCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (source != null && (targets.size() != 1 || Files.isDirectory(targets.get(0)))) {
            throw new UsageError("--source needs exactly one FILE");
        }
        List<Path> unreadable = new ArrayList<>();
        List<Path> files = expand(unreadable);
        // A folder that cannot be read is files left unchecked: never "all verified".
        int failed = unreadable.size();
        for (Path file : files) {
            if (!check(file)) {
                failed++;
            }
        }
        ctx.out().flush();
        ctx.err().flush();
        return failed == 0 ? ExitCodes.OK : ExitCodes.SOME_FAILED;
    }

    private List<Path> expand(List<Path> unreadable) {
        List<Path> files = new ArrayList<>();
        for (Path t : targets) {
            if (!Files.isDirectory(t)) {
                files.add(t);
                continue;
            }
            try (Stream<Path> s = Files.walk(t)) {
                s.filter(Files::isRegularFile)
                        .filter(p -> !hidden(t, p))
                        .filter(p -> p.getFileName()
                                .toString()
                                .toLowerCase(Locale.ROOT)
                                .matches("(?s).*\\.(png|jpe?g)")) // (?s): a name may hold a line break
                        .sorted()
                        .forEach(files::add);
            } catch (IOException | RuntimeException e) {
                ctx.err().println("colorize: " + ConsoleReporter.shown(t) + ": cannot read folder: " + Causes.of(e, t));
                unreadable.add(t);
            }
        }
        return files;
    }

    private static boolean hidden(Path root, Path p) {
        for (Path part : root.relativize(p)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private boolean check(Path file) {
        ProvenanceCheck c;
        try {
            c = ProvenanceCheck.verify(file, source);
        } catch (RuntimeException e) {
            report(file, "error", Causes.of(e, file), null);
            return false;
        }
        return switch (c.status()) {
            case ABSENT -> report(file, "absent", "no provenance record (" + c.problem() + ")", null);
            case MALFORMED -> report(file, "malformed", "malformed provenance record: " + c.problem(), null);
            case VALID ->
                switch (c.source()) {
                    case DIFFERS ->
                        report(
                                file,
                                "source-differs",
                                "the record names another source: recorded SHA-256 "
                                        + c.provenance().sourceSha256() + ", " + source + " differs",
                                c.provenance());
                    case NOT_RECORDED ->
                        report(
                                file,
                                "source-not-recorded",
                                "the record names no source file to compare",
                                c.provenance());
                    default -> report(file, "ok", null, c.provenance());
                };
        };
    }

    private boolean report(Path file, String status, String problem, Provenance p) {
        boolean ok = problem == null;
        if (json) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("file", file.toString());
            r.put("status", status);
            r.put("problem", problem);
            if (p != null) {
                r.put("record", record(p));
            }
            ctx.out().println(Json.write(r));
            return ok;
        }
        if (!ok) {
            ctx.err().println("colorize: " + ConsoleReporter.shown(file) + ": " + ConsoleReporter.shown(problem));
            return false;
        }
        // The record is read from the file: its fields are outside text like the file name.
        ctx.out()
                .println(ConsoleReporter.shown(
                        file + ": ok - " + summary(p) + (source != null ? "; source matches " + source : "")));
        return true;
    }

    static String summary(Provenance p) {
        StringBuilder sb = new StringBuilder("colourised by ")
                .append(p.software())
                .append(' ')
                .append(p.softwareVersion())
                .append(" (backend ")
                .append(p.backend())
                .append(", model ")
                .append(p.model());
        if (p.modelSha256() != null) {
            sb.append(" sha256 ").append(abbreviate(p.modelSha256()));
        }
        if (p.renderFactor() > 0) {
            sb.append(", render factor ").append(p.renderFactor());
        }
        sb.append(", strength ")
                .append(p.chromaStrength())
                .append(", ")
                .append(p.device())
                .append(") at ")
                .append(p.created());
        if (p.sourceName() != null) {
            sb.append(" from ").append(p.sourceName());
        }
        if (p.sourceSha256() != null) {
            sb.append(" (sha256 ").append(abbreviate(p.sourceSha256())).append(')');
        }
        if (p.guidedByPerson()) {
            sb.append("; colours guided by a person: ").append(p.hintCount()).append(" hint(s)");
            if (p.hintsSha256() != null) {
                sb.append(" (sidecar sha256 ")
                        .append(abbreviate(p.hintsSha256()))
                        .append(')');
            }
        }
        return sb.toString();
    }

    private static String abbreviate(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) + "…" : sha;
    }

    private static Map<String, Object> record(Provenance p) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("software", p.software());
        r.put("softwareVersion", p.softwareVersion());
        r.put("digitalSourceType", Provenance.DIGITAL_SOURCE_TYPE);
        r.put("backend", p.backend());
        r.put("model", p.model());
        r.put("modelSha256", p.modelSha256());
        r.put("renderFactor", p.renderFactor());
        r.put("chromaStrength", p.chromaStrength());
        r.put("device", p.device());
        r.put("preprocessMs", p.timings().preprocess().toMillis());
        r.put("inferenceMs", p.timings().inference().toMillis());
        r.put("postprocessMs", p.timings().postprocess().toMillis());
        r.put("created", p.created().toString());
        r.put("sourceName", p.sourceName());
        r.put("sourceSha256", p.sourceSha256());
        r.put("hintCount", p.hintCount());
        r.put("hintsSha256", p.hintsSha256());
        return r;
    }
}
