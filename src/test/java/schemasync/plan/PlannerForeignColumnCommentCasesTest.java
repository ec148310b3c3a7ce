package schemasync.plan;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.plan.Fixtures.catalog;
import static schemasync.plan.Fixtures.q;
import static schemasync.plan.Fixtures.shapes;

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
import schemasync.catalog.ExternalObjects.ForeignColumn;
import schemasync.catalog.ExternalObjects.ForeignServer;
import schemasync.catalog.ExternalObjects.ForeignTable;
import schemasync.dsl.CommentOn;
import schemasync.dsl.DeclaredSchema;
import schemasync.plan.PlannerCasesTest.Case;

/**
 * Comments on a foreign table's columns (COMMENT ON COLUMN ft.col): set when missing or different, skipped when
 * equal, set after the CREATE FOREIGN TABLE of this run, and an error naming the block for a foreign table that
 * does not exist.
 */
class PlannerForeignColumnCommentCasesTest {
    private static final ForeignServer FILMS_SERVER = new ForeignServer("films_server", "postgres_fdw", null, null, List.of());
    private static final ForeignTable FILMS = new ForeignTable(q("public.films"), "films_server",
            List.of(new ForeignColumn("code", "text", false, null, List.of())), List.of());
    private static final CommentTarget CODE = new CommentTarget(CommentTarget.Kind.FOREIGN_TABLE_COLUMN, q("public.films"), "code");

    private static Catalog withFilms(String comment) {
        Catalog.Builder b = catalog().build().withExternals(new ExternalObjects(Map.of("films_server", FILMS_SERVER), Map.of(),
                Map.of(q("public.films"), FILMS), Map.of(), Map.of())).toBuilder();
        if (comment != null) b.comments().put(CODE, comment);
        return b.build();
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("a foreign table's column without its comment: COMMENT ON COLUMN",
                        withFilms(null),
                        db -> db.ensureComment(CommentOn.FOREIGN_TABLE_COLUMN, "films", "code", "The film's code"), shapes().build(),
                        List.of("COMMENT ON COLUMN \"public\".\"films\".\"code\" IS 'The film''s code'"), List.of(List.of()),
                        List.of("alter comment on foreign table column public.films.code", "undeclared server films_server",
                                "undeclared foreign table public.films")),
                new Case("a foreign table's column comment that differs: replaced",
                        withFilms("old"),
                        db -> db.ensureComment(CommentOn.FOREIGN_TABLE_COLUMN, "films", "code", "The film's code"), shapes().build(),
                        List.of("COMMENT ON COLUMN \"public\".\"films\".\"code\" IS 'The film''s code'"), List.of(List.of()),
                        List.of("alter comment on foreign table column public.films.code", "undeclared server films_server",
                                "undeclared foreign table public.films")),
                new Case("a foreign table's column comment as declared: skipped",
                        withFilms("The film's code"),
                        db -> db.ensureComment(CommentOn.FOREIGN_TABLE_COLUMN, "films", "code", "The film's code"), shapes().build(),
                        List.of(), List.of(),
                        List.of("unchanged comment on foreign table column public.films.code", "undeclared server films_server",
                                "undeclared foreign table public.films")),
                new Case("a foreign table this run creates: CREATE FOREIGN TABLE, then its column's comment",
                        withFilms(null).toBuilder().externals(new ExternalObjects(Map.of("films_server", FILMS_SERVER), Map.of(), Map.of(),
                                Map.of(), Map.of())).build(),
                        db -> db.ensureForeignServer("films_server", "postgres_fdw")
                                .ensureForeignTable("films", "films_server", t -> t.column("code", "text"))
                                .ensureComment(CommentOn.FOREIGN_TABLE_COLUMN, "films", "code", "The film's code"), shapes().build(),
                        List.of("CREATE FOREIGN TABLE \"public\".\"films\" (\"code\" text) SERVER \"films_server\"",
                                "COMMENT ON COLUMN \"public\".\"films\".\"code\" IS 'The film''s code'"), List.of(List.of(), List.of()),
                        List.of("unchanged server films_server", "create foreign table public.films",
                                "alter comment on foreign table column public.films.code")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plansExactlyThis(Case c) {
        PlannerCasesTest.check(c);
    }

    @Test
    void aCommentOnAColumnOfAForeignTableThatDoesNotExistIsAnErrorNamingTheBlock() {
        var e = assertThrows(SchemaSyncException.class, () -> Planner.plan(catalog().build(), DeclaredSchema.of(List.of(
                Blocks.block("C1", db -> db.ensureComment(CommentOn.FOREIGN_TABLE_COLUMN, "nowhere", "code", "x")))), shapes().build(), Map.of()));
        assertTrue(e.getMessage().contains("C1:"), e.getMessage());
        assertTrue(e.getMessage().contains("public.nowhere"), e.getMessage());
    }
}
