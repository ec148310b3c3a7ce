package schemasync.cli;

import java.nio.file.Path;
import schemasync.SchemaSyncException;
import schemasync.db.DatabaseUrl;
import schemasync.db.EmbeddedDatabase;

/** The database a run talks to, and the embedded server to stop afterwards if one was started. */
record Target(DatabaseUrl url, EmbeddedDatabase embedded) implements AutoCloseable {

    static Target choose(String databaseUrl, boolean embedded, Path embeddedDir, CliContext ctx, OutputOptions output) {
        String url = databaseUrl != null ? databaseUrl : ctx.env().get("DATABASE_URL");
        if (url != null && !url.isBlank()) {
            if (embedded) throw SchemaSyncException.badInput("--embedded and a database URL cannot be used together");
            return new Target(DatabaseUrl.parse(url), null);
        }
        if (!embedded && !ctx.interactive()) {
            // A release phase must never "succeed" against a throwaway database.
            throw SchemaSyncException.badInput("no database: set DATABASE_URL or pass --database-url"
                    + " (this run has no terminal, e.g. CI, a release phase or a pipe, so the local embedded"
                    + " PostgreSQL is used only when asked for with --embedded)");
        }
        if (output.chatty()) {
            ctx.out().println("No DATABASE_URL: using the embedded PostgreSQL in " + embeddedDir
                    + " (a local development database; set DATABASE_URL to target a real one)");
        }
        EmbeddedDatabase db = EmbeddedDatabase.start(embeddedDir.toAbsolutePath());
        return new Target(db.url("postgres"), db);
    }

    @Override
    public void close() {
        if (embedded != null) embedded.close();
    }
}
