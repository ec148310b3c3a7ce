package schemasync.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.sql.Connection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import schemasync.TestDatabase;
import schemasync.db.Connections;
import schemasync.db.DatabaseUrl;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.DeclaredSchema;
import schemasync.dsl.TenantScope;

/**
 * The shared fingerprint of a fleet's snapshot covers the database's own objects: the owner of a foreign server or of
 * an event trigger (named with the empty schema) is the same for every tenant of the database, and a change to it is
 * a change of the shared part, so a plan (or an in-sync verdict) made before it is not reused after it.
 */
class TenantFingerprintsTest {
    private static final List<ChangeBlock> BLOCKS = List.of(block("F1", db -> {
        db.ensureSchema("tenant");
        db.ensureTable("tenant.accounts", t -> t.column("id", "bigint").primaryKey("id"));
    }));

    @Test
    void theOwnerOfAServerOrOfAnEventTriggerIsInTheSharedFingerprint() throws Exception {
        DatabaseUrl db = TestDatabase.fresh();
        FleetFixture.createTenants(db, "tenant_", 2);
        // Event triggers must be owned by a superuser; a server by anyone (a superuser may give it to anyone).
        FleetFixture.sql(db, "CREATE ROLE fp_owner SUPERUSER NOLOGIN",
                "CREATE FOREIGN DATA WRAPPER fp_wrapper", "CREATE SERVER fp_server FOREIGN DATA WRAPPER fp_wrapper",
                "CREATE FUNCTION public.fp_noop() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$",
                "CREATE EVENT TRIGGER fp_ddl ON ddl_command_end EXECUTE FUNCTION public.fp_noop()");
        DeclaredSchema declared = DeclaredSchema.of(BLOCKS, TenantScope.template("tenant"));
        List<String> tenants = List.of("tenant_000", "tenant_001");

        TenantCatalogs.Snapshot before = snapshot(db, declared, tenants);
        assertEquals(before.tenants().get("tenant_000"), before.tenants().get("tenant_001"), "alike tenants share a plan");
        FleetFixture.sql(db, "ALTER SERVER fp_server OWNER TO fp_owner");
        TenantCatalogs.Snapshot serverMoved = snapshot(db, declared, tenants);
        assertNotEquals(before.shared(), serverMoved.shared(), "a server's new owner changes the shared part");
        FleetFixture.sql(db, "ALTER EVENT TRIGGER fp_ddl OWNER TO fp_owner");
        TenantCatalogs.Snapshot triggerMoved = snapshot(db, declared, tenants);
        assertNotEquals(serverMoved.shared(), triggerMoved.shared(), "an event trigger's new owner changes the shared part");
        assertEquals(before.tenants(), triggerMoved.tenants(), "neither is a tenant's own: the tenants' parts stay");
        assertTrue(snapshot(db, declared, tenants).shared().equals(triggerMoved.shared()), "the same catalog, the same fingerprint");
        FleetFixture.sql(db, "DROP EVENT TRIGGER fp_ddl"); // event triggers are per database, but leave none behind
    }

    @Test
    void tenantsDifferingOnlyInAnOperatorACastOrATextSearchDictionaryDoNotShareAPlan() throws Exception {
        DatabaseUrl db = TestDatabase.fresh();
        FleetFixture.createTenants(db, "tenant_", 4);
        DeclaredSchema declared = DeclaredSchema.of(BLOCKS, TenantScope.template("tenant"));
        List<String> tenants = List.of("tenant_000", "tenant_001", "tenant_002", "tenant_003");
        FleetFixture.sql(db, "CREATE DOMAIN tenant_000.code AS text", "CREATE DOMAIN tenant_001.code AS text",
                "CREATE DOMAIN tenant_002.code AS text", "CREATE DOMAIN tenant_003.code AS text");
        TenantCatalogs.Snapshot alike = snapshot(db, declared, tenants);
        assertEquals(1, Set.copyOf(alike.tenants().values()).size(), "alike tenants share a plan: " + alike.tenants());
        // Operators, casts and text search are families of kinds kept in one catalog component each.
        FleetFixture.sql(db, "CREATE OPERATOR tenant_001.=== (LEFTARG = integer, RIGHTARG = integer, FUNCTION = int4eq)",
                "CREATE CAST (tenant_002.code AS integer) WITH INOUT",
                "CREATE TEXT SEARCH DICTIONARY tenant_003.plain (TEMPLATE = simple)");
        TenantCatalogs.Snapshot apart = snapshot(db, declared, tenants);
        assertEquals(4, Set.copyOf(apart.tenants().values()).size(), "each differs from the others: " + apart.tenants());
        assertEquals(alike.tenants().get("tenant_000"), apart.tenants().get("tenant_000"));
        assertEquals(alike.shared(), apart.shared(), "none of them is shared");
    }

    @Test
    void tenantsDifferingOnlyInAConversionOrASecurityLabelDoNotShareAPlan() throws Exception {
        // A label's key names its object only inside its identity text: read as the database's, every tenant's labels
        // went to the shared part, and a tenant missing a declared label would have shared a tenant's empty plan.
        DatabaseUrl db = TestDatabase.fresh();
        FleetFixture.createTenants(db, "tenant_", 4);
        DeclaredSchema declared = DeclaredSchema.of(BLOCKS, TenantScope.template("tenant"));
        List<String> tenants = List.of("tenant_000", "tenant_001", "tenant_002", "tenant_003");
        FleetFixture.sql(db, "CREATE TABLE tenant_000.notes (id int)", "CREATE TABLE tenant_001.notes (id int)",
                "CREATE TABLE tenant_002.notes (id int)", "CREATE TABLE tenant_003.notes (id int)");
        TenantCatalogs.Snapshot alike = snapshot(db, declared, tenants);
        assertEquals(1, Set.copyOf(alike.tenants().values()).size(), "alike tenants share a plan: " + alike.tenants());
        // No test server loads a label provider: a superuser's row in pg_seclabel stands for an applied label.
        FleetFixture.sql(db, "CREATE CONVERSION tenant_001.latin1_to_utf8 FOR 'LATIN1' TO 'UTF8' FROM pg_catalog.iso8859_1_to_utf8",
                "INSERT INTO pg_catalog.pg_seclabel VALUES ('tenant_002.notes'::regclass, 'pg_catalog.pg_class'::regclass, 0,"
                        + " 'dummy', 'secret')",
                "INSERT INTO pg_catalog.pg_seclabel SELECT oid, 'pg_catalog.pg_namespace'::regclass, 0, 'dummy', 'secret'"
                        + " FROM pg_catalog.pg_namespace WHERE nspname = 'tenant_003'");
        TenantCatalogs.Snapshot apart = snapshot(db, declared, tenants);
        assertEquals(4, Set.copyOf(apart.tenants().values()).size(), "each differs from the others: " + apart.tenants());
        assertEquals(alike.tenants().get("tenant_000"), apart.tenants().get("tenant_000"));
        assertEquals(alike.shared(), apart.shared(), "none of them is shared");
    }

    private static TenantCatalogs.Snapshot snapshot(DatabaseUrl db, DeclaredSchema declared, List<String> tenants) throws Exception {
        try (Connection c = Connections.open(db)) {
            return TenantCatalogs.read(c, declared, "tenant", tenants, version -> false);
        }
    }
}
