package schemasync.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import schemasync.model.ObjectId;

/**
 * The routine a trigger's EXECUTE FUNCTION text names, read as PostgreSQL reads it: the graph orders the trigger after
 * that routine only when the node it names is the routine's own (it once stripped every quote, so a dot inside quotes
 * split the name in the wrong place and a bare upper-case name kept its case).
 */
class PlanGraphNamesTest {

    private static ObjectId function(String schema, String name) {
        return ObjectId.of(ObjectId.Kind.FUNCTION, schema, name);
    }

    @Test
    void aTriggersFunctionNameIsReadAsPostgreSQLReadsIt() {
        assertEquals(function("audit", "stamp"), schemasync.dsl.DeclaredCalls.routineId(schemasync.dsl.DeclaredCalls.calledName("audit.stamp()")));
        assertEquals(function("audit", "stamp"), schemasync.dsl.DeclaredCalls.routineId(schemasync.dsl.DeclaredCalls.calledName("Audit.Stamp()")));
        assertEquals(function("public", "Stamp"), schemasync.dsl.DeclaredCalls.routineId(schemasync.dsl.DeclaredCalls.calledName("\"Stamp\"()")));
        assertEquals(function("my.schema", "St\"amp"), schemasync.dsl.DeclaredCalls.routineId(schemasync.dsl.DeclaredCalls.calledName("\"my.schema\".\"St\"\"amp\"()")));
    }
}
