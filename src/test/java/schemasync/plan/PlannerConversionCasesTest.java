package schemasync.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static schemasync.plan.Fixtures.catalog;
import static schemasync.plan.Fixtures.q;
import static schemasync.plan.Fixtures.shapes;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import schemasync.catalog.Catalog;
import schemasync.catalog.CommentTarget;
import schemasync.catalog.Conversion;
import schemasync.catalog.OwnerTarget;
import schemasync.dsl.CommentOn;
import schemasync.dsl.OwnerOf;
import schemasync.model.HazardKind;
import schemasync.plan.PlannerCasesTest.Case;

/**
 * Encoding conversions without a server: create (plain and DEFAULT, the function qualified), unchanged (an encoding named
 * by a PostgreSQL alias reads as its name), a difference replaced by DROP and CREATE (no ALTER CONVERSION), comments,
 * owners, undeclared ones reported, removals ({@link PlannerRemovalCasesTest} takes {@link #removal}).
 */
class PlannerConversionCasesTest {
    private static final List<HazardKind> NONE = List.of();
    static final Conversion LATIN1 = new Conversion(q("public.latin1_to_utf8"), "LATIN1", "UTF8",
            q("pg_catalog.iso8859_1_to_utf8"), false);

    static Catalog with(Conversion... conversions) {
        Catalog.Builder b = catalog().build().toBuilder();
        for (Conversion c : conversions) b.conversions().put(c.name(), c);
        return b.build();
    }

    static Case removal() {
        return new Case("ensureNoConversion: DROP CONVERSION", with(LATIN1), db -> db.ensureNoConversion("latin1_to_utf8"),
                shapes().build(), List.of("DROP CONVERSION \"public\".\"latin1_to_utf8\""), List.of(NONE),
                List.of("alter conversion public.latin1_to_utf8"));
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("a conversion over a pg_catalog function: CREATE CONVERSION, the function qualified", catalog().build(),
                        db -> db.ensureConversion("latin1_to_utf8", c -> c.encodings("LATIN1", "UTF8").function("iso8859_1_to_utf8")),
                        shapes().build(), List.of("CREATE CONVERSION \"public\".\"latin1_to_utf8\" FOR 'LATIN1' TO 'UTF8' FROM"
                                + " \"pg_catalog\".\"iso8859_1_to_utf8\""), List.of(NONE),
                        List.of("create conversion public.latin1_to_utf8")),
                new Case("a DEFAULT conversion over a user function: CREATE DEFAULT CONVERSION", catalog().build(),
                        db -> db.ensureConversion("latin2_to_utf8", c -> c.encodings("LATIN2", "UTF8").function("public.my_latin2")
                                .asDefault()), shapes().build(),
                        List.of("CREATE DEFAULT CONVERSION \"public\".\"latin2_to_utf8\" FOR 'LATIN2' TO 'UTF8' FROM"
                                + " \"public\".\"my_latin2\""), List.of(NONE), List.of("create conversion public.latin2_to_utf8")),
                new Case("as declared, the encodings by PostgreSQL aliases (iso-8859-1 is LATIN1, unicode is UTF8): skipped",
                        with(LATIN1), db -> db.ensureConversion("latin1_to_utf8", c -> c.encodings("iso-8859-1", "unicode")
                                .function("pg_catalog.iso8859_1_to_utf8")), shapes().build(), List.of(), List.of(),
                        List.of("unchanged conversion public.latin1_to_utf8")),
                new Case("declared DEFAULT, the database's is not: replaced, DROP then CREATE DEFAULT (no ALTER CONVERSION)",
                        with(LATIN1), db -> db.ensureConversion("latin1_to_utf8", c -> c.encodings("LATIN1", "UTF8")
                                .function("iso8859_1_to_utf8").asDefault()), shapes().build(),
                        List.of("DROP CONVERSION \"public\".\"latin1_to_utf8\"", "CREATE DEFAULT CONVERSION \"public\".\"latin1_to_utf8\""
                                + " FOR 'LATIN1' TO 'UTF8' FROM \"pg_catalog\".\"iso8859_1_to_utf8\""), List.of(NONE, NONE),
                        List.of("alter conversion public.latin1_to_utf8")),
                new Case("another destination encoding: replaced, and its comment set again (DROP took it)",
                        with(LATIN1).toBuilder().comments(Map.of(new CommentTarget(CommentTarget.Kind.CONVERSION,
                                q("public.latin1_to_utf8"), null), "Latin-1 clients")).build(),
                        db -> db.ensureConversion("latin1_to_utf8", c -> c.encodings("LATIN1", "MULE_INTERNAL")
                                .function("latin1_to_mic")), shapes().build(),
                        List.of("DROP CONVERSION \"public\".\"latin1_to_utf8\"", "CREATE CONVERSION \"public\".\"latin1_to_utf8\""
                                + " FOR 'LATIN1' TO 'MULE_INTERNAL' FROM \"pg_catalog\".\"latin1_to_mic\"",
                                "COMMENT ON CONVERSION \"public\".\"latin1_to_utf8\" IS 'Latin-1 clients'"), List.of(NONE, NONE, NONE),
                        List.of("alter conversion public.latin1_to_utf8")),
                new Case("a comment and an owner on a conversion: COMMENT ON CONVERSION, ALTER CONVERSION OWNER TO",
                        with(LATIN1).toBuilder().comments(Map.of(new CommentTarget(CommentTarget.Kind.CONVERSION,
                                q("public.latin1_to_utf8"), null), "old")).owners(Map.of(new OwnerTarget(OwnerTarget.Kind.CONVERSION,
                                q("public.latin1_to_utf8"), null), "postgres")).build(),
                        db -> db.ensureComment(CommentOn.CONVERSION, "latin1_to_utf8", "Latin-1 clients")
                                .ensureOwner(OwnerOf.CONVERSION, "latin1_to_utf8", "app_owner").ignore("latin1_to_utf8"),
                        shapes().build(), List.of("COMMENT ON CONVERSION \"public\".\"latin1_to_utf8\" IS 'Latin-1 clients'",
                                "ALTER CONVERSION \"public\".\"latin1_to_utf8\" OWNER TO \"app_owner\""),
                        List.of(NONE, List.of(HazardKind.CHANGES_AUTHORIZATION)),
                        List.of("alter comment on conversion public.latin1_to_utf8", "alter owner of conversion public.latin1_to_utf8")),
                new Case("an undeclared conversion: reported, never dropped", with(LATIN1), db -> db.ensureSchema("public"),
                        shapes().build(), List.of(), List.of(), List.of("unchanged schema public",
                                "undeclared conversion public.latin1_to_utf8")),
                new Case("ensureNoConversion of one that is not there: nothing to drop", catalog().build(),
                        db -> db.ensureNoConversion("latin1_to_utf8"), shapes().build(), List.of(), List.of(),
                        List.of("unchanged conversion public.latin1_to_utf8")),
                removal());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansExactlyThis(Case c) {
        PlannerCasesTest.check(c);
    }

    /** pg_encoding_to_char's names read as themselves; an alias as its name; an unknown name as written (PostgreSQL refuses it). */
    @Test
    void anEncodingIsNamedAsPostgresqlNamesIt() {
        assertEquals(List.of("LATIN1", "LATIN1", "UTF8", "UTF8", "WIN1251", "SJIS", "ISO_8859_5", "EUC_JIS_2004", "no_such"),
                Stream.of("LATIN1", "iso_8859_1", "utf-8", "Unicode", "win", "mskanji", "iso-8859-5", "euc_jis_2004", "no_such")
                        .map(Conversion::encoding).toList());
    }
}
