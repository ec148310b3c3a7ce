package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.model.HazardKind;

/**
 * A child's own default and NOT NULL on an inherited column: written by hand (not as pg_get_expr prints it) it
 * converges, compared at its fixed point; set with {@code ALTER TABLE ONLY}, it never reaches a grandchild.
 */
class InheritedColumnOnlyTest {

    private static List<ChangeBlock> tree(String childDefault, boolean childNotNull) {
        return List.of(block("C1_Tree", db -> {
            db.ensureTable("places", t -> t.column("id", "bigint").column("name", "text")
                    .column("country", "char(2)", schemasync.dsl.Default.dflt("'US'")));
            db.ensureTable("cities", t -> {
                var b = t.inherits("places").column("mayor", "text").inheritedDefault("country", childDefault);
                return childNotNull ? b.inheritedNotNull("name") : b;
            });
            db.ensureTable("districts", t -> t.inherits("cities").column("code", "int"));
        }));
    }

    /** Each column of the table as {@code name:notnull:default}. */
    private static String columns(Scenario s, String table) throws Exception {
        return s.queryString("SELECT string_agg(a.attname || ':' || a.attnotnull::text::char(1) || ':'"
                + " || COALESCE(pg_get_expr(d.adbin, d.adrelid), ''), ',' ORDER BY a.attname) FROM pg_attribute a"
                + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                + " WHERE a.attrelid = '" + table + "'::regclass AND a.attname IN ('country', 'name')");
    }

    @Test
    void aHandWrittenDefaultConvergesAndTheGrandchildKeepsTheParents() throws Exception {
        try (Scenario s = Scenario.start()) {
            // 'FR', as people write it; PostgreSQL prints 'FR'::bpchar. Applied, the next plan is empty.
            s.applyAndConverge(tree("'FR'", true));
            assertEquals("country:f:'FR'::bpchar,name:t:", columns(s, "cities"));
            // The grandchild was created after its parent's own default and NOT NULL (CREATE TABLE ... INHERITS copies them
            // at creation, as pg_dump's ONLY statements come after every CREATE TABLE): read what it has now.
            String grandchild = columns(s, "districts");

            // Changed on the child: the child alone is set back (ONLY), the grandchild keeps what it has.
            s.execute("ALTER TABLE ONLY cities ALTER COLUMN country SET DEFAULT 'DE'");
            s.execute("ALTER TABLE ONLY cities ALTER COLUMN name DROP NOT NULL");
            assertEquals(List.of("ALTER TABLE ONLY \"public\".\"cities\" ALTER \"country\" SET DEFAULT 'FR'::bpchar",
                    "ALTER TABLE ONLY \"public\".\"cities\" ALTER COLUMN \"name\" SET NOT NULL"), Scenario.sql(s.plan(tree("'FR'", true))));
            s.applyAndConverge(tree("'FR'", true), HazardKind.FULL_SCAN_UNDER_LOCK);
            assertEquals("country:f:'FR'::bpchar,name:t:", columns(s, "cities"));
            assertEquals(grandchild, columns(s, "districts"));

            // The default declared as none: dropped on the child alone (its NOT NULL, no longer declared, is reported
            // and left alone, as every undeclared own attribute of an inherited column is).
            s.applyAndConverge(tree(null, false));
            assertEquals("country:f:,name:t:", columns(s, "cities"));
            assertEquals(grandchild, columns(s, "districts"));
        }
    }

    @Test
    void onAnExistingTreeTheGrandchildIsNeverTouched() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE places (id bigint, name text, country char(2) DEFAULT 'US')",
                "CREATE TABLE cities (mayor text) INHERITS (places)", "CREATE TABLE districts (code int) INHERITS (cities)")) {
            s.applyAndConverge(tree("'FR'", true), HazardKind.FULL_SCAN_UNDER_LOCK);
            assertEquals("country:f:'FR'::bpchar,name:t:", columns(s, "cities"));
            // Without ONLY, both would have reached districts.
            assertEquals("country:f:'US'::bpchar,name:f:", columns(s, "districts"));
        }
    }
}
