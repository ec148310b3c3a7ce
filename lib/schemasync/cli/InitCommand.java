package schemasync.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import schemasync.SchemaSyncException;

/** {@code init}: removes the sample blocks and leaves an empty, valid Changes.ALL to start from. */
@Command(name = "init", mixinStandardHelpOptions = true, version = "Schema Sync " + CliContext.VERSION,
        description = "Starts your own schema: deletes the sample blocks (@SampleBlock) from the changes folder and"
                + " writes Changes.java with an empty Changes.ALL. Refuses, changing nothing, when the folder holds"
                + " blocks of your own. No database is needed.",
        footerHeading = "%nExamples:%n",
        footer = {"  ./jbang sync-production-schema.java init",
                "  ./jbang sync-production-schema.java --dry-run      then: the plan of an empty Changes.ALL (changes nothing)"})
final class InitCommand implements Callable<Integer> {
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    @Option(names = "--changes-dir", paramLabel = "DIR", defaultValue = "changes",
            description = "The folder of the change blocks (default: ${DEFAULT-VALUE}).")
    Path dir;

    private final CliContext ctx;

    InitCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Path list = dir.resolve(ChangesFolder.LIST_FILE);
        if (!Files.isDirectory(dir)) throw SchemaSyncException.badInput(dir + " is not a folder: run init where the script and changes/ are");
        List<Path> samples = new ArrayList<>();
        List<String> own = new ArrayList<>();
        for (Path file : ChangesFolder.sources(dir)) {
            if (ChangesFolder.isSample(file)) samples.add(file);
            else if (ChangesFolder.declaresBlock(file)) own.add(ChangesFolder.stem(file));
        }
        if (!own.isEmpty()) {
            throw SchemaSyncException.badInput(dir + "/ already holds blocks of your own (" + String.join(", ", own)
                    + "): init only replaces the sample, so nothing was changed");
        }
        String pkg = Files.isRegularFile(list) ? packageOf(ChangesFolder.read(list)) : "changes";
        String content = emptyList(pkg);
        boolean listChanged = !Files.isRegularFile(list) || !ChangesFolder.read(list).equals(content);
        try {
            for (Path file : samples) Files.delete(file);
            if (listChanged) Files.writeString(list, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir, e);
        }
        if (samples.isEmpty() && !listChanged) {
            ctx.out().println(dir + "/ is already a fresh start: an empty Changes.ALL.");
        } else {
            ctx.out().println("Removed " + samples.size() + " sample block" + (samples.size() == 1 ? "" : "s")
                    + " and wrote " + list + " with an empty Changes.ALL.");
        }
        ctx.out().println("Next: --dry-run against your database changes nothing and lists its tables as undeclared;"
                + " write your first block (see the guide, \"Use it on your database\"), add it to Changes.ALL, dry-run, then --apply.");
        return ExitCodes.OK;
    }

    private static String packageOf(String source) {
        Matcher m = PACKAGE.matcher(source);
        return m.find() ? m.group(1) : "changes";
    }

    /** The empty list, in the shape {@code generate} and the sample use. */
    static String emptyList(String pkg) {
        return "package " + pkg + ";\n\n"
                + "import java.util.List;\n"
                + "import schemasync.dsl.ChangeBlock;\n\n"
                + "/**\n"
                + " * The one list that orders the change blocks. Blocks run top to bottom, every time; each declares\n"
                + " * what must exist, so re-running is harmless. Add new blocks at the end; a block that reached\n"
                + " * production is never edited: a later block adds to, changes or removes what it declared.\n"
                + " */\n"
                + "public final class Changes {\n"
                + "    private Changes() {\n"
                + "    }\n\n"
                + "    public static final List<ChangeBlock> ALL = List.of(\n"
                + "            // new C0001_YourFirstChange()\n"
                + "    );\n"
                + "}\n";
    }
}
