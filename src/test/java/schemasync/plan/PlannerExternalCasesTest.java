package schemasync.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static schemasync.plan.Fixtures.catalog;
import static schemasync.plan.Fixtures.q;
import static schemasync.plan.Fixtures.shapes;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import schemasync.Blocks;
import schemasync.catalog.Catalog;
import schemasync.catalog.ExternalObjects;
import schemasync.catalog.ExternalObjects.EventTrigger;
import schemasync.catalog.ExternalObjects.ForeignColumn;
import schemasync.catalog.ExternalObjects.ForeignServer;
import schemasync.catalog.ExternalObjects.ForeignTable;
import schemasync.catalog.ExternalObjects.Publication;
import schemasync.catalog.ExternalObjects.UserMapping;
import schemasync.dsl.DeclaredSchema;
import schemasync.dsl.SchemaChanges;

/**
 * Foreign servers, user mappings, foreign tables, publications and event triggers that no block declares, without
 * PostgreSQL: each is reported as undeclared (⚠, never dropped) like the other kinds, a declared one is not, and an
 * ignore pattern silences one.
 */
class PlannerExternalCasesTest {
    private static final Catalog WITH_EXTERNALS = catalog().build().withExternals(new ExternalObjects(
            Map.of("films_server", new ForeignServer("films_server", "postgres_fdw", null, null, List.of("host=db2"))),
            Map.of("PUBLIC@films_server", new UserMapping("films_server", "PUBLIC", List.of("user=reader"), false)),
            Map.of(q("public.films"), new ForeignTable(q("public.films"), "films_server",
                    List.of(new ForeignColumn("code", "text", false, null, List.of())), List.of())),
            Map.of("everything", new Publication("everything", true, List.of(), List.of(), Publication.ALL_OPERATIONS, false)),
            Map.of("audit_ddl", new EventTrigger("audit_ddl", "ddl_command_end", List.of(), q("public.log_ddl"),
                    ExternalObjects.Enabled.ORIGIN))));

    private static List<String> items(java.util.function.Consumer<SchemaChanges> declare) {
        Plan plan = Planner.plan(WITH_EXTERNALS, DeclaredSchema.of(List.of(Blocks.block("C1", declare))), shapes().build(), Map.of());
        return Fixtures.items(plan);
    }

    @Test
    void externalObjectsNoBlockDeclaresAreReportedAsUndeclared() {
        assertEquals(List.of("undeclared server films_server", "undeclared user mapping PUBLIC@films_server",
                "undeclared foreign table public.films", "undeclared publication everything", "undeclared event trigger audit_ddl"),
                items(db -> { }));
    }

    @Test
    void aDeclaredExternalObjectIsNotUndeclared() {
        assertEquals(List.of("unchanged server films_server", "undeclared user mapping PUBLIC@films_server",
                "undeclared foreign table public.films", "undeclared publication everything", "undeclared event trigger audit_ddl"),
                items(db -> db.ensureForeignServer("films_server", "postgres_fdw", s -> s.option("host", "db2"))));
    }

    @Test
    void anIgnorePatternSilencesAnUndeclaredExternalObject() {
        assertEquals(List.of("undeclared server films_server", "undeclared user mapping PUBLIC@films_server",
                "undeclared foreign table public.films"), items(db -> db.ignore("everything").ignore("audit_*")));
    }
}
