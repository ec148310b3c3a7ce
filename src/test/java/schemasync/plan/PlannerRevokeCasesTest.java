package schemasync.plan;

import static schemasync.plan.Fixtures.*;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import schemasync.catalog.Grant;
import schemasync.catalog.GrantTarget;
import schemasync.catalog.Sequence;
import schemasync.catalog.Table;
import schemasync.dsl.Privilege;
import schemasync.model.HazardKind;
import schemasync.plan.PlannerCasesTest.Case;

/**
 * The revocations on a column, a sequence, a schema and a routine ({@code ensureNoColumnGrant}, {@code ensureNoSequenceGrant},
 * {@code ensureNoSchemaGrant}, {@code ensureNoFunctionGrant}), without a server ({@link PlannerCasesTest} explains the
 * form; a table's is {@code PlannerObjectCasesTest}'s): REVOKE what is held, only that (a privilege not held is no
 * step), and nothing when none is held. PrivilegesTest and GrantTest run them on a server.
 */
class PlannerRevokeCasesTest {
    private static final Table USERS = table("public.users", 10, 1, notNull("id", "bigint"), column("email", "text"));
    private static final Sequence INVOICES = new Sequence(q("public.invoice_number"), "bigint", 1, 1, 1, Long.MAX_VALUE, 1, false, null);

    static Stream<Case> cases() {
        return Stream.of(
                new Case("revocations on a column, a sequence, a schema and a function: REVOKE what each holds",
                        catalog().table(USERS).sequence(INVOICES).function("public.answer", "", "f")
                                .grants(GrantTarget.column(q("public.users"), "email"), new Grant("reader", "SELECT"))
                                .grants(GrantTarget.sequence(q("public.invoice_number")), new Grant("writer", "USAGE"))
                                .grants(GrantTarget.schema("public"), new Grant("reader", "USAGE"))
                                .grants(GrantTarget.function(q("public.answer"), ""), new Grant("reader", "EXECUTE")).build(),
                        db -> db.ensureNoColumnGrant("users", "email", "reader", Privilege.SELECT, Privilege.UPDATE)
                                .ensureNoSequenceGrant("invoice_number", "writer", Privilege.USAGE)
                                .ensureNoSchemaGrant("public", "reader", Privilege.USAGE)
                                .ensureNoFunctionGrant("answer()", "reader", Privilege.EXECUTE),
                        shapes().routine("public.answer()", "public.answer()").build(),
                        List.of("REVOKE SELECT (\"email\") ON TABLE \"public\".\"users\" FROM \"reader\"",
                                "REVOKE USAGE ON SEQUENCE \"public\".\"invoice_number\" FROM \"writer\"",
                                "REVOKE USAGE ON SCHEMA \"public\" FROM \"reader\"",
                                "REVOKE EXECUTE ON ROUTINE \"public\".\"answer\"() FROM \"reader\""),
                        List.of(List.of(HazardKind.CHANGES_AUTHORIZATION), List.of(HazardKind.CHANGES_AUTHORIZATION),
                                List.of(HazardKind.CHANGES_AUTHORIZATION), List.of(HazardKind.CHANGES_AUTHORIZATION)),
                        List.of("alter column grant public.users.email from reader", "alter sequence grant public.invoice_number from writer",
                                "alter schema grant public from reader", "alter function grant public.answer() from reader",
                                "undeclared table public.users", "undeclared function public.answer()", "undeclared sequence public.invoice_number")),
                new Case("revocations of privileges nobody holds: nothing to run",
                        catalog().table(USERS).sequence(INVOICES).function("public.answer", "", "f").build(),
                        db -> db.ensureNoColumnGrant("users", "email", "reader", Privilege.SELECT)
                                .ensureNoSequenceGrant("invoice_number", "writer", Privilege.USAGE)
                                .ensureNoSchemaGrant("public", "reader", Privilege.USAGE)
                                .ensureNoFunctionGrant("answer()", "reader", Privilege.EXECUTE),
                        shapes().routine("public.answer()", "public.answer()").build(),
                        List.of(),
                        List.of(),
                        List.of("unchanged column grant public.users.email from reader",
                                "unchanged sequence grant public.invoice_number from writer", "unchanged schema grant public from reader",
                                "unchanged function grant public.answer() from reader", "undeclared table public.users", "undeclared function public.answer()", "undeclared sequence public.invoice_number")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansExactlyThis(Case c) {
        PlannerCasesTest.check(c);
    }
}
