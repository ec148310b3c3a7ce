package schemasync.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import schemasync.SchemaSyncException;

/**
 * The files a generation writes: one per block and {@code Changes.java}. An existing file is never
 * overwritten without {@code force} (a file with the very same content counts as written); with
 * {@code force}, files of older blocks that the new list does not mention are left in place.
 */
public final class GeneratedFiles {

    public record File(Path path, String content) {
    }

    private GeneratedFiles() {
    }

    public static List<File> of(List<GeneratedBlock> blocks, Path outDir, String pkg) {
        List<File> files = new ArrayList<>();
        for (GeneratedBlock b : blocks) files.add(new File(outDir.resolve(b.className() + ".java"), b.source(pkg)));
        files.add(new File(outDir.resolve("Changes.java"), GeneratedBlock.changesSource(pkg, blocks)));
        return files;
    }

    /** Files that exist with other content: writing them needs {@code --force}. */
    public static List<Path> conflicts(List<File> files) {
        List<Path> conflicts = new ArrayList<>();
        for (File f : files) {
            try {
                if (Files.exists(f.path()) && !Files.readString(f.path(), StandardCharsets.UTF_8).equals(f.content())) {
                    conflicts.add(f.path());
                }
            } catch (IOException e) {
                conflicts.add(f.path());
            }
        }
        return conflicts;
    }

    /** Writes every file; refuses (nothing written) when one would be overwritten without {@code force}. */
    public static int write(List<File> files, boolean force) {
        List<Path> conflicts = conflicts(files);
        if (!force && !conflicts.isEmpty()) {
            throw SchemaSyncException.badInput(conflicts.size() + " file(s) exist with other content and were not overwritten"
                    + " (nothing was written; pass --force to replace them, or choose another --out): "
                    + String.join(", ", conflicts.stream().map(Path::toString).limit(5).toList())
                    + (conflicts.size() > 5 ? ", ..." : ""));
        }
        int written = 0;
        try {
            for (File f : files) {
                Path parent = f.path().toAbsolutePath().getParent();
                if (parent != null) Files.createDirectories(parent);
                if (Files.exists(f.path()) && Files.readString(f.path(), StandardCharsets.UTF_8).equals(f.content())) continue;
                Files.writeString(f.path(), f.content(), StandardCharsets.UTF_8);
                written++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the generated blocks", e);
        }
        return written;
    }
}
