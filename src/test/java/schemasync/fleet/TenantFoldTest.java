package schemasync.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import schemasync.SchemaSyncException;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.DeclaredSchema;
import schemasync.dsl.TenantScope;

/** The DSL folds the blocks for one tenant: the placeholder schema's names become the tenant's, shared ones stay. */
class TenantFoldTest {
    private static final List<ChangeBlock> BLOCKS = List.of(
            block("C0", db -> db.ensureExtension("pgcrypto", null, null)),
            block("C1", db -> db.ensureTable("public.plans", t -> t.column("id", "integer").primaryKey("id"))),
            block("C2", db -> {
                db.ensureSchema("tenant");
                db.ensureTable("tenant.accounts", t -> t.column("id", "bigint").column("plan_id", "integer")
                        .primaryKey("id").foreignKey("plan_id").references("public.plans", "id"));
                db.ensureTable("tenant.notes", t -> t.column("account_id", "bigint")
                        .foreignKey("account_id").references("tenant.accounts", "id"));
                db.ensureIndex("notes_account_idx").on("tenant.notes").columns("account_id");
                db.ensureSchemaGrant("tenant", "public", schemasync.dsl.Privilege.USAGE);
                // SQL text is the block's: it names the tenant's schema through the DSL, not by a rewrite afterwards.
                db.ensureView("tenant.recent", "SELECT id FROM " + db.tenantSchema() + ".accounts WHERE id > 0");
            }));

    @Test
    void placeholderNamesResolveToTheTenantsAndSharedOnesStay() {
        DeclaredSchema template = DeclaredSchema.of(BLOCKS, TenantScope.template("tenant"));
        DeclaredSchema mine = Tenants.declarations(BLOCKS, "tenant", "tenant_042");
        assertEquals(Set.of("public", "tenant_042"), mine.managedSchemas());
        String text = mine.declarations().toString();
        assertTrue(text.contains("TableDecl[name=tenant_042.accounts"), text);
        assertTrue(text.contains("IndexDecl[name=tenant_042.notes_account_idx, table=tenant_042.notes"), text);
        assertTrue(text.contains("SELECT id FROM tenant_042.accounts"), text);
        assertTrue(text.contains("references=tenant_042.accounts"), text);
        assertTrue(text.contains("references=public.plans"), text);
        assertTrue(text.contains("SchemaDecl[name=tenant_042"), text);
        assertTrue(text.contains("GrantTarget[kind=SCHEMA, name=tenant_042.tenant_042") || text.contains("tenant_042"), text);
        assertFalse(text.contains("tenant.") || text.contains("name=tenant,"), text);
        assertEquals(template.declarations().get(0), mine.declarations().get(0), "extensions are per database");
        assertEquals(template.declarations().get(1), mine.declarations().get(1), "the shared table stays shared");
        // The fold as written keeps the placeholder; the scope ends with the fold.
        assertTrue(template.declarations().toString().contains("SELECT id FROM tenant.accounts"));
        assertTrue(DeclaredSchema.of(BLOCKS).declarations().toString().contains("TableDecl[name=tenant.accounts"));
    }

    @Test
    void aTenantNameThatIsNotAPlainIdentifierIsRefused() {
        assertThrows(SchemaSyncException.class, () -> Tenants.declarations(BLOCKS, "tenant", "Tenant-1"));
    }
}
