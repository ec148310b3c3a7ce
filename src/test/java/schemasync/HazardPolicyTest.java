package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import schemasync.cli.SchemaSyncCli;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.DeclaredSchema;
import schemasync.execute.SchemaSync;
import schemasync.execute.SchemaSync.Outcome;
import schemasync.model.HazardKind;
import schemasync.plan.HazardPolicy;
import schemasync.plan.Plan;

/**
 * --apply refuses hazard kinds not allowed (data deletion and rewrites, scans and plain index builds
 * of tables that are not small), listing each step with its block and changing nothing; a block can
 * allow a kind for its own steps, the command line for the whole run.
 */
class HazardPolicyTest {

    private static final ChangeBlock KEEP = block("C1_Keep", db -> db.ensureTable("keep", t -> t.column("id", "int")));

    @Test
    void deletingDataIsRefusedUntilTheBlockAllowsIt() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE legacy (id int)", "INSERT INTO legacy VALUES (1)")) {
            List<ChangeBlock> refused = List.of(KEEP, block("C2_Drop", db -> db.ensureNoTable("legacy")));
            SchemaSync.Result result = s.apply(refused);
            assertEquals(Outcome.REFUSED, result.outcome());
            assertEquals(List.of("C2_Drop: DropTable public.legacy — DELETES_DATA (drops table public.legacy and its data"
                    + " (size unknown: never vacuumed or analyzed))"), result.review().refusals().stream().map(r -> r.describe()).toList());
            assertEquals("legacy", s.queryString("SELECT to_regclass('public.legacy')::text"), "nothing changed");
            assertEquals(null, s.queryString("SELECT to_regclass('public.keep')"), "not even the harmless steps");

            // Another block's allowance does not count.
            List<ChangeBlock> elsewhere = List.of(block("C1_Keep", db -> {
                db.allowHazard(HazardKind.DELETES_DATA, "not this block's drop");
                db.ensureTable("keep", t -> t.column("id", "int"));
            }), block("C2_Drop", db -> db.ensureNoTable("legacy")));
            assertEquals(Outcome.REFUSED, s.apply(elsewhere).outcome());

            List<ChangeBlock> allowed = List.of(KEEP, block("C2_Drop", db -> {
                db.allowHazard(HazardKind.DELETES_DATA, "legacy archived in OPS-123");
                db.ensureNoTable("legacy");
            }));
            s.applyAndConverge(allowed);
            assertEquals(null, s.queryString("SELECT to_regclass('public.legacy')"));
        }
    }

    @Test
    void theSizeFromTheCatalogDecidesWhetherABuildIsAHazard() throws Exception {
        List<ChangeBlock> unique = List.of(block("C1", db -> db.ensureTable("t", t -> t.column("v", "int").unique("v"))));
        try (Scenario s = Scenario.start("CREATE TABLE t (v int)")) {
            // Never analyzed: the size is unknown, so it counts as big.
            assertEquals(HazardKind.INDEX_BUILD, s.plan(unique).steps().get(0).hazards().get(0).kind());
            s.execute("ANALYZE t");
            Plan small = s.plan(unique);
            assertEquals(HazardKind.ACCESS_EXCLUSIVE_LOCK, small.steps().get(0).hazards().get(0).kind(),
                    small.steps().get(0).hazards()::toString);
            s.execute("INSERT INTO t SELECT g FROM generate_series(1, 50000) g");
            s.execute("ANALYZE t");
            Plan big = s.plan(unique);
            assertEquals(HazardKind.INDEX_BUILD, big.steps().get(0).hazards().get(0).kind());
            assertTrue(big.steps().get(0).hazards().get(0).detail().contains("~50000 rows"), big.steps().get(0).hazards()::toString);
            assertEquals(Outcome.REFUSED, s.apply(unique).outcome());
            SchemaSync.Result applied = SchemaSync.apply(s.connection, DeclaredSchema.of(unique),
                    SchemaSync.Options.defaults().withAllowedHazards(Set.of(HazardKind.INDEX_BUILD)));
            assertEquals(Outcome.APPLIED, applied.outcome());
            s.assertReplayPredicts(unique, applied);
            assertTrue(s.plan(unique).isEmpty());
        }
    }

    @Test
    void theDryRunMarksRefusedHazardsAndApplyExitsNineWithJson() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE legacy (id int)")) {
            List<ChangeBlock> blocks = List.of(block("C2_Drop", db -> db.ensureNoColumn("legacy", "id")));
            String url = s.url.jdbcUrl() + (s.url.jdbcUrl().contains("?") ? "&" : "?") + "user="
                    + s.url.properties().getProperty("user");
            Cli dry = cli(blocks, "--dry-run", "--database-url", url);
            assertEquals(0, dry.exit, dry.err);
            assertTrue(dry.out.contains("hazard DELETES_DATA (drops column public.legacy.id and its data (size unknown: never"
                    + " vacuumed or analyzed)) — REFUSED by --apply: allow with --allow-hazard DELETES_DATA or"
                    + " db.allowHazard(HazardKind.DELETES_DATA, \"why\") in C2_Drop"), dry.out);
            assertTrue(dry.out.contains("1 step(s) with hazards --apply refuses"), dry.out);

            Cli apply = cli(blocks, "--apply", "--database-url", url);
            assertEquals(9, apply.exit, apply.out + apply.err);
            assertTrue(apply.err.startsWith("error: --apply refused, nothing was changed: the plan has hazards that are not"
                    + " allowed:\n  - C2_Drop: DropColumn public.legacy.id — DELETES_DATA"), apply.err);

            Cli json = cli(blocks, "--apply", "--format", "json", "--database-url", url);
            assertEquals(9, json.exit);
            json = new Cli(json.exit, json.out.replaceAll("\\s+", ""), json.err);
            assertTrue(json.out.contains("\"outcome\":\"refused\""), json.out);
            assertTrue(json.out.contains("\"refusals\":[{\"block\":\"C2_Drop\",\"step\":\"DropColumn\",\"object\":\"public.legacy.id\","
                    + "\"kind\":\"DELETES_DATA\""), json.out);
            assertTrue(json.out.contains("\"verdict\":\"refused\""), json.out);
            assertEquals("id", s.queryString("SELECT attname FROM pg_attribute WHERE attrelid = 'legacy'::regclass AND attnum = 1"));

            Cli allowed = cli(blocks, "--apply", "--allow-hazard", "deletes_data", "--database-url", url);
            assertEquals(0, allowed.exit, allowed.out + allowed.err);
            assertTrue(s.plan(blocks).isEmpty());
        }
    }

    @Test
    void briefLocksAndOnlineStepsAreAllowedByDefault() {
        assertTrue(HazardPolicy.ALLOWED_BY_DEFAULT.containsAll(Set.of(HazardKind.ACCESS_EXCLUSIVE_LOCK, HazardKind.WRITE_LOCK,
                HazardKind.VALIDATION_SCAN, HazardKind.NOT_TRANSACTIONAL)));
        for (HazardKind never : List.of(HazardKind.DELETES_DATA, HazardKind.TABLE_REWRITE, HazardKind.FULL_SCAN_UNDER_LOCK,
                HazardKind.INDEX_BUILD)) {
            assertTrue(!HazardPolicy.ALLOWED_BY_DEFAULT.contains(never), never::toString);
        }
    }

    record Cli(int exit, String out, String err) {
    }

    private static Cli cli(List<ChangeBlock> blocks, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = SchemaSyncCli.run(args, blocks, Map.of(), false, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Cli(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
