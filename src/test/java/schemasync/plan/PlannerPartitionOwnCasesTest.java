package schemasync.plan;

import static schemasync.plan.Fixtures.*;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import schemasync.catalog.Column;
import schemasync.catalog.Table;
import schemasync.model.HazardKind;
import schemasync.plan.PlannerCasesTest.Case;

/**
 * What a partition has of its own beyond its key, without a server ({@link PlannerCasesTest} explains the form): its
 * comment ({@code dsl.PartitionCommentDecl}) and its own column defaults, NOT NULL and column comments
 * ({@code dsl.PartitionColumnsDecl}). PostgreSQL keeps each per partition (pg_description and pg_attrdef rows of the
 * partition, attnotnull on its own attribute), so a partition the run creates gets them after its CREATE, and an
 * existing one is set back to them. The server-backed scenarios are PartitionOwnAttributesTest and
 * PartitionOwnColumnsTest. (A new partition's own default costs no lock hazard: nobody else sees the table yet; on an
 * existing one SET DEFAULT takes ACCESS EXCLUSIVE briefly.)
 */
class PlannerPartitionOwnCasesTest {
    private static final String BOUND = "FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')";
    private static final Table ORDERS = table("public.orders", 50_000, 1_000, notNull("at", "date"), column("status", "text"),
            column("note", "text"));

    /** The partition as the catalog reads it: its own copy of the parent's columns, with a default of its own or none. */
    private static Table partition(String statusDefault, String comment) {
        Table t = table("public.orders_2026", 5_000, 100, notNull("at", "date"),
                new Column("status", "text", false, statusDefault, Column.Identity.NONE, null), column("note", "text"));
        return new Table(t.name(), t.columns(), t.primaryKey(), comment, t.estimatedRows(), t.partition(), t.constraints(),
                t.triggers(), t.rowSecurity(), t.policies(), t.grants(), t.pages());
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("a new partition with a comment and a default of its own: CREATE ... PARTITION OF, then COMMENT and SET DEFAULT",
                        catalog().table(ORDERS).partitioned("public.orders", "RANGE (at)").build(),
                        db -> db.ensurePartition("orders_2026", "orders", BOUND,
                                t -> t.comment("This year's orders").columnDefault("status", "'new'::text")),
                        shapes().partition("public.orders_2026", BOUND).build(),
                        List.of("CREATE TABLE \"public\".\"orders_2026\" PARTITION OF \"public\".\"orders\" " + BOUND,
                                "COMMENT ON TABLE \"public\".\"orders_2026\" IS 'This year''s orders'",
                                "ALTER TABLE \"public\".\"orders_2026\" ALTER \"status\" SET DEFAULT 'new'::text"),
                        List.of(List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK), List.of(), List.of()),
                        List.of("create partition public.orders_2026", "alter comment on partition public.orders_2026",
                                "alter column default public.orders_2026.status", "undeclared table public.orders")),
                new Case("an existing partition whose comment and own default were changed by hand: both set back",
                        catalog().table(ORDERS).table(partition(null, "old words")).partitioned("public.orders", "RANGE (at)")
                                .partitionOf("public.orders_2026", "public.orders", BOUND).build(),
                        db -> db.ensurePartition("orders_2026", "orders", BOUND,
                                t -> t.comment("This year's orders").columnDefault("status", "'new'::text")),
                        shapes().partition("public.orders_2026", BOUND).build(),
                        List.of("COMMENT ON TABLE \"public\".\"orders_2026\" IS 'This year''s orders'",
                                "ALTER TABLE \"public\".\"orders_2026\" ALTER \"status\" SET DEFAULT 'new'::text"),
                        List.of(List.of(), List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK)),
                        List.of("unchanged partition public.orders_2026", "alter comment on partition public.orders_2026",
                                "alter column default public.orders_2026.status", "undeclared table public.orders")),
                new Case("an existing partition as declared (comment and own default): nothing to run",
                        catalog().table(ORDERS).table(partition("'new'::text", "This year's orders"))
                                .partitioned("public.orders", "RANGE (at)").partitionOf("public.orders_2026", "public.orders", BOUND).build(),
                        db -> db.ensurePartition("orders_2026", "orders", BOUND,
                                t -> t.comment("This year's orders").columnDefault("status", "'new'::text")),
                        shapes().partition("public.orders_2026", BOUND).build(),
                        List.of(),
                        List.of(),
                        List.of("unchanged partition public.orders_2026", "undeclared table public.orders")),
                // pg_dump's form of a parent's default whose partition keeps its own (generate writes it for a default split out
                // of a creation-order cycle): ONLY, so the partition's own 'new' stays (CycleSplitRoundTripTest replays it on a server).
                new Case("ensureColumnChanged(...).dflt(...).onlyThisTable() on a partitioned table: ALTER TABLE ONLY, the partition keeps its own",
                        catalog().table(ORDERS).table(partition("'new'::text", null)).partitioned("public.orders", "RANGE (at)")
                                .partitionOf("public.orders_2026", "public.orders", BOUND).build(),
                        db -> db.ensureColumnChanged("orders", "status").dflt("'open'").onlyThisTable(),
                        shapes().columns("public.orders", new Column(schemasync.normalize.DeclaredShapes.changedColumn(0), "text", false,
                                "'open'::text", Column.Identity.NONE, null)).build(),
                        List.of("ALTER TABLE ONLY \"public\".\"orders\" ALTER \"status\" SET DEFAULT 'open'"),
                        List.of(List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK)),
                        List.of("alter column public.orders.status")),
                new Case("ensureColumnChanged(...).noDefault().onlyThisTable() on a partitioned table: ALTER TABLE ONLY ... DROP DEFAULT",
                        catalog().table(table("public.orders", 50_000, 1_000, notNull("at", "date"),
                                        new Column("status", "text", false, "'open'::text", Column.Identity.NONE, null), column("note", "text")))
                                .table(partition("'new'::text", null)).partitioned("public.orders", "RANGE (at)")
                                .partitionOf("public.orders_2026", "public.orders", BOUND).build(),
                        db -> db.ensureColumnChanged("orders", "status").noDefault().onlyThisTable(),
                        shapes().build(),
                        List.of("ALTER TABLE ONLY \"public\".\"orders\" ALTER COLUMN \"status\" DROP DEFAULT"),
                        List.of(List.of(HazardKind.ACCESS_EXCLUSIVE_LOCK)),
                        List.of("alter column public.orders.status")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansExactlyThis(Case c) {
        PlannerCasesTest.check(c);
    }
}
