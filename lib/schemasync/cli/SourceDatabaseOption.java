package schemasync.cli;

import picocli.CommandLine.Option;
import schemasync.SchemaSyncException;
import schemasync.db.DatabaseUrl;

/**
 * {@code --database-url} of the commands that only read a database (generate, roundtrip), falling
 * back to DATABASE_URL. Unlike the sync command's target there is no embedded default: generating
 * from a throwaway database would only ever give empty blocks.
 */
final class SourceDatabaseOption {

    @Option(names = "--database-url", paramLabel = "URL", description = "The database to read; default: DATABASE_URL.")
    String databaseUrl;

    /** Named as the sync command's target is (see TargetResolver), without the embedded default. */
    DatabaseUrl url(CliContext ctx) {
        var resolved = Target.resolve(databaseUrl, null, ctx);
        if (resolved == null) {
            throw SchemaSyncException.badInput("no database: pass --database-url or set DATABASE_URL (or DATABASE_URL_FILE,"
                    + " or libpq's PGHOST or PGSERVICE)");
        }
        return resolved.url();
    }
}
