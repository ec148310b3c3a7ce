package schemasync.plan;

import static schemasync.plan.Fixtures.catalog;
import static schemasync.plan.Fixtures.shapes;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import schemasync.catalog.Catalog;
import schemasync.catalog.SecurityLabelTarget;
import schemasync.dsl.SecurityLabelOn;
import schemasync.model.HazardKind;
import schemasync.plan.PlannerCasesTest.Case;

/**
 * Security labels without a server: set when missing (each kind by pg_seclabels' objtype and its quoted identity),
 * nothing when the database holds the label, the step again when it holds another, an undeclared label left alone
 * and unreported. The server side (a label inserted into pg_seclabel, the apply refused without a provider) is
 * {@code SecurityLabelScenarioTest}.
 */
class PlannerSecurityLabelCasesTest {
    private static final List<HazardKind> NONE = List.of();
    static final String SECRET = "system_u:object_r:sepgsql_secret_table_t:s0";
    static final SecurityLabelTarget NOTE = new SecurityLabelTarget("selinux", "column", "public.users.note");

    static Catalog with(SecurityLabelTarget target, String label) {
        Catalog.Builder b = catalog().build().toBuilder();
        b.securityLabels().put(target, label);
        return b.build();
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("a column without the label: SECURITY LABEL FOR provider ON COLUMN", catalog().build(),
                        db -> db.ensureSecurityLabel("selinux", SecurityLabelOn.COLUMN, "users.note", SECRET), shapes().build(),
                        List.of("SECURITY LABEL FOR \"selinux\" ON COLUMN public.users.note IS '" + SECRET + "'"), List.of(NONE),
                        List.of("alter security label column public.users.note (provider selinux)")),
                new Case("the database holds the declared label: nothing", with(NOTE, SECRET),
                        db -> db.ensureSecurityLabel("selinux", SecurityLabelOn.COLUMN, "public.users.note", SECRET),
                        shapes().build(), List.of(), List.of(),
                        List.of("unchanged security label column public.users.note (provider selinux)")),
                new Case("the database holds another label from that provider: the statement replaces it", with(NOTE, "unclassified"),
                        db -> db.ensureSecurityLabel("selinux", SecurityLabelOn.COLUMN, "users.note", SECRET), shapes().build(),
                        List.of("SECURITY LABEL FOR \"selinux\" ON COLUMN public.users.note IS '" + SECRET + "'"), List.of(NONE),
                        List.of("alter security label column public.users.note (provider selinux)")),
                new Case("another provider's label on the same column is another label", with(NOTE, SECRET),
                        db -> db.ensureSecurityLabel("dummy", SecurityLabelOn.COLUMN, "users.note", "classified"), shapes().build(),
                        List.of("SECURITY LABEL FOR \"dummy\" ON COLUMN public.users.note IS 'classified'"), List.of(NONE),
                        List.of("alter security label column public.users.note (provider dummy)")),
                new Case("names quoted as pg_seclabels prints them (upper case, a space, a keyword); a quote in the label doubled",
                        catalog().build(), db -> db.ensureSecurityLabel("dummy", SecurityLabelOn.TABLE, "public.Order Items", "it's")
                                .ensureSecurityLabel("dummy", SecurityLabelOn.SCHEMA, "public", "s")
                                .ensureSecurityLabel("dummy", SecurityLabelOn.MATERIALIZED_VIEW, "public.select", "m")
                                .ensureSecurityLabel("dummy", SecurityLabelOn.EVENT_TRIGGER, "Audit", "e"),
                        shapes().build(), List.of("SECURITY LABEL FOR \"dummy\" ON TABLE public.\"Order Items\" IS 'it''s'",
                                "SECURITY LABEL FOR \"dummy\" ON SCHEMA public IS 's'",
                                "SECURITY LABEL FOR \"dummy\" ON MATERIALIZED VIEW public.\"select\" IS 'm'",
                                "SECURITY LABEL FOR \"dummy\" ON EVENT TRIGGER \"Audit\" IS 'e'"), List.of(NONE, NONE, NONE, NONE),
                        List.of("alter security label table public.\"Order Items\" (provider dummy)",
                                "alter security label schema public (provider dummy)",
                                "alter security label materialized view public.\"select\" (provider dummy)",
                                "alter security label event trigger \"Audit\" (provider dummy)")),
                new Case("an undeclared label: left alone, not reported", with(NOTE, SECRET), db -> db.ensureSchema("public"),
                        shapes().build(), List.of(), List.of(), List.of("unchanged schema public")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansExactlyThis(Case c) {
        PlannerCasesTest.check(c);
    }
}
