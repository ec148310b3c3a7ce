package schemasync.cli;

import java.nio.file.Path;
import schemasync.SchemaSyncException;
import schemasync.db.DatabaseUrl;
import schemasync.db.EmbeddedDatabase;
import schemasync.db.Libpq;
import schemasync.db.TargetResolver;

/** The database a run talks to, and the embedded server to stop afterwards if one was started. */
record Target(DatabaseUrl url, EmbeddedDatabase embedded) implements AutoCloseable {

    /**
     * The database named by --database-url, DATABASE_URL, DATABASE_URL_FILE or PGHOST/PGSERVICE (in that
     * order, see {@link TargetResolver}); else the embedded one. With --embedded the PG* variables are
     * not consulted: a developer's shell may set them for psql.
     */
    static Target choose(String databaseUrl, String passwordCommand, boolean embedded, Path embeddedDir, CliContext ctx,
                         OutputOptions output) {
        if (embedded) {
            boolean named = databaseUrl != null || Libpq.nonBlankEnv(ctx.env(), "DATABASE_URL")
                    || Libpq.nonBlankEnv(ctx.env(), "DATABASE_URL_FILE");
            if (named) throw SchemaSyncException.badInput("--embedded and a database URL cannot be used together");
        } else {
            TargetResolver.Resolved resolved = resolve(databaseUrl, passwordCommand, ctx);
            if (resolved != null) return new Target(resolved.url(), null);
        }
        if (!embedded && !ctx.interactive()) {
            // A release phase must never "succeed" against a throwaway database.
            throw SchemaSyncException.badInput("no database: set DATABASE_URL (or DATABASE_URL_FILE, or libpq's PGHOST or"
                    + " PGSERVICE) or pass --database-url (this run has no terminal, e.g. CI, a release phase or a pipe,"
                    + " so the local embedded PostgreSQL is used only when asked for with --embedded)");
        }
        if (output.chatty()) {
            ctx.out().println("No DATABASE_URL: using the embedded PostgreSQL in " + embeddedDir
                    + " (a local development database; set DATABASE_URL to target a real one)");
        }
        EmbeddedDatabase db = EmbeddedDatabase.start(embeddedDir.toAbsolutePath());
        return new Target(db.url("postgres"), db);
    }

    /** Resolves the target and prints its warnings (a password in the command line, a shared ~/.pgpass). */
    static TargetResolver.Resolved resolve(String databaseUrl, String passwordCommand, CliContext ctx) {
        TargetResolver.Resolved resolved = TargetResolver.resolve(databaseUrl, passwordCommand, ctx.env());
        if (resolved != null) resolved.warnings().forEach(w -> ctx.err().println("warning: " + w));
        return resolved;
    }

    @Override
    public void close() {
        if (embedded != null) embedded.close();
    }
}
