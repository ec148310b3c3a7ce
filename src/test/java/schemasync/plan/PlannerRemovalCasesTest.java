package schemasync.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static schemasync.plan.Fixtures.catalog;
import static schemasync.plan.Fixtures.column;
import static schemasync.plan.Fixtures.notNull;
import static schemasync.plan.Fixtures.q;
import static schemasync.plan.Fixtures.shapes;
import static schemasync.plan.Fixtures.table;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import schemasync.catalog.CompositeType;
import schemasync.catalog.Domain;
import schemasync.catalog.Sequence;
import schemasync.catalog.Table;
import schemasync.model.HazardKind;
import schemasync.model.ObjectKind;
import schemasync.plan.PlannerCasesTest.Case;

/**
 * One removal per {@link ObjectKind}, without a server: what {@code ensureNo...} plans when the object is there.
 * {@link #everyObjectKindHasACase} fails when a kind is added to the model without its case here, so the
 * table-driven planner tests keep covering every kind (creation and change cases live in the other case tables).
 */
class PlannerRemovalCasesTest {
    private static final Table NOTES = table("public.notes", 10, 1, notNull("id", "bigint"), column("body", "text"));
    private static final List<HazardKind> NONE = List.of();

    static Map<ObjectKind, Case> byKind() {
        Map<ObjectKind, Case> cases = new EnumMap<>(ObjectKind.class);
        cases.put(ObjectKind.TABLE, new Case("ensureNoTable: DROP TABLE, deletes data", catalog().table(NOTES).build(),
                db -> db.ensureNoTable("notes"), shapes().build(), List.of("DROP TABLE \"public\".\"notes\""),
                List.of(List.of(HazardKind.DELETES_DATA, HazardKind.ACCESS_EXCLUSIVE_LOCK)), List.of("alter table public.notes")));
        cases.put(ObjectKind.COLUMN, new Case("ensureNoColumn: DROP COLUMN, deletes data", catalog().table(NOTES).build(),
                db -> db.ensureNoColumn("notes", "body"), shapes().build(),
                List.of("ALTER TABLE \"public\".\"notes\" DROP COLUMN \"body\""),
                List.of(List.of(HazardKind.DELETES_DATA, HazardKind.ACCESS_EXCLUSIVE_LOCK)), List.of("alter column public.notes.body")));
        Table checked = NOTES.withConstraints(List.of(Fixtures.check("notes_body_check", "CHECK ((body <> ''::text))", true)));
        cases.put(ObjectKind.INDEX, new Case("ensureNoIndex: DROP INDEX", catalog().table(NOTES)
                .index("public.notes_body_idx", "public.notes", false, "USING btree (body)").build(),
                db -> db.ensureNoIndex("notes_body_idx"), shapes().build(), List.of("DROP INDEX CONCURRENTLY \"public\".\"notes_body_idx\""),
                List.of(List.of(HazardKind.NOT_TRANSACTIONAL)), List.of("alter index public.notes_body_idx", "undeclared table public.notes")));
        cases.put(ObjectKind.CONSTRAINT, new Case("ensureNoConstraint: DROP CONSTRAINT", catalog().table(checked).build(),
                db -> db.ensureNoConstraint("notes", "notes_body_check"), shapes().build(),
                List.of("ALTER TABLE \"public\".\"notes\" DROP CONSTRAINT \"notes_body_check\""), List.of(List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK)),
                List.of("alter constraint public.notes.notes_body_check", "undeclared table public.notes")));
        cases.put(ObjectKind.VIEW, new Case("ensureNoView: DROP VIEW", catalog().table(NOTES).view("public.note_bodies",
                " SELECT notes.body\n   FROM notes;").build(), db -> db.ensureNoView("note_bodies"), shapes().build(),
                List.of("DROP VIEW \"public\".\"note_bodies\""), List.of(NONE), List.of("alter view public.note_bodies", "undeclared table public.notes")));
        cases.put(ObjectKind.TRIGGER, new Case("ensureNoTrigger: DROP TRIGGER", catalog().table(NOTES.withTrigger(new Table.Trigger(
                "notes_touch", "CREATE TRIGGER notes_touch BEFORE UPDATE ON <table> FOR EACH ROW EXECUTE FUNCTION touch()")))
                .function("public.touch", "", "f").build(), db -> db.ensureNoTrigger("notes", "notes_touch"), shapes().build(),
                List.of("DROP TRIGGER \"notes_touch\" ON \"public\".\"notes\""), List.of(List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK)),
                List.of("alter trigger public.notes.notes_touch", "undeclared table public.notes", "undeclared function public.touch()")));
        cases.put(ObjectKind.FUNCTION, new Case("ensureNoFunction: DROP ROUTINE", catalog().function("public.answer", "", "f").build(),
                db -> db.ensureNoFunction("answer()"), shapes().build(), List.of("DROP ROUTINE \"public\".\"answer\"()"), List.of(NONE),
                List.of("alter function public.answer()")));
        cases.put(ObjectKind.PROCEDURE, new Case("ensureNoProcedure: DROP ROUTINE", catalog().function("public.archive", "", "p").build(),
                db -> db.ensureNoProcedure("archive()"), shapes().build(), List.of("DROP PROCEDURE \"public\".\"archive\"()"), List.of(NONE),
                List.of("alter procedure public.archive()")));
        cases.put(ObjectKind.AGGREGATE, new Case("ensureNoAggregate: DROP AGGREGATE", catalog().aggregate("public.total", "integer",
                "SFUNC = int4pl, STYPE = integer").build(), db -> db.ensureNoAggregate("total(integer)"), shapes().build(),
                List.of("DROP AGGREGATE \"public\".\"total\"(integer)"), List.of(NONE), List.of("alter aggregate public.total(integer)")));
        cases.put(ObjectKind.MATERIALIZED_VIEW, new Case("ensureNoMaterializedView: DROP MATERIALIZED VIEW", catalog().table(NOTES)
                .materializedView("public.note_count", " SELECT count(*) AS count\n   FROM notes;", true).build(),
                db -> db.ensureNoMaterializedView("note_count"), shapes().build(), List.of("DROP MATERIALIZED VIEW \"public\".\"note_count\""),
                List.of(List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK)), List.of("alter materialized view public.note_count", "undeclared table public.notes")));
        cases.put(ObjectKind.SEQUENCE, new Case("ensureNoSequence: DROP SEQUENCE", catalog().sequence(new Sequence(q("public.ticket"),
                "bigint", 1, 1, 1, Long.MAX_VALUE, 1, false, null)).build(), db -> db.ensureNoSequence("ticket"), shapes().build(),
                List.of("DROP SEQUENCE \"public\".\"ticket\""), List.of(List.of(HazardKind.DELETES_DATA, HazardKind.ACCESS_EXCLUSIVE_LOCK)),
                List.of("alter sequence public.ticket")));
        cases.put(ObjectKind.DOMAIN, new Case("ensureNoDomain: DROP DOMAIN", catalog().domain(new Domain(q("public.email"), "text",
                false, null, null, List.of())).build(), db -> db.ensureNoDomain("email"), shapes().build(), List.of("DROP DOMAIN \"public\".\"email\""), List.of(NONE),
                List.of("alter domain public.email")));
        cases.put(ObjectKind.COMPOSITE_TYPE, new Case("ensureNoCompositeType: DROP TYPE", catalog().composite(new CompositeType(
                q("public.address"), List.of(new CompositeType.Attribute("street", "text", null)))).build(),
                db -> db.ensureNoCompositeType("address"), shapes().build(), List.of("DROP TYPE \"public\".\"address\""), List.of(NONE),
                List.of("alter composite type public.address")));
        cases.put(ObjectKind.PARTITION, new Case("ensureNoPartition: DROP TABLE of the partition, deletes data", catalog()
                .table(table("public.events", 0, 0, column("at", "date"))).table(table("public.events_2024", 10, 1, column("at", "date")))
                .partitioned("public.events", "RANGE (at)")
                .partitionOf("public.events_2024", "public.events", "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')").build(),
                db -> db.ensureNoPartition("events_2024"), shapes().build(), List.of("DROP TABLE \"public\".\"events_2024\""),
                List.of(List.of(HazardKind.DELETES_DATA, HazardKind.ACCESS_EXCLUSIVE_LOCK)),
                List.of("alter partition public.events_2024", "undeclared table public.events")));
        cases.put(ObjectKind.COLLATION, new Case("ensureNoCollation: DROP COLLATION", catalog().collation(new schemasync.catalog.Collation(
                q("public.ci"), "icu", null, null, "und-u-ks-level2", null, false)).build(),
                db -> db.ensureNoCollation("ci"), shapes().build(), List.of("DROP COLLATION \"public\".\"ci\""), List.of(NONE),
                List.of("alter collation public.ci")));
        cases.put(ObjectKind.RANGE_TYPE, new Case("ensureNoRangeType: DROP TYPE of the range (its multirange goes with it)",
                catalog().rangeType(new schemasync.catalog.RangeType(q("public.floatrange"), "double precision", "float8_ops", true,
                        null, null, "float8mi", q("public.floatmultirange"))).build(),
                db -> db.ensureNoRangeType("floatrange"), shapes().build(), List.of("DROP TYPE \"public\".\"floatrange\""), List.of(NONE),
                List.of("alter range type public.floatrange")));
        cases.put(ObjectKind.STATISTICS, PlannerStatisticsRuleCasesTest.statisticsRemoval());
        cases.put(ObjectKind.RULE, PlannerStatisticsRuleCasesTest.ruleRemoval());
        cases.put(ObjectKind.TEXT_SEARCH_DICTIONARY, PlannerTextSearchCasesTest.dictionaryRemoval());
        cases.put(ObjectKind.TEXT_SEARCH_CONFIGURATION, PlannerTextSearchCasesTest.configurationRemoval());
        cases.put(ObjectKind.CONVERSION, PlannerConversionCasesTest.removal());
        return cases;
    }

    static Stream<Case> cases() {
        return byKind().values().stream();
    }

    @Test
    void everyObjectKindHasACase() {
        Set<ObjectKind> missing = EnumSet.allOf(ObjectKind.class);
        missing.removeAll(byKind().keySet());
        assertEquals(Set.of(), missing, "object kinds without a DB-free removal case");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansExactlyThis(Case c) {
        PlannerCasesTest.check(c);
    }
}
