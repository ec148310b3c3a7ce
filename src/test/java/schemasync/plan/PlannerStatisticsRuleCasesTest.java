package schemasync.plan;

import schemasync.normalize.DeclaredShapes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.plan.Fixtures.catalog;
import static schemasync.plan.Fixtures.column;
import static schemasync.plan.Fixtures.notNull;
import static schemasync.plan.Fixtures.q;
import static schemasync.plan.Fixtures.shapes;
import static schemasync.plan.Fixtures.table;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import schemasync.Blocks;
import schemasync.SchemaSyncException;
import schemasync.catalog.Catalog;
import schemasync.catalog.CommentTarget;
import schemasync.catalog.ExternalObjects;
import schemasync.catalog.Rule;
import schemasync.catalog.Statistics;
import schemasync.catalog.Table;
import schemasync.dsl.CommentOn;
import schemasync.dsl.DeclaredSchema;
import schemasync.dsl.StatisticsKind;
import schemasync.model.HazardKind;
import schemasync.plan.PlannerCasesTest.Case;

/** Extended statistics and rules without a server: create, SET STATISTICS, drop and create, replace, removal. */
class PlannerStatisticsRuleCasesTest {
    static final Table ADDRESS = table("public.address", 10, 1, notNull("id", "bigint"), column("city", "text"),
            column("zip", "text"));
    static final Statistics CITY_ZIP = new Statistics(q("public.s_city_zip"), q("public.address"), List.of("ndistinct",
            "dependencies"), List.of("city", "zip"), List.of(), null);
    static final Rule NO_DELETE = new Rule(q("public.address"), "no_delete", "ON DELETE TO public.address DO INSTEAD NOTHING");
    private static final List<HazardKind> NONE = List.of();
    static final String TOUCH = "CREATE TRIGGER address_touch BEFORE UPDATE ON public.address FOR EACH ROW EXECUTE FUNCTION touch()";

    /** The catalog with these statistics objects and rules beside what the fixture builder holds. */
    static Catalog with(Catalog c, List<Statistics> statistics, List<Rule> rules) {
        Catalog.Builder b = c.toBuilder();
        statistics.forEach(x -> b.statistics().put(x.name(), x));
        rules.forEach(x -> b.rules().put(x.key(), x));
        return b.build();
    }

    /** The catalog with these comments beside its own. */
    static Catalog withComments(Catalog c, Map<CommentTarget, String> added) {
        Map<CommentTarget, String> comments = new java.util.LinkedHashMap<>(c.comments());
        comments.putAll(added);
        return c.toBuilder().comments(comments).build();
    }

    static Case statisticsRemoval() {
        return new Case("ensureNoStatistics: DROP STATISTICS", with(catalog().table(ADDRESS).build(), List.of(CITY_ZIP), List.of()),
                db -> db.ensureNoStatistics("s_city_zip"), shapes().build(), List.of("DROP STATISTICS \"public\".\"s_city_zip\""),
                List.of(NONE), List.of("alter statistics public.s_city_zip", "undeclared table public.address"));
    }

    static Case ruleRemoval() {
        return new Case("ensureNoRule: DROP RULE name ON table", with(catalog().table(ADDRESS).build(), List.of(), List.of(NO_DELETE)),
                db -> db.ensureNoRule("address", "no_delete"), shapes().build(),
                List.of("DROP RULE \"no_delete\" ON \"public\".\"address\""), List.of(List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK)),
                List.of("alter rule no_delete ON public.address", "undeclared table public.address"));
    }

    static Stream<Case> cases() {
        Catalog plain = catalog().table(ADDRESS).build();
        Catalog withBoth = with(plain, List.of(CITY_ZIP), List.of(NO_DELETE));
        return Stream.of(
                new Case("a new statistics object: CREATE STATISTICS with its kinds, then its target", plain,
                        db -> db.ensureStatistics("s_city_zip", s -> s.on("address").kinds(StatisticsKind.NDISTINCT,
                                StatisticsKind.DEPENDENCIES).columns("zip", "city").target(500)), shapes().build(),
                        List.of("CREATE STATISTICS \"public\".\"s_city_zip\" (ndistinct, dependencies) ON \"city\", \"zip\" FROM"
                                + " \"public\".\"address\"", "ALTER STATISTICS \"public\".\"s_city_zip\" SET STATISTICS 500"),
                        List.of(NONE, NONE), List.of("create statistics public.s_city_zip", "undeclared table public.address")),
                new Case("no kinds named: PostgreSQL's default kinds, so the existing one with all three is unchanged",
                        with(plain, List.of(new Statistics(q("public.s_all"), q("public.address"), Statistics.ALL_KINDS,
                                List.of("city", "zip"), List.of(), null)), List.of()),
                        db -> db.ensureStatistics("s_all", s -> s.on("address").columns("city", "zip")), shapes().build(),
                        List.of(), List.of(), List.of("unchanged statistics public.s_all", "undeclared table public.address")),
                new Case("only the target differs: ALTER STATISTICS ... SET STATISTICS", withBoth,
                        db -> db.ensureStatistics("s_city_zip", s -> s.on("address").kinds(StatisticsKind.NDISTINCT,
                                StatisticsKind.DEPENDENCIES).columns("city", "zip").target(1000))
                                .ensureRule("address", "no_delete", "ON DELETE TO public.address DO INSTEAD NOTHING"), shapes().build(),
                        List.of("ALTER STATISTICS \"public\".\"s_city_zip\" SET STATISTICS 1000"), List.of(NONE),
                        List.of("alter statistics public.s_city_zip", "unchanged rule no_delete ON public.address",
                                "undeclared table public.address")),
                new Case("the kinds differ: DROP STATISTICS then CREATE STATISTICS (ALTER STATISTICS cannot change them)", withBoth,
                        db -> db.ensureStatistics("s_city_zip", s -> s.on("address").kinds(StatisticsKind.MCV).columns("city", "zip")),
                        shapes().build(), List.of("DROP STATISTICS \"public\".\"s_city_zip\"", "CREATE STATISTICS \"public\".\"s_city_zip\""
                                + " (mcv) ON \"city\", \"zip\" FROM \"public\".\"address\""), List.of(NONE, NONE),
                        List.of("alter statistics public.s_city_zip", "undeclared table public.address",
                                "undeclared rule no_delete ON public.address")),
                new Case("a new rule: CREATE RULE, a brief ACCESS EXCLUSIVE lock on its table", plain,
                        db -> db.ensureRule("address", "no_delete", "ON DELETE TO public.address DO INSTEAD NOTHING;"), shapes().build(),
                        List.of("CREATE RULE \"no_delete\" AS ON DELETE TO public.address DO INSTEAD NOTHING"),
                        List.of(List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK)),
                        List.of("create rule no_delete ON public.address", "undeclared table public.address")),
                new Case("a differing rule: CREATE OR REPLACE RULE", withBoth,
                        db -> db.ensureRule("address", "no_delete", "ON DELETE TO public.address DO ALSO NOTHING")
                                .ignore("s_city_zip"), shapes().build(),
                        List.of("CREATE OR REPLACE RULE \"no_delete\" AS ON DELETE TO public.address DO ALSO NOTHING"),
                        List.of(List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK)),
                        List.of("alter rule no_delete ON public.address", "undeclared table public.address")),
                new Case("a new disabled rule: CREATE RULE, then ALTER TABLE ... DISABLE RULE", plain,
                        db -> db.ensureRule("address", "no_delete", "ON DELETE TO public.address DO INSTEAD NOTHING", r -> r.disabled()),
                        shapes().build(), List.of("CREATE RULE \"no_delete\" AS ON DELETE TO public.address DO INSTEAD NOTHING",
                                "ALTER TABLE \"public\".\"address\" DISABLE RULE \"no_delete\""),
                        List.of(List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK), List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK)),
                        List.of("create rule no_delete ON public.address", "undeclared table public.address")),
                new Case("a disabled rule declared enabled always: ALTER TABLE ... ENABLE ALWAYS RULE in place", with(plain, List.of(),
                        List.of(NO_DELETE.withEnabled(ExternalObjects.Enabled.DISABLED))),
                        db -> db.ensureRule("address", "no_delete", "ON DELETE TO public.address DO INSTEAD NOTHING",
                                r -> r.enabledAlways()), shapes().build(),
                        List.of("ALTER TABLE \"public\".\"address\" ENABLE ALWAYS RULE \"no_delete\""),
                        List.of(List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK)),
                        List.of("alter rule no_delete ON public.address", "undeclared table public.address")),
                new Case("a replica rule that differs: CREATE OR REPLACE RULE keeps ENABLE REPLICA, as declared", with(plain, List.of(),
                        List.of(NO_DELETE.withEnabled(ExternalObjects.Enabled.REPLICA))),
                        db -> db.ensureRule("address", "no_delete", "ON DELETE TO public.address DO ALSO NOTHING",
                                r -> r.enabledReplica()), shapes().build(),
                        List.of("CREATE OR REPLACE RULE \"no_delete\" AS ON DELETE TO public.address DO ALSO NOTHING"),
                        List.of(List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK)),
                        List.of("alter rule no_delete ON public.address", "undeclared table public.address")),
                new Case("a disabled rule declared as it is: unchanged", with(plain, List.of(),
                        List.of(NO_DELETE.withEnabled(ExternalObjects.Enabled.DISABLED))),
                        db -> db.ensureRule("address", "no_delete", "ON DELETE TO public.address DO INSTEAD NOTHING", r -> r.disabled()),
                        shapes().build(), List.of(), List.of(),
                        List.of("unchanged rule no_delete ON public.address", "undeclared table public.address")),
                new Case("comments on a rule and a statistics object: set when missing, replaced when different",
                        withComments(withBoth, Map.of(new CommentTarget(CommentTarget.Kind.STATISTICS, q("public.s_city_zip"), null),
                                "old")),
                        db -> db.ensureComment(CommentOn.RULE, "address", "no_delete", "Deletes are kept")
                                .ensureComment(CommentOn.STATISTICS, "s_city_zip", "City and zip").ignore("s_city_zip")
                                .ignore("address.no_delete"), shapes().build(),
                        List.of("COMMENT ON RULE \"no_delete\" ON \"public\".\"address\" IS 'Deletes are kept'",
                                "COMMENT ON STATISTICS \"public\".\"s_city_zip\" IS 'City and zip'"), List.of(NONE, NONE),
                        List.of("alter comment on rule public.address.no_delete", "alter comment on statistics public.s_city_zip",
                                "undeclared table public.address")),
                new Case("comments on a rule and a statistics object as they are: unchanged",
                        withComments(withBoth, Map.of(new CommentTarget(CommentTarget.Kind.STATISTICS, q("public.s_city_zip"), null),
                                "City and zip", new CommentTarget(CommentTarget.Kind.RULE, q("public.address"), "no_delete"), "Kept")),
                        db -> db.ensureComment(CommentOn.RULE, "address", "no_delete", "Kept")
                                .ensureComment(CommentOn.STATISTICS, "s_city_zip", "City and zip").ignore("s_city_zip")
                                .ignore("address.no_delete"), shapes().build(), List.of(), List.of(),
                        List.of("unchanged comment on rule public.address.no_delete", "unchanged comment on statistics public.s_city_zip",
                                "undeclared table public.address")),
                new Case("a new disabled trigger: CREATE TRIGGER, then ALTER TABLE ... DISABLE TRIGGER", plain,
                        db -> db.ensureTrigger("address_touch").on("address").before("UPDATE").forEachRow().disabled().executes("touch()"),
                        shapes().trigger("public.address", "address_touch", TOUCH).build(),
                        List.of("CREATE TRIGGER \"address_touch\" BEFORE UPDATE ON \"public\".\"address\" FOR EACH ROW EXECUTE FUNCTION touch()",
                                "ALTER TABLE \"public\".\"address\" DISABLE TRIGGER \"address_touch\""),
                        List.of(List.of(HazardKind.WRITE_LOCK), List.of(HazardKind.WRITE_LOCK)),
                        List.of("create trigger public.address.address_touch")),
                new Case("a disabled trigger declared enabled: ALTER TABLE ... ENABLE TRIGGER in place",
                        catalog().table(ADDRESS.withTrigger(new Table.Trigger("address_touch", TOUCH, ExternalObjects.Enabled.DISABLED))).build(),
                        db -> db.ensureTrigger("address_touch").on("address").before("UPDATE").forEachRow().executes("touch()"),
                        shapes().trigger("public.address", "address_touch", TOUCH).build(),
                        List.of("ALTER TABLE \"public\".\"address\" ENABLE TRIGGER \"address_touch\""), List.of(List.of(HazardKind.WRITE_LOCK)),
                        List.of("alter trigger public.address.address_touch")),
                new Case("a replica trigger declared as it is: unchanged",
                        catalog().table(ADDRESS.withTrigger(new Table.Trigger("address_touch", TOUCH, ExternalObjects.Enabled.REPLICA))).build(),
                        db -> db.ensureTrigger("address_touch").on("address").before("UPDATE").forEachRow().enabledReplica().executes("touch()"),
                        shapes().trigger("public.address", "address_touch", TOUCH).build(), List.of(), List.of(),
                        List.of("unchanged trigger public.address.address_touch")),
                statisticsRemoval(), ruleRemoval(), renamedTableKeepsItsStatisticsAndRules(), renamedTableKeepsTheKeysThatReferenceIt());
    }

    /**
     * ALTER TABLE ... RENAME keeps the table's statistics objects and rules (pg_statistic_ext and pg_rewrite hold its oid):
     * the working copy moves them to the new name, so declaring them there after the rename finds them unchanged (the
     * old replay left them on the old name: a DROP and CREATE STATISTICS, and a CREATE RULE PostgreSQL refuses).
     */
    static Case renamedTableKeepsItsStatisticsAndRules() {
        return new Case("a renamed table keeps its statistics and rules: declared on the new name, unchanged",
                with(catalog().table(ADDRESS).build(), List.of(CITY_ZIP), List.of(NO_DELETE)),
                db -> db.ensureTableRenamed("address", "addresses")
                        .ensureStatistics("s_city_zip", s -> s.on("addresses").kinds(StatisticsKind.NDISTINCT, StatisticsKind.DEPENDENCIES)
                                .columns("city", "zip"))
                        .ensureRule("addresses", "no_delete", "ON DELETE TO public.addresses DO INSTEAD NOTHING"), shapes().build(),
                List.of("ALTER TABLE \"public\".\"address\" RENAME TO \"addresses\""), List.of(List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK)),
                List.of("alter table public.address", "unchanged statistics public.s_city_zip",
                        "unchanged rule no_delete ON public.addresses"));
    }

    /** A foreign key referencing the renamed table references it under its new name (confrelid is the same oid). */
    static Case renamedTableKeepsTheKeysThatReferenceIt() {
        Table letters = table("public.letters", 10, 1, notNull("id", "bigint"), column("address_id", "bigint"))
                .withConstraints(List.of(new schemasync.catalog.Constraint("letters_address_fkey",
                        schemasync.catalog.Constraint.Kind.FOREIGN_KEY, List.of("address_id"), null,
                        new schemasync.catalog.Constraint.ForeignKey(q("public.address"), List.of("id"), "NO ACTION", "NO ACTION",
                                "SIMPLE", false, false, false), false, true, null)));
        return new Case("a foreign key to a renamed table: references the new name, unchanged", catalog().table(ADDRESS).table(letters).build(),
                db -> db.ensureTableRenamed("address", "addresses").ensureTable("letters", t -> t.column("id", "bigint")
                        .column("address_id", "bigint").foreignKey("address_id").references("addresses", "id").named("letters_address_fkey")),
                shapes().columns("public.letters", notNull("id", "bigint"), column("address_id", "bigint")).build(),
                List.of("ALTER TABLE \"public\".\"address\" RENAME TO \"addresses\""), List.of(List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK)),
                List.of("alter table public.address", "unchanged table public.letters", "unchanged column public.letters.id",
                        "unchanged column public.letters.address_id", "unchanged constraint public.letters.letters_address_fkey"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansExactlyThis(Case c) {
        PlannerCasesTest.check(c);
    }

    @Test
    void theNormalizersSpellingOfARuleIsWhatIsCompared() {
        DeclaredShapes b = shapes().build();
        DeclaredShapes spelled = new DeclaredShapes(b.columns(), b.indexes(), b.rewritingAdds(), b.checks(), b.views(),
                b.viewRefusals(), b.functions(), b.triggers(), b.policies(), new DeclaredShapes.Types(Map.of(), Map.of(), Map.of(),
                Map.of(), DeclaredShapes.Kinds.none().withStatisticsAndRules(Map.of(NO_DELETE.key(), NO_DELETE.definition()), Map.of())),
                b.access(), b.relations());
        DeclaredSchema declared = DeclaredSchema.of(List.of(Blocks.block("C1", db -> db
                .ensureRule("address", "no_delete", "ON DELETE TO address DO INSTEAD NOTHING"))));
        Plan plan = Planner.plan(with(catalog().table(ADDRESS).build(), List.of(), List.of(NO_DELETE)), declared, spelled, Map.of());
        assertEquals(List.of("unchanged rule no_delete ON public.address", "undeclared table public.address"), Fixtures.items(plan));
    }

    @Test
    void statisticsOnATableThatIsNeitherThereNorDeclaredIsAClearError() {
        DeclaredSchema declared = DeclaredSchema.of(List.of(Blocks.block("C1", db -> db
                .ensureStatistics("s_x", s -> s.on("nowhere").columns("a", "b")))));
        var e = assertThrows(SchemaSyncException.class, () -> Planner.plan(catalog().build(), declared, shapes().build(), Map.of()));
        assertTrue(e.getMessage().contains("statistics public.s_x is on public.nowhere, which neither exists nor is declared"),
                e.getMessage());
    }

    /**
     * Declared on the table's old name and columns, before a later block renames them, on a database where the renames
     * ran: found on the new names (as an index or trigger is), nothing to do. Before, the re-plan refused ("is on
     * public.address, which neither exists nor is declared").
     */
    @Test
    void statisticsAndRulesFollowTheLaterRenamesOfTheirTable() {
        Table purchases = table("public.purchases", 10, 1, notNull("id", "bigint"), column("town", "text"), column("zip", "text"));
        Catalog renamed = with(catalog().table(purchases).build(), List.of(new Statistics(q("public.s_city_zip"), q("public.purchases"),
                List.of("ndistinct", "dependencies"), List.of("town", "zip"), List.of(), null)),
                List.of(NO_DELETE.onTable(q("public.purchases"))));
        DeclaredSchema declared = DeclaredSchema.of(List.of(Blocks.block("C1", db -> db
                        .ensureStatistics("s_city_zip", s -> s.on("address").kinds(StatisticsKind.NDISTINCT, StatisticsKind.DEPENDENCIES)
                                .columns("city", "zip"))
                        .ensureRule("address", "no_delete", "ON DELETE TO public.address DO INSTEAD NOTHING")),
                Blocks.block("C2", db -> db.ensureTableRenamed("address", "purchases").ensureColumnRenamed("purchases", "city", "town"))));
        Plan plan = Planner.plan(renamed, declared, shapes().build(), Map.of());
        assertEquals(List.of(), plan.steps());
        assertTrue(Fixtures.items(plan).containsAll(List.of("unchanged statistics public.s_city_zip",
                "unchanged rule no_delete ON public.purchases")), Fixtures.items(plan).toString());
    }
}
