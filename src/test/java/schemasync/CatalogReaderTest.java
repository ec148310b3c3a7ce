package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import schemasync.catalog.Catalog;
import schemasync.catalog.CatalogReader;
import schemasync.catalog.Index;
import schemasync.catalog.QualifiedName;

/** The catalog is read with a constant number of statements and equals itself when re-created. */
class CatalogReaderTest {

    @Test
    void statementCountDoesNotGrowWithTheSchema() throws Exception {
        try (Scenario s = Scenario.start()) {
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
        assertEquals(total, catalog.tables().size());
        return statements.get();
    }

    @Test
    void aRecreatedSchemaReadsBackEqual() throws Exception {
        String ddl = "CREATE DOMAIN \"Year\" AS integer NOT NULL DEFAULT 2000 CONSTRAINT b CHECK (VALUE > 0)"
                + " CONSTRAINT a CHECK (VALUE < 3000); CREATE DOMAIN code AS varchar(8) COLLATE \"C\";"
                + " CREATE TABLE \"Order\" (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text DEFAULT 'n',"
                + " at timestamptz NOT NULL DEFAULT now());"
                + " COMMENT ON TABLE \"Order\" IS 'orders'; COMMENT ON COLUMN \"Order\".note IS 'free text';"
                + " CREATE INDEX order_at ON \"Order\" (at DESC) INCLUDE (note) WHERE note IS NOT NULL";
        try (Scenario s = Scenario.start(ddl)) {
            Catalog first = read(s);
            s.execute("DROP TABLE \"Order\"; DROP DOMAIN \"Year\", code");
            s.execute(ddl);
            Catalog second = read(s);
            assertEquals(first, second, "no OIDs or other run-specific values in the snapshot");
            Index index = first.indexes().get(new QualifiedName("public", "order_at"));
            assertEquals("USING btree (at DESC) INCLUDE (note) WHERE (note IS NOT NULL)", index.definition());
            assertEquals(new schemasync.catalog.Domain(new QualifiedName("public", "Year"), "integer", true, "2000", null,
                            java.util.List.of(new schemasync.catalog.Domain.Check("a", "CHECK ((VALUE < 3000))", true),
                                    new schemasync.catalog.Domain.Check("b", "CHECK ((VALUE > 0))", true))),
                    first.domains().get(new QualifiedName("public", "Year")));
            assertEquals(new QualifiedName("pg_catalog", "C"), first.domains().get(new QualifiedName("public", "code")).collation());
            assertEquals("free text", first.tables().get(new QualifiedName("public", "Order")).column("note").get().comment());
        }
    }

    @Test
    void extensionOwnedAndOtherSchemasAreNotRead() throws Exception {
        try (Scenario s = Scenario.start("CREATE SCHEMA other", "CREATE TABLE other.x (a int)", "CREATE TABLE mine (a int)")) {
            assertEquals(Set.of(new QualifiedName("public", "mine")), read(s).tables().keySet());
        }
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
