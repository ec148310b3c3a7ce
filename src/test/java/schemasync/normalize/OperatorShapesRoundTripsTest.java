package schemasync.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import schemasync.TestDatabase;
import schemasync.db.Connections;
import schemasync.db.DatabaseUrl;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.DeclaredSchema;

/**
 * Reading how PostgreSQL spells declared operators' types, functions and estimators costs a fixed number of round
 * trips, whatever the number of operators (one query per kind under one savepoint, one to print each kind), on a real
 * server; a text PostgreSQL refuses to parse falls back to one query per text and leaves the others resolved.
 */
class OperatorShapesRoundTripsTest {
    private static final Set<String> ROUND_TRIPS = Set.of("execute", "executeQuery", "executeUpdate", "setSavepoint",
            "releaseSavepoint", "rollback");

    @Test
    void theRoundTripsDoNotGrowWithTheNumberOfOperators() throws Exception {
        DatabaseUrl db = TestDatabase.fresh();
        try (Connection c = Connections.open(db); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA app");
            st.execute("DO $$ BEGIN FOR i IN 0..199 LOOP"
                    + " EXECUTE format('CREATE DOMAIN app.d%s AS int4', i);"
                    + " EXECUTE format('CREATE FUNCTION app.eq_%s(a app.d%s, b int4) RETURNS boolean LANGUAGE sql"
                    + " IMMUTABLE AS $f$ SELECT a::int4 = b $f$', i, i); END LOOP; END $$");
            Spelled twenty = spell(c, operators(20, List.of()));
            Spelled twoHundred = spell(c, operators(200, List.of()));
            System.out.printf("operator shapes: 20 operators %d round trips, 200 operators %d%n", twenty.roundTrips, twoHundred.roundTrips);
            assertEquals(twenty.roundTrips, twoHundred.roundTrips, "one query per kind, whatever the number of operators");
            assertTrue(twoHundred.roundTrips <= 13, "read write, savepoint, four lookups, release, search_path, four prints,"
                    + " rollback: "
                    + twoHundred.roundTrips);
            OperatorSpellings s = twoHundred.spellings;
            assertEquals(201, s.types().size(), s.types().toString());
            assertEquals("integer", s.types().get("int4"));
            assertEquals("app.d137", s.types().get("app.d137"));
            assertEquals("app.eq_137", s.functions().get(OperatorSpellings.functionKey("app.eq_137", "app.d137", "int4")));
            assertEquals("eqsel", s.estimators().get("eqsel"));
            assertEquals("eqjoinsel", s.estimators().get("eqjoinsel"));
            assertEquals(200, s.functions().size());
            assertEquals("app.eq_3(app.d3,integer)", s.castFunctions().get("app.eq_3(app.d3, int4)"));

            // An operator type PostgreSQL cannot even parse: the batch fails, each text is then resolved alone.
            Spelled withBadText = spell(c, operators(200, List.of("app.d1.x.y", "int4")));
            assertFalse(withBadText.spellings.types().containsKey("app.d1.x.y"), "a text that does not resolve is compared as written");
            assertEquals("app.d199", withBadText.spellings.types().get("app.d199"));
            assertEquals(twoHundred.spellings, withBadText.spellings, "the others resolved as in the batch");
            assertTrue(withBadText.roundTrips > twoHundred.roundTrips * 10, "the fallback went text by text: " + withBadText.roundTrips);
        }
    }

    private record Spelled(OperatorSpellings spellings, int roundTrips) {
    }

    private static DeclaredSchema operators(int count, List<String> badPair) {
        List<ChangeBlock> blocks = new ArrayList<>();
        blocks.add(block("O1", db -> {
            for (int i = 0; i < count; i++) {
                String type = "app.d" + i;
                String function = "app.eq_" + i;
                db.ensureOperator("app.===", o -> o.leftArg(type).rightArg("int4").function(function).restrict("eqsel")
                        .join("eqjoinsel"));
            }
            db.ensureCast("app.d3", "int4", c -> c.withFunction("app.eq_3(app.d3, int4)"));
            if (!badPair.isEmpty()) db.ensureNoOperator("app.===", badPair.get(0), badPair.get(1));
        }));
        return DeclaredSchema.of(blocks);
    }

    /** OperatorShapes.read on a connection that counts the calls that each cost a round trip. */
    private static Spelled spell(Connection real, DeclaredSchema declared) throws Exception {
        AtomicInteger roundTrips = new AtomicInteger();
        Connection counting = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (ROUND_TRIPS.contains(method.getName())) roundTrips.incrementAndGet();
                    Object result = invoke(method, real, args);
                    if (result instanceof Statement statement) return counted(statement, roundTrips);
                    return result;
                });
        real.setAutoCommit(false);
        try {
            return new Spelled(OperatorShapes.read(counting, declared, List.of()), roundTrips.get());
        } finally {
            real.setAutoCommit(true);
        }
    }

    private static Object counted(Statement statement, AtomicInteger roundTrips) {
        List<Class<?>> interfaces = new ArrayList<>(List.of(Statement.class));
        if (statement instanceof java.sql.PreparedStatement) interfaces.add(0, java.sql.PreparedStatement.class);
        return Proxy.newProxyInstance(Statement.class.getClassLoader(), interfaces.toArray(Class<?>[]::new), (proxy, method, args) -> {
            if (ROUND_TRIPS.contains(method.getName())) roundTrips.incrementAndGet();
            return invoke(method, statement, args);
        });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
