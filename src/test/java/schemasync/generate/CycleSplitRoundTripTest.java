package schemasync.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.SchemaSyncException;
import schemasync.Scenario;
import schemasync.dsl.DeclaredSchema;
import schemasync.execute.SchemaSync;
import schemasync.plan.PlanItem;
import schemasync.step.Step;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What generate used to write as a custom step or stop on (issue 13): a partition's own primary key, and the cycles
 * pg_dump breaks by splitting a part out. Each is generated with the defaults, applied to an empty database and must
 * come back exactly (no difference, no custom step, empty plans: {@link ExactRoundTrip}).
 */
class CycleSplitRoundTripTest {

    record Fixture(String name, int minimumVersion, String sql) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Fixture> fixtures() {
        return List.of(
                new Fixture("a partition created alone with its own primary key and attached to a parent without one", 0, """
                        CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, note text) PARTITION BY RANGE (at);
                        CREATE TABLE events_2024 (id bigint NOT NULL, at date NOT NULL, note text, PRIMARY KEY (id, at));
                        ALTER TABLE events ATTACH PARTITION events_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
                        CREATE TABLE events_2025 (id bigint NOT NULL, at date NOT NULL, note text,
                            CONSTRAINT events_2025_key PRIMARY KEY (at, id), CONSTRAINT events_2025_note_key UNIQUE (note));
                        ALTER TABLE events ATTACH PARTITION events_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
                        CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
                        """),
                new Fixture("a default calling a function whose standard SQL body (RETURN) reads the default's own table", 140000, """
                        CREATE TABLE a_tickets (id bigint PRIMARY KEY, label text NOT NULL);
                        CREATE FUNCTION zz_next() RETURNS bigint LANGUAGE sql RETURN (SELECT coalesce(max(id), 0) + 1 FROM a_tickets);
                        ALTER TABLE a_tickets ALTER COLUMN id SET DEFAULT zz_next();
                        CREATE TABLE b_notes (id bigint PRIMARY KEY, ticket bigint REFERENCES a_tickets (id));
                        """),
                new Fixture("a partition's own default calling a function whose standard SQL body reads the partitioned table", 140000, """
                        CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, n bigint DEFAULT 0) PARTITION BY RANGE (at);
                        CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
                        CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
                        CREATE FUNCTION zz_next_n() RETURNS bigint LANGUAGE sql RETURN (SELECT coalesce(max(n), 0) + 1 FROM events);
                        ALTER TABLE ONLY events_2024 ALTER COLUMN n SET DEFAULT zz_next_n();
                        """),
                new Fixture("a partitioned table's default in a cycle while partitions have their own (or none) on that column", 140000, """
                        CREATE TABLE orders (id bigint NOT NULL, at date NOT NULL, status text NOT NULL) PARTITION BY RANGE (at);
                        CREATE TABLE orders_2024 PARTITION OF orders FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
                        CREATE TABLE orders_2025 PARTITION OF orders FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
                        CREATE TABLE orders_2026 PARTITION OF orders FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')
                            PARTITION BY LIST (status);
                        CREATE TABLE orders_2026_open PARTITION OF orders_2026 FOR VALUES IN ('open');
                        CREATE TABLE orders_2026_rest PARTITION OF orders_2026 DEFAULT;
                        CREATE TABLE orders_2027 PARTITION OF orders FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');
                        CREATE FUNCTION zz_order_id() RETURNS bigint LANGUAGE sql RETURN (SELECT coalesce(max(id), 0) + 1 FROM orders);
                        ALTER TABLE orders ALTER COLUMN id SET DEFAULT zz_order_id();
                        ALTER TABLE ONLY orders_2024 ALTER COLUMN id DROP DEFAULT;
                        ALTER TABLE ONLY orders_2025 ALTER COLUMN id SET DEFAULT 0;
                        ALTER TABLE ONLY orders_2026_rest ALTER COLUMN id SET DEFAULT -1;
                        """),
                new Fixture("defaults naming another table's row type (and an array of it) that has a column of this table's", 0, """
                        CREATE TABLE a_holders (id int, n int, m boolean);
                        CREATE TABLE b_items (id int, holder a_holders);
                        ALTER TABLE a_holders ALTER COLUMN n SET DEFAULT (ROW(0, NULL)::b_items).id;
                        ALTER TABLE a_holders ALTER COLUMN m SET DEFAULT (NULL::b_items[]) IS NULL;
                        CREATE TABLE a_points (id bigint PRIMARY KEY);
                        CREATE TABLE b_shapes (id bigint PRIMARY KEY, label text DEFAULT (NULL::a_points)::text);
                        ALTER TABLE a_points ADD COLUMN shape b_shapes;
                        """),
                new Fixture("a function whose standard SQL body reads a foreign table, one calling it used by a table's CHECK", 140000, """
                        CREATE EXTENSION postgres_fdw;
                        CREATE SERVER films_server FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'localhost', dbname 'films');
                        CREATE FOREIGN TABLE zz_remote_films (code text NOT NULL, title text) SERVER films_server;
                        CREATE FUNCTION a_film_count() RETURNS bigint LANGUAGE sql STABLE RETURN (SELECT count(*) FROM zz_remote_films);
                        CREATE FUNCTION a_known_code(c text) RETURNS boolean LANGUAGE sql STABLE
                            RETURN EXISTS (SELECT 1 FROM zz_remote_films WHERE code = c);
                        CREATE TABLE m_rentals (id bigint PRIMARY KEY, code text NOT NULL CHECK (a_known_code(code)));
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void roundTripsExactly(Fixture fixture) throws Exception {
        ExactRoundTrip.assertExact(fixture.name(), fixture.minimumVersion(), fixture.sql());
    }

    /**
     * The split default: the table's block declares the column without it, a later block sets it with
     * ensureColumnChanged(...).dflt(...), and on an empty database that later block plans one ALTER TABLE ... SET DEFAULT on
     * the column the earlier block created (nothing else: no re-creation, no NOT NULL dance).
     */
    @Test
    void aDefaultSplitOutOfACyclePlansAsOneSetDefaultOnTheNewColumn() throws Exception {
        try (Scenario source = Scenario.start(); Scenario target = Scenario.start()) {
            if (Integer.parseInt(source.queryString("SHOW server_version_num")) < 140000) return; // standard SQL bodies: 14+
            source.execute("""
                    CREATE TABLE a_tickets (id bigint PRIMARY KEY, label text NOT NULL);
                    CREATE FUNCTION zz_next() RETURNS bigint LANGUAGE sql RETURN (SELECT coalesce(max(id), 0) + 1 FROM a_tickets);
                    ALTER TABLE a_tickets ALTER COLUMN id SET DEFAULT zz_next();
                    """);
            Generator.Result generated = Generator.generate(source.connection, List.of("public"));
            GeneratedBlock table = generated.blocks().stream().filter(b -> b.className().endsWith("_ATickets")).findFirst().orElseThrow();
            GeneratedBlock function = generated.blocks().stream().filter(b -> b.source("p").contains("zz_next()")
                    && b.source("p").contains("ensureFunction")).findFirst().orElseThrow();
            GeneratedBlock defaults = generated.blocks().stream().filter(b -> b.className().endsWith("_DefaultsClosingCycles"))
                    .findFirst().orElseThrow();
            List<GeneratedBlock> blocks = generated.blocks();
            assertTrue(blocks.indexOf(table) < blocks.indexOf(function) && blocks.indexOf(function) < blocks.indexOf(defaults),
                    blocks.stream().map(GeneratedBlock::className).toList().toString());
            assertFalse(table.source("p").contains("zz_next"), table.source("p"));
            assertTrue(defaults.source("p").contains("db.ensureColumnChanged(\"a_tickets\", \"id\").dflt(\"public.zz_next()\");"),
                    defaults.source("p"));
            List<PlanItem.Change> changes = SchemaSync.dryRun(target.connection, DeclaredSchema.of(generated.blocks())).plan().changes()
                    .stream().filter(c -> c.object().equals("public.a_tickets.id")).toList();
            assertEquals(1, changes.size(), changes.toString());
            assertEquals(List.of(new Step.SetColumnDefault(schemasync.catalog.QualifiedName.parse("public.a_tickets"), "id", "public.zz_next()")),
                    changes.get(0).steps().stream().map(PlanItem.PlannedStep::step).toList());
        }
    }

    /** A generated column cannot be created without its expression: that cycle stays a clear error naming it. */
    @Test
    void aGeneratedColumnCallingAFunctionThatReadsItsTableIsAClearError() throws Exception {
        try (Scenario s = Scenario.start()) {
            if (Integer.parseInt(s.queryString("SHOW server_version_num")) < 140000) return;
            s.execute("""
                    CREATE TABLE a_rows (id bigint PRIMARY KEY, n int);
                    CREATE FUNCTION zz_count(x int) RETURNS bigint LANGUAGE sql IMMUTABLE RETURN (SELECT count(*) FROM a_rows) + x;
                    ALTER TABLE a_rows ADD COLUMN total bigint GENERATED ALWAYS AS (zz_count(n)) STORED;
                    """);
            SchemaSyncException e = assertThrows(SchemaSyncException.class, () -> Generator.generate(s.connection, List.of("public")));
            assertEquals(SchemaSyncException.Code.BAD_INPUT, e.code());
            assertTrue(e.getMessage().startsWith("generate cannot order these tables and functions (public.a_rows → function"
                    + " public.zz_count(x integer) → public.a_rows)"), e.getMessage());
            assertTrue(e.getMessage().contains("a generated column cannot be created without its expression"), e.getMessage());
        }
    }

    /**
     * An index closing a cycle (its function's standard SQL body reads the index's own table) that the DSL cannot say (an
     * access method of an extension, bloom) is a custom step: it waits in the block after the function like a declared
     * index would, the apply succeeds, and the copy is exact with empty plans; that custom step is the one carried.
     */
    @Test
    void anIndexClosingACycleThatIsACustomStepComesAfterItsFunction() throws Exception {
        try (Scenario source = Scenario.start(); Scenario target = Scenario.start()) {
            if (Integer.parseInt(source.queryString("SHOW server_version_num")) < 140000) return;
            source.execute("""
                    CREATE EXTENSION bloom;
                    CREATE TABLE a_labels (id bigint PRIMARY KEY, code text NOT NULL, parent text);
                    CREATE FUNCTION zz_children(c text) RETURNS text LANGUAGE sql IMMUTABLE
                        RETURN (SELECT count(*)::text FROM a_labels WHERE parent = c);
                    CREATE INDEX a_labels_children_idx ON a_labels USING bloom (zz_children(code));
                    """);
            schemasync.verify.RoundTrip.Report report = ExactRoundTrip.run(source,
                    SchemaSelection.all().resolve(source.connection), target);
            GeneratedBlock later = report.generated().blocks().stream().filter(b -> b.className().endsWith("_IndexesClosingCycles"))
                    .findFirst().orElseThrow();
            assertTrue(later.source("p").contains("db.customStep(\"index a_labels_children_idx\")"), later.source("p"));
            assertEquals(List.of("index public.a_labels_children_idx"),
                    report.generated().carried().stream().map(Generator.Carried::what).toList());
            assertEquals(List.of(), report.diff().differences(), "catalog differences");
            assertEquals(List.of(), report.sourcePlan(), "plan against the source");
            assertEquals(List.of(), report.sourceDrift(), "drift against the source");
            assertEquals(List.of(), report.targetPlan(), "plan against the copy");
            assertEquals(List.of(), report.targetDrift(), "drift against the copy");
        }
    }
}
