package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;

/**
 * Grants on a materialized view and on a foreign table (GRANT ... ON TABLE takes both) and a foreign table's comment: read by the catalog, declared
 * with {@code ensureGrant}, created, set back when revoked by hand, the next plan empty; an undeclared one is reported.
 */
class RelationGrantsTest {
    private static final String ROLE = "DO $$ BEGIN CREATE ROLE k9_analyst; EXCEPTION WHEN duplicate_object THEN NULL; END $$";

    private static List<ChangeBlock> blocks() {
        return List.of(block("C1_Sales", db -> db.ensureExtension("postgres_fdw")
                .ensureForeignServer("k9_archive", "postgres_fdw", s -> s.option("host", "localhost").option("dbname", "archive"))
                .ensureForeignTable("archived_orders", "k9_archive", t -> t.column("id", "bigint"))
                .ensureTable("sales", t -> t.column("id", "bigint").primaryKey("id"))
                .ensureMaterializedView("sales_count", "SELECT count(*) AS n FROM sales")
                .ensureGrant("sales_count", "k9_analyst", "SELECT")
                .ensureGrant("archived_orders", "k9_analyst", "SELECT", "INSERT")
                .ensureComment(schemasync.dsl.CommentOn.FOREIGN_TABLE, "archived_orders", "Orders before 2020")));
    }

    private static String privileges(Scenario s) throws Exception {
        return s.queryString("SELECT string_agg(c.relname || ':' || x.privilege_type, ',' ORDER BY c.relname, x.privilege_type)"
                + " FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) x WHERE c.relname IN ('sales_count', 'archived_orders')"
                + " AND x.grantee = 'k9_analyst'::regrole");
    }

    @Test
    void grantsOnAMaterializedViewAndAForeignTableAreCreatedAndSetBack() throws Exception {
        try (Scenario s = Scenario.start(ROLE)) {
            s.applyAndConverge(blocks());
            assertEquals("archived_orders:INSERT,archived_orders:SELECT,sales_count:SELECT", privileges(s));
            assertEquals("Orders before 2020", s.queryString("SELECT obj_description('archived_orders'::regclass, 'pg_class')"));

            s.execute("COMMENT ON FOREIGN TABLE archived_orders IS 'changed'");
            s.execute("REVOKE SELECT ON sales_count FROM k9_analyst");
            s.execute("GRANT UPDATE ON archived_orders TO k9_analyst");
            List<String> sql = Scenario.sql(s.plan(blocks()));
            assertTrue(sql.stream().anyMatch(q -> q.startsWith("GRANT SELECT ON") && q.contains("sales_count")), sql::toString);
            List<schemasync.plan.PlanItem.Drift> drift = Scenario.drift(s.plan(blocks()));
            assertTrue(drift.stream().anyMatch(d -> d.toString().contains("archived_orders") && d.toString().contains("UPDATE")),
                    drift::toString);
            s.execute("REVOKE UPDATE ON archived_orders FROM k9_analyst");
            s.applyAndConverge(blocks());
            assertEquals("archived_orders:INSERT,archived_orders:SELECT,sales_count:SELECT", privileges(s));
            assertEquals("Orders before 2020", s.queryString("SELECT obj_description('archived_orders'::regclass, 'pg_class')"));
        }
    }
}
