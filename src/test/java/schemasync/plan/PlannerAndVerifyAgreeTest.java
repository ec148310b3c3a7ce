package schemasync.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static schemasync.plan.Fixtures.catalog;
import static schemasync.plan.Fixtures.q;
import static schemasync.plan.Fixtures.shapes;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import schemasync.Blocks;
import schemasync.catalog.Column;
import schemasync.catalog.CompositeType;
import schemasync.catalog.Grant;
import schemasync.catalog.GrantTarget;
import schemasync.catalog.Table;
import schemasync.catalog.Domain;
import schemasync.catalog.Sequence;
import schemasync.dsl.DeclaredSchema;
import schemasync.dsl.SchemaChanges;
import schemasync.verify.CatalogDiff;

/**
 * The planner and verify's roundtrip compare with the same per-kind differ: for one object, the
 * declared side (as the normalizer spells it) and the live side, the planner leaves it unchanged
 * exactly when CatalogDiff finds no difference between a catalog holding the declared object and
 * one holding the live object. Without a server.
 */
class PlannerAndVerifyAgreeTest {
    private static final Sequence SEQ = new Sequence(q("public.invoice_number"), "bigint", 1, 1, 1, Long.MAX_VALUE, 1, false, null);
    private static final CompositeType ADDRESS = new CompositeType(q("public.address"),
            List.of(new CompositeType.Attribute("street", "text", null)));
    private static final Domain EMAIL = new Domain(q("public.email"), "text", false, null, null, List.of());

    /** {@code live} and {@code declared} put one object into a catalog and the declared side; {@code object} is its plan line. */
    record Pair(String name, UnaryOperator<Fixtures.CatalogBuilder> live, UnaryOperator<Fixtures.CatalogBuilder> wanted,
                Fixtures.ShapesBuilder shapes, Consumer<SchemaChanges> declare, boolean differ) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Pair> pairs() {
        Sequence started = new Sequence(SEQ.name(), "bigint", 1000, 1, 1, Long.MAX_VALUE, 1, false, null);
        CompositeType wider = new CompositeType(ADDRESS.name(), List.of(new CompositeType.Attribute("street", "text", null),
                new CompositeType.Attribute("city", "text", null)));
        Domain notNull = new Domain(EMAIL.name(), "text", true, null, null, List.of());
        return Stream.of(
                new Pair("sequence, same", c -> c.sequence(SEQ), c -> c.sequence(SEQ), shapes().sequence(SEQ),
                        db -> db.ensureSequence("invoice_number"), false),
                new Pair("sequence, another START", c -> c.sequence(SEQ), c -> c.sequence(started), shapes().sequence(started),
                        db -> db.ensureSequence("invoice_number").startWith(1000), true),
                new Pair("composite, same", c -> c.composite(ADDRESS), c -> c.composite(ADDRESS), shapes().composite(ADDRESS),
                        db -> db.ensureCompositeType("address").attribute("street", "text"), false),
                new Pair("composite, another attribute", c -> c.composite(ADDRESS), c -> c.composite(wider), shapes().composite(wider),
                        db -> db.ensureCompositeType("address").attribute("street", "text").attribute("city", "text"), true),
                new Pair("domain, same", c -> c.domain(EMAIL), c -> c.domain(EMAIL), shapes().domain(EMAIL),
                        db -> db.ensureDomain("email", "text"), false),
                new Pair("domain, NOT NULL", c -> c.domain(EMAIL), c -> c.domain(notNull), shapes().domain(notNull),
                        db -> db.ensureDomain("email", "text").notNull(), true),
                new Pair("function, same", c -> c.function("public.f", "", "A"), c -> c.function("public.f", "", "A"),
                        shapes().function("public.f()", "public.f()", "A"), db -> db.ensureFunction("f()", "RETURNS int AS 'A'"), false),
                new Pair("function, another body", c -> c.function("public.f", "", "A"), c -> c.function("public.f", "", "B"),
                        shapes().function("public.f()", "public.f()", "B"), db -> db.ensureFunction("f()", "RETURNS int AS 'B'"), true),
                new Pair("enum, same", c -> c.enumType("public.mood", "sad", "ok"), c -> c.enumType("public.mood", "sad", "ok"),
                        shapes(), db -> db.ensureEnum("mood", "sad", "ok"), false),
                new Pair("enum, a label more", c -> c.enumType("public.mood", "sad"), c -> c.enumType("public.mood", "sad", "ok"),
                        shapes(), db -> db.ensureEnum("mood", "sad", "ok"), true),
                new Pair("extension, another version", c -> c.extension("pg_trgm", "public", "1.5"),
                        c -> c.extension("pg_trgm", "public", "1.6"), shapes(), db -> db.ensureExtension("pg_trgm", "public", "1.6"), true),
                new Pair("materialized view, another query", c -> c.materializedView("public.mv", "A", true),
                        c -> c.materializedView("public.mv", "B", true), shapes().materializedView("public.mv", "B"),
                        db -> db.ensureMaterializedView("mv", "B"), true),
                // The primary key, through Differ.primaryKey on both sides.
                new Pair("primary key, same", c -> c.table(KEYED), c -> c.table(KEYED), shapes().columns("public.t", ID),
                        db -> db.ensureTable("t", t -> t.column("id", "bigint").primaryKey("id")), false),
                new Pair("primary key, none in the database", c -> c.table(PLAIN), c -> c.table(KEYED), shapes().columns("public.t", ID),
                        db -> db.ensureTable("t", t -> t.column("id", "bigint").primaryKey("id")), true),
                new Pair("primary key, in the database only", c -> c.table(KEYED), c -> c.table(PLAIN), shapes().columns("public.t", ID),
                        db -> db.ensureTable("t", t -> t.column("id", "bigint")), true),
                // Grants, through Differ.grants on both sides.
                new Pair("schema grant, held", c -> c.schema("app").grants(GrantTarget.schema("app"), USAGE),
                        c -> c.schema("app").grants(GrantTarget.schema("app"), USAGE), shapes(),
                        db -> db.ensureSchemaGrant("app", "reader", "USAGE"), false),
                new Pair("schema grant, not held", c -> c.schema("app"), c -> c.schema("app").grants(GrantTarget.schema("app"), USAGE),
                        shapes(), db -> db.ensureSchemaGrant("app", "reader", "USAGE"), true));
    }

    private static final Column ID = Fixtures.notNull("id", "bigint");
    private static final Table PLAIN = Fixtures.table("public.t", 0, 0, ID);
    private static final Table KEYED = new Table(PLAIN.name(), PLAIN.columns(), new Table.PrimaryKey("t_pkey", List.of("id")), null,
            0, false, List.of(), List.of(), Table.RowSecurity.OFF, List.of(), java.util.Set.of(), 0);
    private static final Grant USAGE = new Grant("reader", "USAGE");

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void planAndRoundtripSeeTheSameDifference(Pair p) {
        var live = p.live().apply(catalog()).build();
        Plan plan = Planner.plan(live, DeclaredSchema.of(List.of(Blocks.block("C1", p.declare()))), p.shapes().build(), Map.of());
        boolean planned = plan.items().stream().anyMatch(i -> i.status() != PlanItem.Status.UNCHANGED);
        boolean reported = !CatalogDiff.compare(p.wanted().apply(catalog()).build(), live).equal();
        assertEquals(p.differ(), planned, "the planner acts on (or reports) it");
        assertEquals(p.differ(), reported, "verify reports it");
    }
}
