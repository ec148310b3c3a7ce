package schemasync.cli;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import schemasync.catalog.CatalogVersion;
import schemasync.db.Connections;
import schemasync.db.DatabaseUrl;
import schemasync.db.TargetResolver;
import schemasync.dsl.PendingDeclarations;

/**
 * What a plain run ({@code --dry-run}, {@code --check}, {@code --apply} against {@code DATABASE_URL})
 * starts before picocli has read its command line: connecting (pgjdbc's first connection in a fresh
 * JVM costs ~0.15 s, mostly loading the driver) and running the blocks, each on a thread of its own.
 * picocli's own start (~0.3 s: its Java 5 classes load from the jar on every run) used to come first.
 *
 * <p>Only when the outcome cannot depend on the command line: a target that resolves from the environment
 * (DATABASE_URL, DATABASE_URL_FILE, PGHOST/PGSERVICE; see TargetResolver) without a password command, no
 * {@code --database-url}, {@code --embedded}, help, version or subcommand. Whatever the command line
 * then says, the errors are the same ones at the same point: {@link #connection} rethrows the connect
 * failure where the run would have connected, and an unused connection is closed.
 */
final class HeadStart implements AutoCloseable {
    private static final Set<String> ELSEWHERE = Set.of("--embedded", "-h", "--help", "-V", "--version", "verify", "docs",
            "generate", "roundtrip", "generate-completion");

    private static final java.util.regex.Pattern FLEET =
            java.util.regex.Pattern.compile("--(targets?|tenant|tenant-schemas|shard|only-failed|results)(=|$)");

    private final DatabaseUrl url;
    private final CompletableFuture<Connection> connection;
    private final PendingDeclarations declarations;
    /** The fast path's catalog version, read right after connecting; null when the run cannot take it. */
    private final CompletableFuture<CatalogVersion.Reading> version;
    private boolean taken;

    private HeadStart(DatabaseUrl url, CompletableFuture<Connection> connection, PendingDeclarations declarations,
                      CompletableFuture<CatalogVersion.Reading> version) {
        this.url = url;
        this.connection = connection;
        this.declarations = declarations;
        this.version = version;
    }

    /** A head start, or null when the command line could send the run elsewhere. */
    static HeadStart begin(String[] args, CliContext ctx) {
        Map<String, String> env = ctx.env();
        for (String arg : args) {
            if (ELSEWHERE.contains(arg) || arg.startsWith("--database-url") || arg.startsWith("--password-command")) return null;
            if (FLEET.matcher(arg).lookingAt()) return null; // a fleet connects to each of its targets itself
        }
        // A password command runs once, where the run resolves its target.
        if (TargetResolver.hasPasswordCommand(null, env)) return null;
        DatabaseUrl url;
        try {
            TargetResolver.Resolved resolved = TargetResolver.resolve(null, null, env);
            if (resolved == null) return null;
            url = resolved.url();
        } catch (RuntimeException invalid) {
            return null; // reported where the run reads it, as without a head start
        }
        boolean fastPath = FastPathRun.mayTake(args);
        PendingDeclarations declarations = PendingDeclarations.start(ctx.blocks(), fastPath, ctx.caller());
        CompletableFuture<Connection> connection = new CompletableFuture<>();
        CompletableFuture<CatalogVersion.Reading> version = fastPath ? new CompletableFuture<>() : null;
        Thread connecting = new Thread(() -> {
            Connection c;
            try {
                c = Connections.open(url);
            } catch (Throwable t) {
                connection.completeExceptionally(t);
                declarations.proceed();
                if (version != null) version.completeExceptionally(t);
                return;
            }
            // The fast path reads one statement in autocommit: nothing stays open on the connection. Read
            // before handing the connection over, beside picocli's start and the blocks' fingerprint.
            if (version != null) {
                try {
                    // The managed schemas as the last verified apply recorded them: the blocks need not run first.
                    CatalogVersion.Reading reading = CatalogVersion.read(c, null);
                    // Nothing recorded (a first apply, a role that cannot record): no fast path, run the blocks now.
                    if (reading.recorded() == null) declarations.proceed();
                    version.complete(reading);
                } catch (Throwable t) {
                    declarations.proceed();
                    version.completeExceptionally(t);
                }
            }
            connection.complete(c);
        }, "schema-sync-connect");
        connecting.setDaemon(true);
        connecting.start();
        return new HeadStart(url, connection, declarations, version);
    }

    /**
     * The catalog version read ahead on the connection to {@code target}, or null (not read ahead, another
     * target, or the read failed: the run reads it itself, and meets the failure where it would have).
     */
    CatalogVersion.Reading catalogVersion(DatabaseUrl target) {
        if (version == null || !target.equals(url)) return null;
        try {
            return version.join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            return null;
        }
    }

    PendingDeclarations declarations() {
        return declarations;
    }

    /**
     * The connection to {@code target} with the run's network timeout (as {@link Connections#open(DatabaseUrl,
     * Duration)} gives it): the one opened ahead if it is for that URL, else a new one.
     */
    Connection connection(DatabaseUrl target, Duration statementTimeout) throws SQLException {
        if (taken || !target.equals(url)) return Connections.open(target, statementTimeout);
        taken = true;
        Connection c;
        try {
            c = connection.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
        if (!target.properties().containsKey("socketTimeout")) {
            Connections.boundNetworkWait(c, statementTimeout);
        }
        return c;
    }

    /** Closes the connection opened ahead if the run did not take it (a usage error, say). */
    @Override
    public void close() {
        if (!taken) connection.thenAccept(HeadStart::closeQuietly);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // the process is ending; the server notices the closed socket
        }
    }
}
