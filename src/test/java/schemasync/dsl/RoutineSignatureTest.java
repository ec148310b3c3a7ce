package schemasync.dsl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import schemasync.catalog.QualifiedName;

/** The types a routine's signature names (arguments and RETURNS clause), never its body's words. */
class RoutineSignatureTest {
    private static Set<QualifiedName> names(java.util.function.Consumer<SchemaChanges> declares) {
        return RoutineSignature.names(DeclaredSchema.of(List.of(block("B1", declares))).declarations().get(0));
    }

    @Test
    void anArgumentAndAResultAreNamedABodyIsNot() {
        Set<QualifiedName> names = names(db -> db.ensureFunction("zz_wrap(o orders, n \"Note Kinds\"[])",
                "RETURNS SETOF app.wraps LANGUAGE sql STABLE AS $$ SELECT * FROM app.archive, ledger $$"));
        assertTrue(names.contains(new QualifiedName("public", "orders")), names.toString());
        assertTrue(names.contains(new QualifiedName("public", "Note Kinds")), names.toString());
        assertTrue(names.contains(new QualifiedName("app", "wraps")), names.toString());
        assertFalse(names.contains(new QualifiedName("app", "archive")), names.toString());
        assertFalse(names.contains(new QualifiedName("public", "ledger")), names.toString());
    }

    @Test
    void aStandardSqlBodyAndTheAttributesEndTheReturnsClause() {
        Set<QualifiedName> names = names(db -> db.ensureFunction("zz_count()",
                "RETURNS bigint IMMUTABLE LANGUAGE sql RETURN (SELECT count(*) FROM ledger)"));
        assertFalse(names.contains(new QualifiedName("public", "ledger")), names.toString());
        assertTrue(names.contains(new QualifiedName("public", "bigint")), names.toString());
    }

    @Test
    void anAggregatesArgumentsAndStateTypeAreNamed() {
        Set<QualifiedName> names = names(db -> db.ensureAggregate("zz_last(orders)", "SFUNC = zz_pick, STYPE = orders"));
        assertTrue(names.contains(new QualifiedName("public", "orders")), names.toString());
    }

    @Test
    void anotherDeclarationNamesNothing() {
        assertTrue(names(db -> db.ensureTable("orders", t -> t.column("id", "bigint"))).isEmpty());
    }
}
