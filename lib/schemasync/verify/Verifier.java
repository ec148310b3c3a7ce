package schemasync.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import schemasync.SchemaSyncException;
import schemasync.db.Connections;
import schemasync.db.EmbeddedDatabase;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.DeclaredSchema;
import schemasync.execute.SchemaSync;
import schemasync.execute.SchemaSync.Outcome;
import schemasync.execute.SchemaSync.Result;
import schemasync.plan.Plan;
import schemasync.report.SchemaDocs;

/**
 * The project's own proof of soundness, on a throwaway embedded PostgreSQL (no Docker, no
 * DATABASE_URL): the blocks load and validate; applied to an empty database they converge (plan
 * again: empty; apply again: nothing executed); applied to a database where only the first half of
 * the blocks ran ("staging is behind") they converge too; docs/SCHEMA.md is current.
 */
public final class Verifier {
    /** A throwaway database holds nothing to protect: every hazard kind is allowed there. */
    private static final SchemaSync.Options THROWAWAY = SchemaSync.Options.defaults()
            .withAllowedHazards(java.util.EnumSet.allOf(schemasync.model.HazardKind.class));


    /** One check and whether it held. */
    public record Check(String name, boolean ok, Duration elapsed, String detail) {
    }

    public record Report(String postgresVersion, List<Check> checks, Duration elapsed) {
        public boolean ok() {
            return checks.stream().allMatch(Check::ok);
        }
    }

    private final List<? extends ChangeBlock> blocks;
    private final Path schemaDoc;
    private final Consumer<Check> progress;
    private final List<Check> checks = new ArrayList<>();

    private Verifier(List<? extends ChangeBlock> blocks, Path schemaDoc, Consumer<Check> progress) {
        this.blocks = blocks;
        this.schemaDoc = schemaDoc;
        this.progress = progress;
    }

    public static Report run(List<? extends ChangeBlock> blocks, int postgresMajor, Path schemaDoc,
                             Consumer<Check> progress) throws SQLException {
        return new Verifier(blocks, schemaDoc, progress).run(postgresMajor);
    }

    private Report run(int postgresMajor) throws SQLException {
        long start = System.nanoTime();
        long t0 = System.nanoTime();
        DeclaredSchema all = DeclaredSchema.of(blocks); // invalid declarations: exit 2 with the list
        record(new Check("blocks load and declarations are valid", true, since(t0),
                blocks.size() + " blocks, " + all.declarations().size() + " declarations"));
        String version;
        try (EmbeddedDatabase server = EmbeddedDatabase.startThrowaway(postgresMajor)) {
            version = serverVersion(server);
            converges("an empty database", server, "verify_empty", List.of());
            if (blocks.size() >= 2) {
                List<? extends ChangeBlock> firstHalf = blocks.subList(0, blocks.size() / 2);
                converges("a database where blocks 1–" + firstHalf.size() + " already ran", server, "verify_behind", firstHalf);
            }
        }
        docsAreCurrent(all);
        return new Report(version, List.copyOf(checks), since(start));
    }

    /** Optionally applies {@code before} first, then all blocks twice, and plans again in between. */
    private void converges(String startingPoint, EmbeddedDatabase server, String database,
                           List<? extends ChangeBlock> before) throws SQLException {
        try (Connection admin = Connections.open(server.url("postgres")); Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + database);
        }
        DeclaredSchema all = DeclaredSchema.of(blocks);
        try (Connection c = Connections.open(server.url(database))) {
            long t0 = System.nanoTime();
            String name = "apply to " + startingPoint;
            Result first;
            try {
                if (!before.isEmpty()) SchemaSync.apply(c, DeclaredSchema.of(before), THROWAWAY);
                first = SchemaSync.apply(c, all, THROWAWAY);
            } catch (SchemaSyncException e) {
                // A failing apply is a failed check with the tool's own message, not a crash of verify.
                if (e.code() == SchemaSyncException.Code.BAD_INPUT) throw e;
                record(new Check(name, false, since(t0), e.getMessage()));
                return;
            }
            record(new Check(name, true, since(t0), first.executed().size() + " statements, verified in sync"));

            t0 = System.nanoTime();
            Plan again = SchemaSync.dryRun(c, all).plan();
            record(new Check("plan again after applying to " + startingPoint + " is empty", again.isEmpty(), since(t0),
                    again.isEmpty() ? "no steps" : again.steps().size() + " steps left: " + SchemaSync.sql(again)));

            t0 = System.nanoTime();
            Result second = SchemaSync.apply(c, all, THROWAWAY);
            boolean nothing = second.outcome() == Outcome.IN_SYNC && second.executed().isEmpty();
            record(new Check("apply again to " + startingPoint + " executes nothing", nothing, since(t0),
                    second.executed().size() + " statements executed"));
        }
    }

    private void docsAreCurrent(DeclaredSchema declared) {
        long t0 = System.nanoTime();
        String expected = SchemaDocs.markdown(declared);
        String actual;
        try {
            actual = Files.isRegularFile(schemaDoc) ? Files.readString(schemaDoc) : null;
        } catch (IOException e) {
            actual = null;
        }
        boolean current = expected.equals(actual);
        record(new Check(schemaDoc + " is up to date", current, since(t0), current ? "matches the blocks"
                : (actual == null ? "missing" : "stale") + ": run ./jbang sync-production-schema.java docs and commit it"));
    }

    private static String serverVersion(EmbeddedDatabase server) throws SQLException {
        try (Connection c = Connections.open(server.url("postgres")); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void record(Check check) {
        checks.add(check);
        progress.accept(check);
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }
}
