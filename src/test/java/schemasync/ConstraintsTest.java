package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.DeclaredSchema;
import schemasync.model.HazardKind;
import schemasync.plan.Plan;
import schemasync.plan.PlanItem.Drift;

/** UNIQUE, CHECK and FOREIGN KEY constraints: created inline, added online, compared by shape. */
class ConstraintsTest {

    /** UNIQUE NULLS NOT DISTINCT is PostgreSQL 15's; below, the key is a plain UNIQUE (NewerServerFeatures refuses the other). */
    private static final boolean NULLS_NOT_DISTINCT = TestDatabase.major() >= 15;

    private static final List<ChangeBlock> SHOP = List.of(
            block("C1_Orgs", db -> db.ensureTable("organizations", t -> t
                    .column("id", "bigint").column("slug", "text").primaryKey("id").unique("slug"))),
            block("C2_Products", db -> db.ensureTable("products", ConstraintsTest::products)));

    private static schemasync.dsl.TableBuilder products(schemasync.dsl.TableBuilder t) {
        schemasync.dsl.TableBuilder keyed = t
                .column("id", "bigint").column("organization_id", "bigint").column("price", "numeric(12,2)")
                .column("parent_id", "bigint")
                .primaryKey("id")
                .check("products_price_positive", "price > 0")
                .foreignKey("organization_id").references("organizations").onDeleteCascade()
                .foreignKey("parent_id").references("products", "id").deferred();
        return (NULLS_NOT_DISTINCT ? keyed.uniqueNullsNotDistinct("organization_id", "parent_id") : keyed.unique("organization_id", "parent_id"))
                .named("products_org_parent_key");
    }

    @Test
    void newTablesGetTheirConstraintsInlineAndConverge() throws Exception {
        try (Scenario s = Scenario.start()) {
            Plan plan = s.plan(SHOP);
            assertEquals(List.of(
                    "CREATE TABLE \"public\".\"organizations\" (\"id\" bigint NOT NULL, \"slug\" text, PRIMARY KEY (\"id\"),"
                            + " CONSTRAINT \"organizations_slug_key\" UNIQUE (\"slug\"))",
                    "CREATE TABLE \"public\".\"products\" (\"id\" bigint NOT NULL, \"organization_id\" bigint,"
                            + " \"price\" numeric(12,2), \"parent_id\" bigint, PRIMARY KEY (\"id\"),"
                            + " CONSTRAINT \"products_price_positive\" CHECK (price > 0),"
                            + " CONSTRAINT \"products_organization_id_fkey\" FOREIGN KEY (\"organization_id\")"
                            + " REFERENCES \"public\".\"organizations\" ON DELETE CASCADE,"
                            + " CONSTRAINT \"products_parent_id_fkey\" FOREIGN KEY (\"parent_id\") REFERENCES \"public\".\"products\""
                            + " (\"id\") DEFERRABLE INITIALLY DEFERRED,"
                            + " CONSTRAINT \"products_org_parent_key\" UNIQUE" + (NULLS_NOT_DISTINCT ? " NULLS NOT DISTINCT" : "")
                            + " (\"organization_id\", \"parent_id\"))"),
                    Scenario.sql(plan));
            s.applyAndConverge(SHOP);
            assertEquals("CHECK ((price > (0)::numeric))",
                    s.queryString("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'products_price_positive'"));
        }
    }

    @Test
    void onExistingTablesChecksAndForeignKeysAreAddedNotValidThenValidated() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE organizations (id bigint PRIMARY KEY, slug text)",
                "CREATE TABLE products (id bigint PRIMARY KEY, organization_id bigint, price numeric(12,2), parent_id bigint)",
                "INSERT INTO organizations VALUES (1, 'acme')", "INSERT INTO products VALUES (1, 1, 9.5, NULL)")) {
            Plan plan = s.plan(SHOP);
            List<String> sql = Scenario.sql(plan);
            assertEquals("ALTER TABLE \"public\".\"organizations\" ADD CONSTRAINT \"organizations_slug_key\" UNIQUE (\"slug\")", sql.get(0));
            assertEquals("ALTER TABLE \"public\".\"products\" ADD CONSTRAINT \"products_price_positive\" CHECK (price > 0) NOT VALID", sql.get(1));
            assertEquals("ALTER TABLE \"public\".\"products\" VALIDATE CONSTRAINT \"products_price_positive\"", sql.get(2));
            assertEquals(HazardKind.VALIDATION_SCAN, plan.steps().get(2).hazards().get(0).kind());
            assertEquals(HazardKind.INDEX_BUILD, plan.steps().get(0).hazards().get(0).kind());
            assertEquals(8, sql.size(), () -> String.join("\n", sql));
            // Never analyzed: their size is unknown, so the UNIQUE index builds must be allowed.
            s.applyAndConverge(SHOP, HazardKind.INDEX_BUILD);
        }
    }

    @Test
    void aNotValidConstraintIsValidatedAndADifferentOneIsDrift() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE organizations (id bigint PRIMARY KEY, slug text,"
                        + " CONSTRAINT organizations_slug_key UNIQUE (slug))",
                "CREATE TABLE products (id bigint PRIMARY KEY, organization_id bigint, price numeric(12,2), parent_id bigint,"
                        + " CONSTRAINT products_org_parent_key UNIQUE" + (NULLS_NOT_DISTINCT ? " NULLS NOT DISTINCT" : "") + " (organization_id, parent_id),"
                        + " CONSTRAINT products_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES products (id) DEFERRABLE INITIALLY DEFERRED)",
                "ALTER TABLE products ADD CONSTRAINT products_price_positive CHECK (price >= 0) NOT VALID",
                "ALTER TABLE products ADD CONSTRAINT products_organization_id_fkey FOREIGN KEY (organization_id)"
                        + " REFERENCES organizations NOT VALID")) {
            Plan plan = s.plan(SHOP);
            List<Drift> drift = Scenario.drift(plan);
            assertEquals(2, drift.size(), drift::toString);
            assertEquals("declared CHECK ((price > (0)::numeric)), database has CHECK ((price >= (0)::numeric)): not changed;"
                    + " replacing it means dropping and adding it again", drift.get(0).message());
            assertTrue(drift.get(1).message().contains("ON DELETE CASCADE, database has FOREIGN KEY (organization_id)"
                    + " REFERENCES public.organizations(id): not changed"), drift.get(1).message());
            assertEquals(List.of(), Scenario.sql(plan), "neither is NOT VALID-and-equal, so nothing to validate");
            s.applyAndConverge(SHOP);
        }
    }

    @Test
    void sameShapeUnderAnotherNameIsNotAddedTwiceAndUndeclaredIsReported() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE organizations (id bigint PRIMARY KEY, slug text,"
                + " CONSTRAINT org_slug_unique UNIQUE (slug), CONSTRAINT org_id_positive CHECK (id > 0))")) {
            List<ChangeBlock> blocks = List.of(SHOP.get(0));
            Plan plan = s.plan(blocks);
            assertTrue(plan.isEmpty(), () -> Scenario.sql(plan).toString());
            List<String> messages = Scenario.drift(plan).stream().map(d -> d.object() + ": " + d.message()).toList();
            assertEquals(List.of("public.organizations.organizations_slug_key: declared UNIQUE (slug), which exists as"
                            + " org_slug_unique: not added twice; rename one to match",
                    "public.organizations.org_id_positive: exists in the database (CHECK ((id > 0))) but no block declares it: left alone",
                    "public.organizations.org_slug_unique: exists in the database (UNIQUE (slug)) but no block declares it: left alone"),
                    messages);
        }
    }

    @Test
    void foreignKeyToAMissingTableOrBadColumnsIsBadInput() throws Exception {
        try (Scenario s = Scenario.start()) {
            var e = assertThrows(SchemaSyncException.class, () -> s.plan(List.of(block("C5_Fk", db -> db.ensureTable("a",
                    t -> t.column("b_id", "bigint").foreignKey("b_id").references("b"))))));
            assertEquals("C5_Fk: foreign key a_b_id_fkey references public.b, which does not exist in the database and no"
                    + " earlier block declares it", e.getMessage());
        }
        var e = assertThrows(SchemaSyncException.class, () -> DeclaredSchema.of(List.of(block("C6", db -> db.ensureTable("a",
                t -> t.column("x", "int").unique("y").foreignKey("x").references("b", "p", "q"))))));
        assertTrue(e.getMessage().contains("C6: unique constraint a_y_key names column \"y\", which table public.a does not declare"),
                e.getMessage());
        assertTrue(e.getMessage().contains("C6: foreign key a_x_fkey has 1 columns but references 2"), e.getMessage());
    }

    @Test
    void aBadCheckExpressionNamesItsBlock() throws Exception {
        try (Scenario s = Scenario.start()) {
            var e = assertThrows(SchemaSyncException.class, () -> s.plan(List.of(block("C7_Check", db -> db.ensureTable("a",
                    t -> t.column("x", "int").check("a_x_ok", "y > 0"))))));
            assertTrue(e.getMessage().contains("C7_Check: check constraint public.a.a_x_ok: ERROR: column \"y\" does not exist"),
                    e.getMessage());
        }
    }

    @Test
    void aUniqueConstraintWhoseNameAnIndexHoldsIsReportedNotAttempted() throws Exception {
        try (Scenario s = Scenario.start("CREATE TABLE organizations (id bigint PRIMARY KEY, slug text)",
                "CREATE UNIQUE INDEX organizations_slug_key ON organizations (slug)")) {
            Plan plan = s.plan(List.of(SHOP.get(0)));
            assertTrue(plan.isEmpty(), () -> Scenario.sql(plan).toString());
            assertTrue(Scenario.drift(plan).get(0).message().contains("but an index named organizations_slug_key exists: not added"),
                    () -> Scenario.drift(plan).toString());
        }
    }

    /** Below PostgreSQL 15, a key NULLS NOT DISTINCT is refused before anything runs, naming it, not a syntax error at apply. */
    @Test
    void nullsNotDistinctIsRefusedClearlyBelowPostgres15() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestDatabase.major() < 15, "PostgreSQL older than 15");
        List<ChangeBlock> blocks = List.of(block("C1", db -> db.ensureTable("pairs", t -> t.column("a", "int").column("b", "int")
                .uniqueNullsNotDistinct("a", "b").named("pairs_a_b_key"))));
        try (Scenario s = Scenario.start()) {
            String m = assertThrows(schemasync.SchemaSyncException.class, () -> s.apply(blocks)).getMessage();
            assertTrue(m.contains("public.pairs.pairs_a_b_key (block C1): a UNIQUE constraint NULLS NOT DISTINCT needs PostgreSQL 15"), m);
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_class WHERE relname = 'pairs'"));
        }
    }
}
