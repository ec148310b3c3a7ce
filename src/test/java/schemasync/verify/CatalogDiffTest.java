package schemasync.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import schemasync.catalog.Catalog;
import schemasync.catalog.Column;
import schemasync.catalog.Domain;
import schemasync.catalog.Grant;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Sequence;
import schemasync.catalog.Table;

/** Two catalogs compared with the planner's per-kind differ, without a server: field by field, named. */
class CatalogDiffTest {
    private static final QualifiedName USERS = QualifiedName.parse("public.users");
    private static final QualifiedName SEQ = QualifiedName.parse("public.invoice_number");
    private static final QualifiedName EMAIL = QualifiedName.parse("public.email");

    private static Catalog catalog(String emailType, long start, String check, Set<Grant> grants) {
        Table users = new Table(USERS, List.of(new Column("id", "bigint", true, null, Column.Identity.NONE, null),
                new Column("email", emailType, false, null, Column.Identity.NONE, null)), new Table.PrimaryKey("users_pkey", List.of("id")),
                null, 100, false, List.of(), List.of(), Table.RowSecurity.OFF, List.of(), grants, 7);
        return Catalog.builder().schemas(Set.of("public")).tables(Map.of(USERS, users))
                .domains(Map.of(EMAIL, new Domain(EMAIL, "text", false, null, null, List.of(new Domain.Check("has_at", check, true)))))
                .sequences(Map.of(SEQ, new Sequence(SEQ, "bigint", start, 1, 1, Long.MAX_VALUE, 1, false, null))).build();
    }

    @Test
    void equalCatalogsHaveNoDifferenceAndCountEveryObject() {
        Catalog c = catalog("text", 1, "CHECK ((VALUE ~~ '%@%'::text))", Set.of(new Grant("reader", "SELECT")));
        CatalogDiff.Result r = CatalogDiff.compare(c, c);
        assertEquals(List.of(), r.differences());
        assertEquals(1, r.compared().get("tables"));
        assertEquals(2, r.compared().get("columns"));
        assertEquals(1, r.compared().get("sequences"));
        assertEquals(1, r.compared().get("domains"));
    }

    @Test
    void eachDifferenceIsNamedByKindObjectAndField() {
        Catalog source = catalog("text", 1, "CHECK ((VALUE ~~ '%@%'::text))", Set.of(new Grant("reader", "SELECT")));
        Catalog rebuilt = catalog("character varying(320)", 1000, "CHECK ((VALUE ~~ '%@_%'::text))", Set.of());
        assertEquals(List.of(
                "domain public.email: check has_at: expression: source has CHECK ((VALUE ~~ '%@%'::text)), rebuilt has CHECK ((VALUE ~~ '%@_%'::text))",
                "sequence public.invoice_number: options: source has AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807"
                        + " START WITH 1 CACHE 1 NO CYCLE, rebuilt has AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807"
                        + " START WITH 1000 CACHE 1 NO CYCLE",
                "table public.users: column email: type: source has text, rebuilt has character varying(320)",
                "table public.users: table grant reader SELECT: source has present, rebuilt has none"),
                CatalogDiff.compare(source, rebuilt).differences());
    }
}
