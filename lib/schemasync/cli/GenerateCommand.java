package schemasync.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import schemasync.SchemaSyncException;
import schemasync.db.Connections;
import schemasync.db.DatabaseUrl;
import schemasync.generate.GeneratedFiles;
import schemasync.generate.Generator;

/** {@code generate}: write change blocks that declare an existing database. */
@Command(name = "generate", mixinStandardHelpOptions = true, version = "Schema Sync " + CliContext.VERSION,
        description = "Reads an existing database and writes change blocks that declare it (one block per table with its"
                + " indexes and constraints, in foreign-key order; types first, then the functions a table calls; then the other functions, views,"
                + " triggers, policies, grants) for every user schema (or those named) and the ordered list changes/Changes.java. What the DSL cannot express becomes a guarded custom"
                + " step with PostgreSQL's own SQL, listed in the summary. The same database gives byte-identical files.",
        footerHeading = "%nExamples:%n",
        footer = {"  ./jbang sync-production-schema.java generate --database-url \"$DATABASE_URL\" --dry-run",
                "  ./jbang sync-production-schema.java generate --schema public --schema audit --out changes/ --force",
                "  ./jbang sync-production-schema.java roundtrip --database-url \"$DATABASE_URL\"   prove the blocks exact first"})
final class GenerateCommand implements Callable<Integer> {

    @Mixin
    SourceDatabaseOption source;

    @Mixin
    SchemaSelectionOptions schemaOptions;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "changes",
            description = "Where to write the blocks and Changes.java (default: ${DEFAULT-VALUE}/).")
    Path out;

    @Option(names = "--package", paramLabel = "NAME", defaultValue = "changes",
            description = "Java package of the generated classes (default: ${DEFAULT-VALUE}, what the JBang script compiles).")
    String pkg;

    @Option(names = "--force", description = "Overwrite existing files that differ (never done without it).")
    boolean force;

    @Option(names = "--dry-run", description = "Print the files that would be written; write nothing.")
    boolean dryRun;

    private final CliContext ctx;

    GenerateCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws SQLException {
        DatabaseUrl url = source.url(ctx);
        Generator.Result result;
        try (Connection c = Connections.open(url)) {
            result = Generator.generate(c, schemaOptions.selection().resolve(c));
        } catch (SQLException e) {
            throw new SchemaSyncException(SchemaSyncException.Code.DATABASE, Connections.redact(e.getMessage(), url.properties()), e);
        }
        List<GeneratedFiles.File> files = GeneratedFiles.of(result.blocks(), out, pkg);
        if (dryRun) {
            for (GeneratedFiles.File f : files) {
                ctx.out().println("// ----- " + f.path() + " -----");
                ctx.out().print(f.content());
            }
        } else {
            int written = GeneratedFiles.write(files, force);
            ctx.out().println("Wrote " + written + " of " + files.size() + " files to " + out
                    + (written < files.size() ? " (the others were already identical)" : ""));
        }
        summary(ctx, result, files.size() - 1);
        if (dryRun) ctx.out().println("Dry run: nothing was written.");
        return ExitCodes.OK;
    }

    /** What was generated, what became custom steps, and what was not carried at all. */
    static void summary(CliContext ctx, Generator.Result result, int blocks) {
        ctx.out().println();
        ctx.out().println("Generated " + blocks + " change blocks from " + describe(result.objects()) + ".");
        if (!result.carried().isEmpty()) {
            ctx.out().println("Carried as guarded custom steps (" + result.carried().size() + "): exact SQL, review them:");
            result.carried().forEach(c -> ctx.out().println("  " + c.block() + ": " + c.what() + " — " + c.why()));
        }
        if (!result.notCarried().isEmpty()) {
            ctx.out().println("Not carried (" + result.notCarried().size() + "): recreate these by hand if you need them:");
            result.notCarried().forEach(n -> ctx.out().println("  " + n));
        }
        if (!result.unmodeled().isEmpty()) {
            ctx.out().println("In the source but not compared by plans or the round trip (the catalog does not model them): "
                    + describe(result.unmodeled()));
        }
    }

    static String describe(Map<String, Integer> counts) {
        if (counts.isEmpty()) return "no objects";
        StringBuilder s = new StringBuilder();
        counts.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(v).append(' ').append(k).append(v == 1 ? "" : "s"));
        return s.toString().replace("indexs", "indexes").replace("classs", "classes").replace("familys", "families");
    }
}
