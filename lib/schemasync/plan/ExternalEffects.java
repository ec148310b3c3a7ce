package schemasync.plan;

import schemasync.step.ExternalSteps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import schemasync.catalog.ExternalObjects;
import schemasync.catalog.ExternalObjects.EventTrigger;
import schemasync.catalog.ExternalObjects.ForeignServer;
import schemasync.catalog.ExternalObjects.ForeignTable;
import schemasync.catalog.ExternalObjects.Publication;
import schemasync.catalog.ExternalObjects.PublishedTable;
import schemasync.catalog.ExternalObjects.UserMapping;
import schemasync.catalog.QualifiedName;

/**
 * What the steps on foreign servers, user mappings, foreign tables, publications and event triggers do to a
 * catalog ({@link Effects} delegates here): the planner's working copy of them and a replay both change only
 * through these, so the replay assertion covers them ({@link CatalogOutline} lists what it compares).
 */
final class ExternalEffects {
    private ExternalEffects() {
    }

    /** A catalog's {@link ExternalObjects} in a {@link PlanState}: persistent maps, a value (read only). */
    static final class State {
        final OrderedMap<String, ForeignServer> servers;
        final OrderedMap<String, UserMapping> userMappings;
        final OrderedMap<QualifiedName, ForeignTable> foreignTables;
        final OrderedMap<String, Publication> publications;
        final OrderedMap<String, EventTrigger> eventTriggers;

        State(ExternalObjects e) {
            this(OrderedMap.from(e.servers()), OrderedMap.from(e.userMappings()), OrderedMap.from(e.foreignTables()),
                    OrderedMap.from(e.publications()), OrderedMap.from(e.eventTriggers()));
        }

        private State(OrderedMap<String, ForeignServer> servers, OrderedMap<String, UserMapping> userMappings,
                      OrderedMap<QualifiedName, ForeignTable> foreignTables, OrderedMap<String, Publication> publications,
                      OrderedMap<String, EventTrigger> eventTriggers) {
            this.servers = servers;
            this.userMappings = userMappings;
            this.foreignTables = foreignTables;
            this.publications = publications;
            this.eventTriggers = eventTriggers;
        }
    }

    /** One step's edit of a {@link State} ({@link EditedMap}s over its maps, which it leaves as they were). */
    static final class Edit {
        final EditedMap<String, ForeignServer> servers;
        final EditedMap<String, UserMapping> userMappings;
        final EditedMap<QualifiedName, ForeignTable> foreignTables;
        final EditedMap<String, Publication> publications;
        final EditedMap<String, EventTrigger> eventTriggers;

        Edit(State e) {
            servers = new EditedMap<>(e.servers);
            userMappings = new EditedMap<>(e.userMappings);
            foreignTables = new EditedMap<>(e.foreignTables);
            publications = new EditedMap<>(e.publications);
            eventTriggers = new EditedMap<>(e.eventTriggers);
        }

        State state() {
            return new State(servers.frozen(), userMappings.frozen(), foreignTables.frozen(), publications.frozen(),
                    eventTriggers.frozen());
        }

        ExternalObjects build() {
            return new ExternalObjects(servers.frozen(), userMappings.frozen(), foreignTables.frozen(), publications.frozen(),
                    eventTriggers.frozen());
        }
    }

    static void createServer(Edit e, ExternalSteps.CreateServer s) {
        e.servers.put(s.server().name(), s.server());
    }

    /** The mapping as declared (a password's presence included: never its value). */
    static void createUserMapping(Edit e, ExternalSteps.CreateUserMapping s) {
        e.userMappings.put(s.mapping().key(), s.mapping());
    }

    static void createForeignTable(Edit e, ExternalSteps.CreateForeignTable s) {
        e.foreignTables.put(s.table().name(), s.table());
    }

    /** OPTIONS (ADD name 'value', SET name 'value', DROP name) on the object's {@code name=value} list. */
    static void alterOptions(Edit e, ExternalSteps.AlterOptions s) {
        switch (s.of()) {
            case SERVER -> e.servers.computeIfPresent(s.server(), (k, v) -> new ForeignServer(v.name(), v.wrapper(), v.type(),
                    v.version(), options(v.options(), s)));
            case USER_MAPPING -> e.userMappings.computeIfPresent(UserMapping.key(s.server(), s.role()), (k, v) ->
                    new UserMapping(v.server(), v.role(), options(v.options(), s), v.hasPassword()));
            case FOREIGN_TABLE -> e.foreignTables.computeIfPresent(s.table(), (k, v) -> new ForeignTable(v.name(), v.server(),
                    v.columns(), options(v.options(), s)));
        }
    }

    private static List<String> options(List<String> had, ExternalSteps.AlterOptions s) {
        Map<String, String> byName = new TreeMap<>();
        for (String o : had) byName.put(o.substring(0, o.indexOf('=')), o);
        for (String o : s.add()) byName.put(o.substring(0, o.indexOf('=')), o);
        for (String o : s.set()) byName.put(o.substring(0, o.indexOf('=')), o);
        s.drop().forEach(byName::remove);
        return new ArrayList<>(byName.values());
    }

    static void createPublication(Edit e, ExternalSteps.CreatePublication s) {
        e.publications.put(s.publication().name(), s.publication());
    }

    /** ADD TABLE replaces a table's entry (column list, row filter); DROP TABLE removes it by name. */
    static void alterPublicationTables(Edit e, ExternalSteps.AlterPublicationTables s) {
        e.publications.computeIfPresent(s.publication(), (k, p) -> {
            List<PublishedTable> tables = new ArrayList<>(p.tables());
            List<String> schemas = new ArrayList<>(p.schemas());
            for (PublishedTable t : s.tables()) {
                tables.removeIf(x -> x.table().equals(t.table()));
                if (s.add()) tables.add(t);
            }
            for (String schema : s.schemas()) {
                schemas.remove(schema);
                if (s.add()) schemas.add(schema);
            }
            return new Publication(p.name(), p.allTables(), tables, schemas, p.publish(), p.viaRoot());
        });
    }

    static void setPublicationOptions(Edit e, ExternalSteps.SetPublicationOptions s) {
        e.publications.computeIfPresent(s.publication(), (k, p) -> new Publication(p.name(), p.allTables(), p.tables(), p.schemas(),
                s.publish(), s.viaRoot()));
    }

    /** CREATE EVENT TRIGGER makes it enabled (ENABLE, origin); a SetEventTriggerEnabled step follows for another state. */
    static void createEventTrigger(Edit e, ExternalSteps.CreateEventTrigger s) {
        EventTrigger t = s.trigger();
        e.eventTriggers.put(t.name(), new EventTrigger(t.name(), t.event(), t.tags(), t.function(), ExternalObjects.Enabled.ORIGIN));
    }

    static void setEventTriggerEnabled(Edit e, ExternalSteps.SetEventTriggerEnabled s) {
        e.eventTriggers.computeIfPresent(s.name(), (k, t) -> new EventTrigger(t.name(), t.event(), t.tags(), t.function(), s.enabled()));
    }

    static void drop(Edit e, ExternalSteps.DropExternal s) {
        switch (s.kind()) {
            case FOREIGN_TABLE -> e.foreignTables.remove(s.table());
            case PUBLICATION -> e.publications.remove(s.name());
            case EVENT_TRIGGER -> e.eventTriggers.remove(s.name());
        }
    }
}
