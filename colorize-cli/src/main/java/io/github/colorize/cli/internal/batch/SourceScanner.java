package io.github.colorize.cli.internal.batch;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the photos to colourise under the paths given on the command line.
 *
 * <p>Rules, all documented in {@code --help}:
 *
 * <ul>
 *   <li>folders are walked recursively, following symbolic links; a link that loops back is reported
 *       as a warning and not followed again; a photo reached by two paths (a link to a folder scanned
 *       anyway, a folder named twice) is taken once, with a warning naming the alias ({@link
 *       SameFiles}); a broken link with a photo's name is a problem naming its target;
 *   <li>files and folders whose name starts with {@code .} are hidden and skipped (this also keeps the
 *       output folder's own {@code .part}, lock and manifest files out);
 *   <li>photos are recognised by extension: {@value #EXTENSIONS_TEXT}; other files are ignored;
 *   <li>the output folder may lie inside an input folder, and is then left out of the scan; it may
 *       not be an input folder itself, nor contain an input.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class SourceScanner {

    /** The extensions recognised as photos, for help texts. */
    public static final String EXTENSIONS_TEXT = "jpg, jpeg, png, tif, tiff, bmp, gif, webp";

    private static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "tif", "tiff", "bmp", "gif", "webp");

    private SourceScanner() {}

    /**
     * What a scan found.
     *
     * @param sources the photos, sorted by relative path
     * @param problems inputs that could not be used (missing, unreadable folders), to report as failed
     * @param ignored named files that are not photos by extension, to report as skipped
     * @param warnings harmless oddities such as symbolic-link loops
     */
    public record Result(List<SourceFile> sources, List<Problem> problems, List<Path> ignored, List<String> warnings) {}

    /**
     * An input that could not be used.
     *
     * @param path the path
     * @param reason why
     */
    public record Problem(Path path, String reason) {}

    /**
     * Whether a file name has a photo extension.
     *
     * @param fileName the name
     * @return true for the recognised extensions, in any case
     */
    public static boolean hasPhotoExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * Scans the inputs.
     *
     * @param inputs files and folders, as given
     * @param outDir the output folder (need not exist yet), or null when nothing is written next to the
     *     inputs
     * @return what was found
     * @throws BatchUsageException if the output folder is an input folder or contains an input
     */
    public static Result scan(List<Path> inputs, Path outDir) throws BatchUsageException {
        Path out = outDir == null ? null : PathChecks.canonical(outDir);
        SameFiles found = new SameFiles();
        List<Problem> problems = new ArrayList<>();
        List<Path> ignored = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                problems.add(
                        new Problem(input, Files.isSymbolicLink(input) ? brokenLink(input) : "no such file or folder"));
                continue;
            }
            Path real = PathChecks.canonical(input);
            if (out != null && real.equals(out)) {
                throw new BatchUsageException(input + ": the output folder must not be an input folder");
            }
            if (out != null && real.startsWith(out)) {
                throw new BatchUsageException(
                        input + ": is inside the output folder " + outDir + "; choose another --out");
            }
            if (Files.isDirectory(input)) {
                walk(input, out, found, problems, warnings);
            } else if (hasPhotoExtension(input.getFileName().toString())) {
                try {
                    BasicFileAttributes attrs = Files.readAttributes(input, BasicFileAttributes.class);
                    found.add(new SourceFile(input, input.getFileName().toString()), input, attrs);
                } catch (IOException e) {
                    problems.add(new Problem(input, "cannot read: " + describe(e)));
                }
            } else {
                ignored.add(input);
            }
        }
        List<SourceFile> sources = found.distinct(warnings);
        sources.sort(Comparator.comparing(SourceFile::relative)
                .thenComparing(s -> s.path().toString()));
        return new Result(List.copyOf(sources), List.copyOf(problems), List.copyOf(ignored), List.copyOf(warnings));
    }

    private static void walk(Path root, Path out, SameFiles found, List<Problem> problems, List<String> warnings) {
        try {
            Files.walkFileTree(
                    root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            if (!dir.equals(root) && isHidden(dir)) {
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            // The output folder inside an input folder is not input, nor is any part of it
                            // that a symbolic link in the input leads to (earlier outputs would come back).
                            if (out != null && PathChecks.canonical(dir).startsWith(out)) {
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            String name = file.getFileName().toString();
                            if (isHidden(file)
                                    || (out != null
                                            && PathChecks.canonical(file).startsWith(out))) {
                                return FileVisitResult.CONTINUE;
                            }
                            if (attrs.isSymbolicLink()) {
                                // Links are followed, so these are the link's own attributes: it leads nowhere.
                                reportBrokenLink(file, problems, warnings);
                            } else if (attrs.isRegularFile() && hasPhotoExtension(name)) {
                                found.add(new SourceFile(file, relative(root, file)), root, attrs);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            if (e instanceof FileSystemLoopException) {
                                warnings.add(file + ": symbolic link loops back to a parent folder; not followed");
                            } else if (Files.isSymbolicLink(file) && !Files.exists(file)) {
                                reportBrokenLink(file, problems, warnings);
                            } else if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)
                                    || hasPhotoExtension(file.getFileName().toString())) {
                                problems.add(new Problem(file, "cannot read: " + describe(e)));
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            problems.add(new Problem(root, "cannot read folder: " + describe(e)));
        }
    }

    /**
     * A photo's name on a link that leads nowhere is a photo that cannot be colourised: failed, naming
     * the target (an unmounted drive, a moved folder), never passed over in silence. Other broken
     * links, perhaps to folders, get a warning.
     */
    private static void reportBrokenLink(Path link, List<Problem> problems, List<String> warnings) {
        if (hasPhotoExtension(link.getFileName().toString())) {
            problems.add(new Problem(link, brokenLink(link)));
        } else {
            warnings.add(link + ": " + brokenLink(link) + "; ignored");
        }
    }

    private static String brokenLink(Path link) {
        try {
            return "broken symbolic link to " + Files.readSymbolicLink(link) + " (no such file)";
        } catch (IOException | UnsupportedOperationException e) {
            return "broken symbolic link (no such file)";
        }
    }

    private static boolean isHidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static String relative(Path root, Path file) {
        Path rel = root.relativize(file);
        StringBuilder sb = new StringBuilder();
        for (Path part : rel) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(part);
        }
        return sb.toString();
    }

    private static String describe(IOException e) {
        String cls = e.getClass().getSimpleName();
        return e.getMessage() == null ? cls : cls + " (" + e.getMessage() + ")";
    }
}
