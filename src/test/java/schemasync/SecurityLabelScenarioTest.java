package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import schemasync.catalog.CatalogReader;
import schemasync.catalog.SecurityLabelTarget;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.DeclaredSchema;
import schemasync.dsl.SecurityLabelOn;

/**
 * Security labels on a real server. No test server loads a label provider, so SECURITY LABEL itself is refused; the
 * labels a provider would have written are inserted into pg_catalog.pg_seclabel by the superuser (objoid, classoid,
 * objsubid, provider, label), which pg_seclabels then shows as it would show sepgsql's. Read by the catalog reader;
 * a declared label equal to the database's plans nothing (and the run converges); a different one plans the
 * statement, whose apply PostgreSQL refuses for the unloaded provider, naming it, with nothing changed.
 */
public class SecurityLabelScenarioTest {
    static final String[] SETUP = {
            "CREATE SCHEMA sec",
            "CREATE TABLE sec.\"Docs\" (id integer PRIMARY KEY, note text)",
            "CREATE TYPE sec.mood AS ENUM ('ok')",
            labelSql("'sec.\"Docs\"'::regclass", "pg_class", 2, "selinux", "system_u:object_r:sepgsql_secret_table_t:s0"),
            labelSql("'sec.\"Docs\"'::regclass", "pg_class", 0, "selinux", "system_u:object_r:sepgsql_table_t:s0"),
            labelSql("'sec'::regnamespace", "pg_namespace", 0, "selinux", "system_u:object_r:sepgsql_schema_t:s0"),
            labelSql("'sec.mood'::regtype", "pg_type", 0, "dummy", "it's classified")};

    public static String labelSql(String object, String catalog, int subId, String provider, String label) {
        return "INSERT INTO pg_catalog.pg_seclabel (objoid, classoid, objsubid, provider, label) VALUES (" + object
                + ", 'pg_catalog." + catalog + "'::regclass, " + subId + ", '" + provider + "', '" + label.replace("'", "''") + "')";
    }

    static final List<ChangeBlock> DECLARED = List.of(block("V1_Schema", db -> db.ensureSchema("sec")
            .ensureTable("sec.Docs", t -> t.column("id", "integer").primaryKey().column("note", "text"))
            .ensureEnum("sec.mood", "ok")),
            block("V2_Labels", db -> db
                    .ensureSecurityLabel("selinux", SecurityLabelOn.COLUMN, "sec.Docs.note", "system_u:object_r:sepgsql_secret_table_t:s0")
                    .ensureSecurityLabel("selinux", SecurityLabelOn.TABLE, "sec.Docs", "system_u:object_r:sepgsql_table_t:s0")
                    .ensureSecurityLabel("selinux", SecurityLabelOn.SCHEMA, "sec", "system_u:object_r:sepgsql_schema_t:s0")
                    .ensureSecurityLabel("dummy", SecurityLabelOn.TYPE, "sec.mood", "it's classified")));

    @Test
    void theCatalogReadsTheLabelsAsPgSeclabelsNamesThem() throws Exception {
        try (Scenario s = Scenario.start(SETUP)) {
            assertEquals(Map.of(
                    new SecurityLabelTarget("selinux", "column", "sec.\"Docs\".note"), "system_u:object_r:sepgsql_secret_table_t:s0",
                    new SecurityLabelTarget("selinux", "table", "sec.\"Docs\""), "system_u:object_r:sepgsql_table_t:s0",
                    new SecurityLabelTarget("selinux", "schema", "sec"), "system_u:object_r:sepgsql_schema_t:s0",
                    new SecurityLabelTarget("dummy", "type", "sec.mood"), "it's classified"),
                    CatalogReader.read(s.connection, Set.of("sec")).securityLabels());
            assertEquals(Map.of(), CatalogReader.read(s.connection, Set.of("public")).securityLabels(), "another schema's labels are not read");
        }
    }

    @Test
    void declaredLabelsTheDatabaseHoldsPlanNothing() throws Exception {
        try (Scenario s = Scenario.start(SETUP)) {
            assertEquals(List.of(), Scenario.sql(s.plan(DECLARED)));
            s.applyAndConverge(DECLARED);
        }
    }

    @Test
    void aDifferentLabelPlansTheStatementAndTheServerWithoutTheProviderRefusesItChangingNothing() throws Exception {
        try (Scenario s = Scenario.start(SETUP)) {
            List<ChangeBlock> blocks = List.of(DECLARED.get(0), block("V2_Labels", db -> db
                    .ensureSecurityLabel("selinux", SecurityLabelOn.COLUMN, "sec.Docs.note", "system_u:object_r:sepgsql_table_t:s0")
                    .ensureSecurityLabel("selinux", SecurityLabelOn.SCHEMA, "sec", "system_u:object_r:sepgsql_schema_t:s0")));
            assertEquals(List.of("SECURITY LABEL FOR \"selinux\" ON COLUMN sec.\"Docs\".note IS 'system_u:object_r:sepgsql_table_t:s0'"),
                    Scenario.sql(s.plan(blocks)));
            String before = s.queryString("SELECT string_agg(objtype || ' ' || objname || ' ' || label, '|' ORDER BY 1) FROM pg_seclabels");
            var e = assertThrows(SchemaSyncException.class, () -> s.apply(blocks));
            assertTrue(e.getMessage().contains("security label provider \"selinux\" is not loaded")
                    || e.getMessage().contains("no security label providers have been loaded"), e.getMessage());
            assertFalse(e.getMessage().contains("\tat "), "no stack trace for the user: " + e.getMessage());
            assertEquals(before, s.queryString("SELECT string_agg(objtype || ' ' || objname || ' ' || label, '|' ORDER BY 1) FROM pg_seclabels"),
                    "the apply's transaction changed nothing");
        }
    }

    /** The no-op fast path compares this reading: a label set or changed by hand must move it, or a run would skip the plan. */
    @Test
    void aLabelChangedByHandMovesTheCatalogVersion() throws Exception {
        try (Scenario s = Scenario.start(SETUP)) {
            String before = schemasync.catalog.CatalogVersion.read(s.connection, List.of("sec")).rows();
            s.execute("UPDATE pg_catalog.pg_seclabel SET label = 'other' WHERE provider = 'dummy'");
            String changed = schemasync.catalog.CatalogVersion.read(s.connection, List.of("sec")).rows();
            assertFalse(before.equals(changed), "an UPDATE of a label is seen");
            s.execute("DELETE FROM pg_catalog.pg_seclabel WHERE provider = 'dummy'");
            assertFalse(changed.equals(schemasync.catalog.CatalogVersion.read(s.connection, List.of("sec")).rows()), "a removal is seen");
        }
    }

    @Test
    void badDeclarationsAreRefusedBeforeAnyConnection() {
        var e = assertThrows(SchemaSyncException.class, () -> DeclaredSchema.of(List.of(block("V1", db -> db
                .ensureSecurityLabel(" ", SecurityLabelOn.TABLE, "sec.docs", "x")
                .ensureSecurityLabel("selinux", SecurityLabelOn.COLUMN, "docs", "x")
                .ensureSecurityLabel("selinux", SecurityLabelOn.TABLE, "sec.docs", null)
                .ensureSecurityLabel("selinux", null, "sec.docs", "x")))));
        assertTrue(e.getMessage().contains("V1: security label needs a provider"), e.getMessage());
        assertTrue(e.getMessage().contains("V1: security label for selinux on a column names it as table.column"), e.getMessage());
        assertTrue(e.getMessage().contains("V1: security label for selinux on table sec.docs needs a label"), e.getMessage());
        assertTrue(e.getMessage().contains("V1: security label for selinux needs what it labels"), e.getMessage());
    }
}
