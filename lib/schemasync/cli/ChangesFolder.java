package schemasync.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import schemasync.SchemaSyncException;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.SampleBlock;

/**
 * The source folder of the blocks ({@code changes/}), read as files. The class path is never scanned
 * for blocks (that breaks under CDS/AOT caches): the folder's sources are compared with the one
 * ordered list instead, when the folder is visible from where the tool runs.
 */
final class ChangesFolder {
    static final String LIST_FILE = "Changes.java";
    private static final Pattern DECLARES_BLOCK = Pattern.compile("\\bimplements\\s+[\\w.,\\s<>]*\\bChangeBlock\\b");
    private static final Pattern SAMPLE_MARK = Pattern.compile("^\\s*@(schemasync\\.dsl\\.)?SampleBlock\\b", Pattern.MULTILINE);

    private ChangesFolder() {
    }

    /** The folder the entry script compiled, when it is visible from the working directory; else null. */
    static Path visible(Path dir) {
        return dir != null && Files.isRegularFile(dir.resolve(LIST_FILE)) ? dir : null;
    }

    /**
     * Exit 2 when a source file of the folder declares a block that the list does not hold: such a
     * block would be compiled and silently never run.
     */
    static void requireAllListed(Path dir, List<? extends ChangeBlock> blocks) {
        if (dir == null) return;
        List<String> unlisted = unlisted(dir, blocks);
        if (unlisted.isEmpty()) return;
        throw SchemaSyncException.badInput(dir.resolve(LIST_FILE) + " does not list " + String.join(", ", unlisted)
                + ": a block in " + dir + "/ that is not in Changes.ALL would never run. Add it to Changes.ALL"
                + " (at the end, after the blocks that reached production), or delete the file. Nothing was changed.");
    }

    /** Class names of the blocks declared in the folder's sources and missing from the list. */
    static List<String> unlisted(Path dir, List<? extends ChangeBlock> blocks) {
        Set<String> listed = blocks.stream().map(b -> b.getClass().getSimpleName()).collect(Collectors.toSet());
        List<String> missing = new ArrayList<>();
        for (Path file : sources(dir)) {
            String stem = stem(file);
            // Reading only the files the list does not name keeps this a directory listing on big schemas.
            if (!listed.contains(stem) && DECLARES_BLOCK.matcher(read(file)).find()) missing.add(stem);
        }
        return missing;
    }

    /** Class names of listed blocks that carry {@link SampleBlock}. */
    static Set<String> samples(List<? extends ChangeBlock> blocks) {
        return blocks.stream().filter(b -> b.getClass().isAnnotationPresent(SampleBlock.class))
                .map(b -> b.getClass().getSimpleName()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The folder's sources other than the list, sorted by name. */
    static List<Path> sources(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".java"))
                    .filter(f -> !f.getFileName().toString().equals(LIST_FILE)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    static boolean isSample(Path file) {
        return SAMPLE_MARK.matcher(read(file)).find();
    }

    static boolean declaresBlock(Path file) {
        return DECLARES_BLOCK.matcher(read(file)).find();
    }

    static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".java".length());
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
