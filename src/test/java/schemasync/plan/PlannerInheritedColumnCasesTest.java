package schemasync.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.plan.Fixtures.catalog;
import static schemasync.plan.Fixtures.notNull;
import static schemasync.plan.Fixtures.q;
import static schemasync.plan.Fixtures.shapes;
import static schemasync.plan.Fixtures.table;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import schemasync.Blocks;
import schemasync.catalog.Catalog;
import schemasync.catalog.Column;
import schemasync.catalog.TableLineage;
import schemasync.catalog.TableLineage.InheritedColumn;
import schemasync.dsl.DeclaredSchema;
import schemasync.render.SqlRenderer;

/**
 * An INHERITS child's own default or NOT NULL on an inherited column, without PostgreSQL: declared and missing,
 * set; declared and present, nothing; present and undeclared, reported and left alone.
 */
class PlannerInheritedColumnCasesTest {
    private static final Column COUNTRY = new Column("country", "character(2)", false, "'US'::bpchar", Column.Identity.NONE, null);
    private static final Column NAME = new Column("name", "text", false, null, Column.Identity.NONE, null);

    private static Catalog before(List<InheritedColumn> capitalsOwn) {
        return catalog().table(table("public.cities", 10, 1, notNull("id", "bigint"), NAME, COUNTRY))
                .table(table("public.capitals", 10, 1))
                .lineage("public.capitals", new TableLineage(List.of(q("public.cities")), null, capitalsOwn)).build();
    }

    private static Plan plan(Catalog before, java.util.function.UnaryOperator<schemasync.dsl.TableBuilder> capitals) {
        DeclaredSchema declared = DeclaredSchema.of(List.of(Blocks.block("C1", db -> {
            db.ensureTable("cities", t -> t.column("id", "bigint").column("name", "text").column("country", "char(2)"));
            db.ensureTable("capitals", t -> capitals.apply(t.inherits("cities")));
        })));
        return Planner.plan(before, declared, shapes().columns("public.cities", notNull("id", "bigint"), NAME, COUNTRY).build(), Map.of());
    }

    private static List<String> sql(Plan plan) {
        return plan.steps().stream().map(s -> SqlRenderer.render(s.step())).toList();
    }

    @Test
    void aDeclaredOwnDefaultAndNotNullAreSetOnTheChild() {
        Plan plan = plan(before(List.of()), t -> t.inheritedDefault("country", "'FR'::bpchar").inheritedNotNull("name"));
        assertEquals(List.of("ALTER TABLE ONLY \"public\".\"capitals\" ALTER \"country\" SET DEFAULT 'FR'::bpchar",
                "ALTER TABLE ONLY \"public\".\"capitals\" ALTER COLUMN \"name\" SET NOT NULL"), sql(plan));
    }

    @Test
    void aDefaultDeclaredAsNoneDropsTheCopyOfTheParents() {
        assertEquals(List.of("ALTER TABLE ONLY \"public\".\"capitals\" ALTER COLUMN \"country\" DROP DEFAULT"),
                sql(plan(before(List.of()), t -> t.inheritedDefault("country", null))));
    }

    @Test
    void asDeclaredNothingToRun() {
        Plan plan = plan(before(List.of(new InheritedColumn("country", true, "'FR'::bpchar", false),
                new InheritedColumn("name", false, null, true))), t -> t.inheritedDefault("country", "'FR'::bpchar").inheritedNotNull("name"));
        assertEquals(List.of(), sql(plan));
        assertEquals(0, plan.driftCount());
    }

    @Test
    void anUndeclaredOwnDefaultIsReportedAndLeftAlone() {
        Plan plan = plan(before(List.of(new InheritedColumn("country", true, "'FR'::bpchar", false))), t -> t);
        assertEquals(List.of(), sql(plan));
        assertTrue(Fixtures.items(plan).contains("drift inherited column public.capitals.country"), Fixtures.items(plan).toString());
    }
}
