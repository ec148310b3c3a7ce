package schemasync.plan;

import schemasync.step.ExternalSteps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.plan.Fixtures.catalog;
import static schemasync.plan.Fixtures.q;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import schemasync.catalog.Catalog;
import schemasync.catalog.ExternalObjects;
import schemasync.catalog.ExternalObjects.Enabled;
import schemasync.catalog.ExternalObjects.EventTrigger;
import schemasync.catalog.ExternalObjects.ForeignColumn;
import schemasync.catalog.ExternalObjects.ForeignServer;
import schemasync.catalog.ExternalObjects.ForeignTable;
import schemasync.catalog.ExternalObjects.Publication;
import schemasync.catalog.ExternalObjects.PublishedTable;
import schemasync.catalog.ExternalObjects.UserMapping;

/** What the steps on external objects do to a catalog, without a server (ExternalObjectsTest checks it against PostgreSQL). */
class ExternalEffectsTest {
    private static final ForeignServer FILMS = new ForeignServer("films", "postgres_fdw", null, null, List.of("dbname=films", "host=db"));
    private static final ForeignTable MOVIES = new ForeignTable(q("movies"), "films",
            List.of(new ForeignColumn("id", "integer", true, null, List.of())), List.of("table_name=movies"));

    @Test
    void createdObjectsAndTheirOptionsAreReplayed() {
        Catalog c = Effects.replay(List.of(new ExternalSteps.CreateServer(FILMS),
                new ExternalSteps.CreateUserMapping(new UserMapping("films", "PUBLIC", List.of("user=reader"), true), "FILMS_PASSWORD"),
                new ExternalSteps.CreateForeignTable(MOVIES),
                new ExternalSteps.AlterOptions(ExternalSteps.OptionsOf.SERVER, "films", null, null, List.of("port=5433"),
                        List.of("host=films.internal"), List.of("dbname")),
                new ExternalSteps.AlterOptions(ExternalSteps.OptionsOf.FOREIGN_TABLE, null, null, q("movies"),
                        List.of("schema_name=public"), List.of(), List.of())), catalog().build());
        ExternalObjects e = c.externals();
        assertEquals(List.of("host=films.internal", "port=5433"), e.servers().get("films").options());
        assertEquals(List.of("schema_name=public", "table_name=movies"), e.foreignTables().get(q("movies")).options());
        assertTrue(e.userMappings().get("PUBLIC@films").hasPassword());
        Set<String> facts = CatalogOutline.of(c);
        assertTrue(facts.contains("foreign table public.movies server films columns [id] options [schema_name=public, table_name=movies]"),
                facts::toString);
    }

    @Test
    void publicationTablesAndOptionsAndARecreationAreReplayed() {
        PublishedTable orders = new PublishedTable(q("orders"), List.of(), null);
        PublishedTable items = new PublishedTable(q("items"), List.of("id"), null);
        Publication listed = new Publication("changes", false, List.of(orders), List.of(), Publication.ALL_OPERATIONS, false);
        Catalog c = Effects.replay(List.of(new ExternalSteps.CreatePublication(listed),
                new ExternalSteps.AlterPublicationTables("changes", false, List.of(orders), List.of()),
                new ExternalSteps.AlterPublicationTables("changes", true, List.of(items), List.of("audit")),
                new ExternalSteps.SetPublicationOptions("changes", List.of("insert"), true)), catalog().build());
        assertEquals(new Publication("changes", false, List.of(items), List.of("audit"), List.of("insert"), true),
                c.externals().publications().get("changes"));

        Publication all = new Publication("changes", true, List.of(), List.of(), Publication.ALL_OPERATIONS, false);
        Catalog recreated = Effects.replay(List.of(new ExternalSteps.DropExternal(ExternalSteps.Droppable.PUBLICATION, "changes", null),
                new ExternalSteps.CreatePublication(all)), c);
        assertEquals(all, recreated.externals().publications().get("changes"));
    }

    @Test
    void anEventTriggerIsCreatedEnabledThenSetAndDropped() {
        EventTrigger disabled = new EventTrigger("no_drops", "ddl_command_start", List.of("DROP TABLE"), q("refuse"), Enabled.DISABLED);
        Catalog c = Effects.replay(List.of(new ExternalSteps.CreateEventTrigger(disabled)), catalog().build());
        assertEquals(Enabled.ORIGIN, c.externals().eventTriggers().get("no_drops").enabled());
        c = Effects.apply(new ExternalSteps.SetEventTriggerEnabled("no_drops", Enabled.DISABLED), c);
        assertEquals(disabled, c.externals().eventTriggers().get("no_drops"));
        c = Effects.apply(new ExternalSteps.DropExternal(ExternalSteps.Droppable.EVENT_TRIGGER, "no_drops", null), c);
        assertFalse(c.externals().eventTriggers().containsKey("no_drops"));
    }
}
