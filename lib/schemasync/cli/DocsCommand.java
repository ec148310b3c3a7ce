package schemasync.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import schemasync.dsl.DeclaredSchema;
import schemasync.report.SchemaDocs;

/** {@code docs}: writes docs/SCHEMA.md from the blocks (verify fails when the committed file is stale). */
@Command(name = "docs", mixinStandardHelpOptions = true, version = "Schema Sync " + CliContext.VERSION,
        description = "Writes the schema documentation (tables, columns, indexes, a Mermaid ER diagram) generated"
                + " from the change blocks. No database is needed.",
        footerHeading = "%nExamples:%n",
        footer = {"  ./jbang sync-production-schema.java docs && git add docs/SCHEMA.md",
                "  ./jbang sync-production-schema.java docs --out -      print it instead"})
final class DocsCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "docs/SCHEMA.md",
            description = "Where to write it, - for standard output (default: ${DEFAULT-VALUE}).")
    String out;

    private final CliContext ctx;

    DocsCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ChangesFolder.requireAllListed(ctx.changesDir(), ctx.blocks());
        String markdown = SchemaDocs.markdown(DeclaredSchema.of(ctx.blocks()));
        if (out.equals("-")) {
            ctx.out().print(markdown);
            return ExitCodes.OK;
        }
        Path file = Path.of(out);
        try {
            boolean unchanged = Files.isRegularFile(file) && Files.readString(file).equals(markdown);
            if (!unchanged) {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) Files.createDirectories(parent);
                Files.writeString(file, markdown);
            }
            ctx.out().println(file + (unchanged ? " is up to date" : " written") + " (" + markdown.lines().count() + " lines)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return ExitCodes.OK;
    }
}
