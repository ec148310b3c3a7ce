package schemasync.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import schemasync.catalog.QualifiedName;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.Declaration;
import schemasync.dsl.DeclaredSchema;
import schemasync.dsl.KindDecl;
import schemasync.dsl.NewObjects;
import schemasync.dsl.Privilege;

/**
 * The tenant's scope reaches every builder the fold hands out (a table's chain in ensureConstraints and ensurePartition,
 * a sequence's OWNED BY, a range type's options, a publication's tables, default privileges' schema, routine
 * signatures), and the names it resolves stay resolved once the fold has returned: no thread or static state.
 */
class TenantFoldBuildersTest {
    private static final List<ChangeBlock> BLOCKS = List.of(
            block("B1", db -> {
                db.ensureSchema("tenant");
                db.ensureTable("tenant.accounts", t -> t.column("id", "bigint").column("name", "text").primaryKey("id"));
                db.ensureTable("tenant.events", t -> t.column("id", "bigint").column("account_id", "bigint")
                        .column("at", "date").partitionBy("RANGE (at)"));
                db.ensureSequence("tenant.invoice_number").ownedBy("tenant.accounts.id");
                db.ensureFunction("tenant.touch()", "RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$");
                db.ensureCollation("tenant.ci", c -> c.icu("und-u-ks-level2"));
                db.ensureRangeType("tenant.namerange", "text", r -> r.collation("tenant.ci").multirangeTypeName("tenant.names"));
                db.ensurePublication("accounts_pub", p -> p.table("tenant.accounts").tablesInSchema("tenant"));
                db.ensureDefaultPrivileges(NewObjects.TABLES, "public", Privilege.SELECT).inSchema("tenant");
            }),
            block("B2", db -> {
                db.ensureConstraints("tenant.events", t -> t.foreignKey("account_id").references("tenant.accounts", "id"));
                db.ensurePartition("tenant.events_2024", "tenant.events", "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
                        t -> t.foreignKey("account_id").references("tenant.accounts", "id").named("events_2024_account_fk"));
            }));

    @Test
    void everyBuilderResolvesTheTenantsNames() {
        String text = Tenants.declarations(BLOCKS, "tenant", "tenant_042").declarations().toString();
        for (String resolved : List.of("SequenceDecl[name=tenant_042.invoice_number", "ownedTable=tenant_042.accounts",
                "FunctionDecl[name=tenant_042.touch", "schema=tenant_042, objects=TABLES", "table=tenant_042.accounts, columns=[]",
                "schemas=[tenant_042]", "ConstraintsDecl[table=tenant_042.events", "PartitionDecl[name=tenant_042.events_2024, parent=tenant_042.events",
                "references=tenant_042.accounts")) {
            assertTrue(text.contains(resolved), resolved + " in " + text);
        }
        assertFalse(text.contains("references=tenant.accounts"), text);
        assertFalse(text.contains("tenant."), text);
    }

    @Test
    void aRangeTypesNamesAreTheTenantsAfterTheFold() {
        // Read after the fold returned (as the planner and renderer read them): resolved when declared, not when read.
        KindDecl.RangeTypeDecl range = rangeType(Tenants.declarations(BLOCKS, "tenant", "tenant_042"));
        assertEquals(new QualifiedName("tenant_042", "names"), range.multirange());
        assertEquals(new QualifiedName("tenant_042", "ci"), range.type().collation());
        KindDecl.RangeTypeDecl asWritten = rangeType(DeclaredSchema.of(BLOCKS));
        assertEquals(new QualifiedName("tenant", "names"), asWritten.multirange());
    }

    @Test
    void foldsForManyTenantsAtOnceKeepTheirOwnNames() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> folds = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String tenant = "tenant_" + i;
                folds.add(pool.submit(() -> Tenants.declarations(BLOCKS, "tenant", tenant).declarations().toString()));
            }
            for (int i = 0; i < 16; i++) {
                String text = folds.get(i).get();
                assertTrue(text.contains("SequenceDecl[name=tenant_" + i + ".invoice_number"), text);
                assertTrue(text.contains("references=tenant_" + i + ".accounts"), text);
                for (int j = 0; j < 16; j++) {
                    if (j != i) assertFalse(text.contains("tenant_" + j + "."), "fold " + i + " saw tenant_" + j + ": " + text);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static KindDecl.RangeTypeDecl rangeType(DeclaredSchema schema) {
        for (Declaration d : schema.declarations()) {
            if (d instanceof KindDecl.RangeTypeDecl r) return r;
        }
        throw new AssertionError("no range type in " + schema.declarations());
    }
}
