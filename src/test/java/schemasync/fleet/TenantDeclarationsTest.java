package schemasync.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import schemasync.SchemaSyncException;
import schemasync.dsl.DeclaredSchema;

/** The placeholder schema maps to each tenant; shared objects stay where they are. */
class TenantDeclarationsTest {

    @Test
    void placeholderObjectsBecomeTheTenantsAndSharedOnesStay() {
        DeclaredSchema declared = DeclaredSchema.of(List.of(
                block("C0", db -> db.ensureExtension("pgcrypto", null, null)),
                block("C1", db -> db.ensureTable("public.plans", t -> t.column("id", "integer").primaryKey("id"))),
                block("C2", db -> {
                    db.ensureSchema("tenant");
                    db.ensureTable("tenant.accounts", t -> t.column("id", "bigint").column("plan_id", "integer")
                            .primaryKey("id").foreignKey("plan_id").references("public.plans", "id"));
                    db.ensureTable("tenant.notes", t -> t.column("account_id", "bigint")
                            .foreignKey("account_id").references("tenant.accounts", "id"));
                    db.ensureView("tenant.recent", "SELECT id FROM tenant.accounts WHERE id > 0");
                })));
        DeclaredSchema mine = TenantDeclarations.forTenant(declared, "tenant", "tenant_042");
        assertEquals(Set.of("public", "tenant_042"), mine.managedSchemas());
        String text = mine.declarations().toString();
        assertTrue(text.contains("tenant_042.accounts"), text);
        assertTrue(text.contains("SELECT id FROM tenant_042.accounts"), text);
        assertTrue(text.contains("references=tenant_042.accounts"), text);
        assertTrue(text.contains("public.plans"), text);
        assertTrue(text.contains("SchemaDecl[name=tenant_042"), text);
        assertTrue(!text.contains("tenant.") && !text.contains("name=tenant,"), text);
        assertEquals(declared.declarations().get(0), mine.declarations().get(0), "extensions are per database");
        assertThrows(SchemaSyncException.class, () -> TenantDeclarations.forTenant(declared, "tenant", "Tenant-1"));
    }
}
