package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import schemasync.catalog.Catalog;
import schemasync.catalog.CatalogReader;
import schemasync.catalog.DefaultTarget;
import schemasync.catalog.Grant;
import schemasync.catalog.GrantTarget;
import schemasync.catalog.Constraint;
import schemasync.catalog.Index;
import schemasync.catalog.QualifiedName;

/** The catalog is read with a constant number of statements and equals itself when re-created. */
class CatalogReaderTest {

    @Test
    void statementCountDoesNotGrowWithTheSchema() throws Exception {
        try (Scenario s = Scenario.start(ROLE, OTHER_KINDS)) {
            int small = statementsToRead(s, 1);
            int large = statementsToRead(s, 120);
            assertEquals(small, large, "one query per object kind, never one per table");
            // One multi-statement prepared statement: pgjdbc sends all its queries before one Sync.
            assertEquals(1, large, "the whole catalog in one statement, was " + large);
        }
    }

    /** Creates tables up to {@code total}, then counts the statements the reader prepares or executes. */
    private static int statementsToRead(Scenario s, int total) throws Exception {
        for (int i = 1; i <= total; i++) {
            s.execute("CREATE TABLE IF NOT EXISTS t" + i + " (id bigint PRIMARY KEY, v text DEFAULT 'x')");
            s.execute("CREATE INDEX IF NOT EXISTS t" + i + "_v ON t" + i + " (lower(v))");
            // Materialized views with an index each, and partitions: read by their own set-based queries.
            s.execute("CREATE MATERIALIZED VIEW IF NOT EXISTS m" + i + " AS SELECT id, v FROM t" + i);
            s.execute("CREATE INDEX IF NOT EXISTS m" + i + "_id ON m" + i + " (id)");
            s.execute("CREATE TABLE IF NOT EXISTS p" + i + " (id bigint, at date, CONSTRAINT p" + i + "_at_check CHECK (at > '2000-01-01'))"
                    + " PARTITION BY RANGE (at)");
            s.execute("CREATE TABLE IF NOT EXISTS p" + i + "_default PARTITION OF p" + i + " DEFAULT");
        }
        AtomicInteger statements = new AtomicInteger();
        Connection real = s.connection;
        // Counts calls on the real pgjdbc connection and forwards them; the database answers for real.
        Connection counting = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement") || method.getName().equals("createStatement")) {
                        statements.incrementAndGet();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        real.setAutoCommit(false);
        Catalog catalog = CatalogReader.read(counting, Set.of("public"));
        real.rollback();
        assertEquals(total * 3 + 1, catalog.tables().size()); // t, p and p_default each time, and accounts, of OTHER_KINDS
        assertEquals(total, catalog.materializedViews().size());
        assertEquals(total * 2, catalog.partitioning().size());
        // Grants, default privileges, procedures and aggregates travel in the same statement.
        assertEquals(1, catalog.aggregates().size());
        // PostgreSQL 14 added OUT parameters to procedures, and the IN to their identity arguments.
        String logIt = TestDatabase.major() >= 14 ? "public.log_it(IN msg text)" : "public.log_it(msg text)";
        assertTrue(catalog.functions().containsKey(logIt), () -> logIt + " in " + catalog.functions().keySet());
        assertEquals(Set.of(new Grant("schema_sync_reader", "SELECT")),
                catalog.grantsOn(GrantTarget.column(new QualifiedName("public", "accounts"), "email")));
        assertEquals(Set.of(new Grant("schema_sync_reader", "USAGE")), catalog.grantsOn(GrantTarget.schema("public")).stream()
                .filter(g -> !g.role().equals("public")).collect(java.util.stream.Collectors.toSet()));
        assertEquals(Set.of(new Grant("schema_sync_reader", "SELECT"), new Grant("schema_sync_reader", "USAGE")),
                catalog.grantsOn(GrantTarget.sequence(new QualifiedName("public", "order_numbers"))));
        assertEquals(Set.of(new Grant("public", "EXECUTE"), new Grant("schema_sync_reader", "EXECUTE")),
                catalog.grantsOn(new GrantTarget(GrantTarget.Kind.FUNCTION, "public", "group_concat", "text")));
        assertEquals(2, catalog.defaultPrivileges().size());
        return statements.get();
    }

    private static final String ROLE = "DO $$ BEGIN CREATE ROLE schema_sync_reader; EXCEPTION WHEN duplicate_object THEN NULL; END $$";

    /** Column, sequence, schema and routine grants, default privileges, a procedure and an aggregate. */
    private static final String OTHER_KINDS = "CREATE TABLE accounts (id int, email text);"
            + " GRANT SELECT (email) ON accounts TO schema_sync_reader;"
            + " CREATE SEQUENCE order_numbers; GRANT USAGE, SELECT ON SEQUENCE order_numbers TO schema_sync_reader;"
            + " GRANT USAGE ON SCHEMA public TO schema_sync_reader;"
            + " CREATE PROCEDURE log_it(msg text) LANGUAGE sql AS $$ SELECT msg $$;"
            + " CREATE FUNCTION cat(text, text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT $1 || $2 $$;"
            + " CREATE AGGREGATE group_concat(text) (SFUNC = cat, STYPE = text, INITCOND = '');"
            + " GRANT EXECUTE ON ROUTINE group_concat(text) TO schema_sync_reader;"
            + " ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO schema_sync_reader;"
            + " ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC";
    private static final String DROP_OTHER_KINDS = "DROP TABLE accounts; DROP SEQUENCE order_numbers;"
            + " REVOKE USAGE ON SCHEMA public FROM schema_sync_reader; DROP PROCEDURE log_it(text);"
            + " DROP AGGREGATE group_concat(text); DROP FUNCTION cat(text, text);"
            + " ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT ON TABLES FROM schema_sync_reader;"
            + " ALTER DEFAULT PRIVILEGES GRANT EXECUTE ON FUNCTIONS TO PUBLIC";

    @Test
    void aRecreatedSchemaReadsBackEqual() throws Exception {
        String ddl = "CREATE DOMAIN \"Year\" AS integer NOT NULL DEFAULT 2000 CONSTRAINT b CHECK (VALUE > 0)"
                + " CONSTRAINT a CHECK (VALUE < 3000); CREATE DOMAIN code AS varchar(8) COLLATE \"C\";"
                + " CREATE TYPE pair AS (a code, b text COLLATE \"C\", c numeric(4,1));"
                + " CREATE SEQUENCE ticket AS integer INCREMENT BY 5 MINVALUE 10 MAXVALUE 1000 START WITH 20 CACHE 3 CYCLE;"
                + " CREATE TABLE \"Order\" (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text DEFAULT 'n',"
                + " at timestamptz NOT NULL DEFAULT now(), code text COLLATE \"C\", doubled bigint GENERATED ALWAYS AS (id * 2) STORED);"
                + " COMMENT ON TYPE pair IS 'two'; COMMENT ON SEQUENCE ticket IS 'numbers'; COMMENT ON SCHEMA public IS 'main';"
                + " COMMENT ON CONSTRAINT a ON DOMAIN \"Year\" IS 'upper bound';"
                + " COMMENT ON TABLE \"Order\" IS 'orders'; COMMENT ON COLUMN \"Order\".note IS 'free text';"
                + " CREATE INDEX order_at ON \"Order\" (at DESC) INCLUDE (note) WHERE note IS NOT NULL;"
                + " CREATE TABLE payment (id bigint, region text, paid_at timestamptz, PRIMARY KEY (id, paid_at, region))"
                + "   PARTITION BY RANGE (paid_at);"
                + " CREATE INDEX payment_region ON payment (region);"
                + " CREATE TABLE payment_2024 PARTITION OF payment FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"
                + "   PARTITION BY LIST (region);"
                + " CREATE TABLE payment_2024_eu PARTITION OF payment_2024 FOR VALUES IN ('eu');"
                + " CREATE TABLE payment_other PARTITION OF payment DEFAULT;"
                + " CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;"
                + " CREATE TRIGGER payment_touch BEFORE UPDATE ON payment FOR EACH ROW EXECUTE FUNCTION touch();"
                + " CREATE MATERIALIZED VIEW order_notes AS SELECT id, upper(note) AS note FROM \"Order\" WITH NO DATA;"
                + " CREATE UNIQUE INDEX order_notes_id ON order_notes (id);"
                + " CREATE TABLE booking (id bigint, during tstzrange, CONSTRAINT booking_no_overlap EXCLUDE USING gist (during WITH &&)"
                + "   WHERE (id > 0) DEFERRABLE);"
                + " CREATE CONSTRAINT TRIGGER booking_check AFTER INSERT ON booking DEFERRABLE INITIALLY DEFERRED"
                + "   FOR EACH ROW EXECUTE FUNCTION touch()";
        try (Scenario s = Scenario.start(ROLE, ddl, OTHER_KINDS)) {
            Catalog first = read(s);
            s.execute("DROP TABLE \"Order\", payment, booking CASCADE; DROP FUNCTION touch(); DROP TYPE pair; DROP DOMAIN \"Year\", code; DROP SEQUENCE ticket");
            s.execute(DROP_OTHER_KINDS);
            assertEquals(0, Integer.parseInt(s.queryString("SELECT count(*) FROM pg_default_acl")));
            s.execute(ddl);
            s.execute(OTHER_KINDS);
            Catalog second = read(s);
            assertEquals(first, second, "no OIDs or other run-specific values in the snapshot");
            Index index = first.indexes().get(new QualifiedName("public", "order_at"));
            assertEquals("USING btree (at DESC) INCLUDE (note) WHERE (note IS NOT NULL)", index.definition());
            assertEquals(new schemasync.catalog.Domain(new QualifiedName("public", "Year"), "integer", true, "2000", null,
                            java.util.List.of(new schemasync.catalog.Domain.Check("a", "CHECK ((VALUE < 3000))", true),
                                    new schemasync.catalog.Domain.Check("b", "CHECK ((VALUE > 0))", true))),
                    first.domains().get(new QualifiedName("public", "Year")));
            assertEquals(new QualifiedName("pg_catalog", "C"), first.domains().get(new QualifiedName("public", "code")).collation());
            assertEquals("(a public.code, b text COLLATE \"C\", c numeric(4,1))",
                    first.composites().get(new QualifiedName("public", "pair")).describe());
            assertEquals(new schemasync.catalog.Sequence(new QualifiedName("public", "ticket"), "integer", 20, 5, 10, 1000, 3, true,
                    null), first.sequences().get(new QualifiedName("public", "ticket")));
            // The identity column's sequence is read, with its owner (never reported as undeclared).
            assertEquals(new schemasync.catalog.Sequence.Owner(new QualifiedName("public", "Order"), "id", true),
                    first.sequences().get(new QualifiedName("public", "Order_id_seq")).owner());
            schemasync.catalog.Column doubled = first.tables().get(new QualifiedName("public", "Order")).column("doubled").get();
            assertEquals("(id * 2)", doubled.generated());
            assertEquals(null, doubled.defaultExpr());
            assertEquals(new QualifiedName("pg_catalog", "C"),
                    first.tables().get(new QualifiedName("public", "Order")).column("code").get().collation());
            assertEquals(java.util.Map.of(
                    new schemasync.catalog.CommentTarget(schemasync.catalog.CommentTarget.Kind.TYPE, new QualifiedName("public", "pair"), null), "two",
                    new schemasync.catalog.CommentTarget(schemasync.catalog.CommentTarget.Kind.SEQUENCE, new QualifiedName("public", "ticket"), null), "numbers",
                    new schemasync.catalog.CommentTarget(schemasync.catalog.CommentTarget.Kind.SCHEMA, new QualifiedName("public", "public"), null), "main",
                    new schemasync.catalog.CommentTarget(schemasync.catalog.CommentTarget.Kind.DOMAIN_CONSTRAINT, new QualifiedName("public", "Year"), "a"),
                    "upper bound",
                    // Every database has plpgsql, with the comment its control file gives (CREATE EXTENSION set it): read as any other.
                    schemasync.catalog.CommentTarget.databaseWide(schemasync.catalog.CommentTarget.Kind.EXTENSION, "plpgsql"),
                    "PL/pgSQL procedural language"), first.comments());
            assertEquals("free text", first.tables().get(new QualifiedName("public", "Order")).column("note").get().comment());
            assertEquals("SFUNC = public.cat, STYPE = text, INITCOND = ''",
                    first.aggregates().get("public.group_concat(text)").definition());
            String me = s.queryString("SELECT current_user");
            // The global entry with PUBLIC's EXECUTE revoked is kept, empty: that is what generate must reproduce.
            assertEquals(java.util.Map.of(new DefaultTarget(me, null, "FUNCTIONS"), Set.of(),
                    new DefaultTarget(me, "public", "TABLES"), Set.of(new Grant("schema_sync_reader", "SELECT"))),
                    first.defaultPrivileges());

            assertEquals(new Catalog.Partitioning("RANGE (paid_at)", null, null), first.partitioning().get(name("payment")));
            assertEquals(new Catalog.Partitioning("LIST (region)", name("payment"),
                    "FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2025-01-01 00:00:00+00')"), first.partitioning().get(name("payment_2024")));
            assertEquals(new Catalog.Partitioning(null, name("payment_2024"), "FOR VALUES IN ('eu')"),
                    first.partitioning().get(name("payment_2024_eu")));
            assertEquals("DEFAULT", first.partitioning().get(name("payment_other")).bound());
            // What the parent gives its partitions is read on the parent only.
            assertEquals(List.of("payment_region"), first.indexes().values().stream().map(i -> i.name().name())
                    .filter(n -> n.contains("region")).toList());
            assertEquals(List.of(), first.tables().get(name("payment_other")).triggers());
            assertEquals(List.of(), first.tables().get(name("payment_other")).constraints());

            Catalog.MaterializedView notes = first.materializedViews().get(name("order_notes"));
            // PostgreSQL 16 stopped qualifying the columns of a query over one relation in pg_get_viewdef.
            assertEquals(TestDatabase.major() >= 16 ? " SELECT id,\n    upper(note) AS note\n   FROM public.\"Order\";"
                    : " SELECT \"Order\".id,\n    upper(\"Order\".note) AS note\n   FROM public.\"Order\";", notes.definition());
            assertEquals(false, notes.populated());
            assertEquals(List.of("id", "note"), notes.columns().stream().map(c -> c.name()).toList());
            assertEquals(name("order_notes"), first.indexes().get(name("order_notes_id")).table());

            Constraint exclusion = first.tables().get(name("booking")).constraint("booking_no_overlap").orElseThrow();
            assertEquals(Constraint.Kind.EXCLUSION, exclusion.kind());
            assertEquals("EXCLUDE USING gist (during WITH &&) WHERE ((id > 0)) DEFERRABLE", exclusion.check());
            assertEquals("CREATE CONSTRAINT TRIGGER booking_check AFTER INSERT ON <table> DEFERRABLE INITIALLY DEFERRED FOR EACH ROW"
                    + " EXECUTE FUNCTION public.touch()", first.tables().get(name("booking")).trigger("booking_check").orElseThrow().definition());
        }
    }

    /**
     * What pg_get_constraintdef's text also says is read from the catalog's columns: a key's INCLUDE columns (its index's
     * indkey after indnkeyatts, a quoted name among them), DEFERRABLE, and a foreign key's ON DELETE SET NULL (cols)
     * (confdelsetcols, PostgreSQL 15+; the plain action below 15). The old reader had no field for the SET NULL columns:
     * a reference setting one column read equal to one setting both.
     */
    @Test
    void keyAndReferenceOptionsAreReadFromTheCatalog() throws Exception {
        try (Scenario s = Scenario.start()) {
            boolean setColumns = s.connection.getMetaData().getDatabaseMajorVersion() >= 15;
            s.execute("CREATE TABLE tenants (tenant int, id int, \"Label\" text, note text,"
                    + " CONSTRAINT tenants_pkey PRIMARY KEY (tenant, id) INCLUDE (\"Label\", note),"
                    + " CONSTRAINT tenants_note UNIQUE (note) INCLUDE (\"Label\") DEFERRABLE INITIALLY DEFERRED);"
                    + " ALTER TABLE tenants ADD CONSTRAINT tenants_label CHECK (\"Label\" <> note AND id > 0) NO INHERIT NOT VALID;"
                    + " CREATE TABLE members (tenant int DEFAULT 0, tenant_id int, CONSTRAINT members_tenant_fkey"
                    + " FOREIGN KEY (tenant, tenant_id) REFERENCES tenants ON DELETE SET NULL" + (setColumns ? " (tenant_id)" : "")
                    + ", CONSTRAINT members_default_fkey FOREIGN KEY (tenant, tenant_id) REFERENCES tenants ON DELETE SET DEFAULT"
                    + (setColumns ? " (tenant)" : "") + ")");
            Catalog catalog = read(s);
            schemasync.catalog.Table tenants = catalog.tables().get(name("tenants"));
            assertEquals(new schemasync.catalog.KeyOptions(List.of("Label", "note"), false, false), tenants.primaryKey().options());
            assertEquals(new schemasync.catalog.KeyOptions(List.of("Label"), true, true),
                    tenants.constraint("tenants_note").orElseThrow().keyOptions());
            // A CHECK: its columns from conkey (in name order), its expression from pg_get_expr, NO INHERIT from connoinherit.
            Constraint check = tenants.constraint("tenants_label").orElseThrow();
            assertEquals(List.of("Label", "id", "note"), check.columns());
            assertEquals("CHECK (((\"Label\" <> note) AND (id > 0))) NO INHERIT", check.check());
            assertEquals(false, check.validated());
            assertEquals(check.check() + " NOT VALID", check.definition());
            schemasync.catalog.Table members = catalog.tables().get(name("members"));
            Constraint setNull = members.constraint("members_tenant_fkey").orElseThrow();
            Constraint setDefault = members.constraint("members_default_fkey").orElseThrow();
            assertEquals(setColumns ? List.of("tenant_id") : List.of(), setNull.foreignKey().deleteSetColumns());
            assertEquals(setColumns ? List.of("tenant") : List.of(), setDefault.foreignKey().deleteSetColumns());
            assertEquals("SET NULL", setNull.foreignKey().onDelete());
            // Spelled from the fields as pg_get_constraintdef prints it.
            assertEquals(setNull.definition(), new Constraint(setNull.name(), setNull.kind(), setNull.columns(), null,
                    setNull.foreignKey(), false, true, null).describe());
        }
    }

    @Test
    void extensionOwnedAndOtherSchemasAreNotRead() throws Exception {
        try (Scenario s = Scenario.start("CREATE SCHEMA other", "CREATE TABLE other.x (a int)", "CREATE TABLE mine (a int)")) {
            assertEquals(Set.of(new QualifiedName("public", "mine")), read(s).tables().keySet());
        }
    }

    private static QualifiedName name(String table) {
        return new QualifiedName("public", table);
    }

    private static Catalog read(Scenario s) throws Exception {
        s.connection.setAutoCommit(false);
        try (Statement st = s.connection.createStatement()) {
            st.execute("SELECT 1");
            return CatalogReader.read(s.connection, Set.of("public"));
        } finally {
            s.connection.rollback();
        }
    }
}
