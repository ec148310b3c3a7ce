package schemasync.plan;

import schemasync.step.ExternalSteps;
import schemasync.step.Step;
import schemasync.dsl.ExternalDecl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import schemasync.SchemaSyncException;
import schemasync.catalog.ExternalDiffer;
import schemasync.catalog.ExternalObjects;
import schemasync.catalog.ExternalObjects.EventTrigger;
import schemasync.catalog.ExternalObjects.ForeignServer;
import schemasync.catalog.ExternalObjects.ForeignTable;
import schemasync.catalog.ExternalObjects.Publication;
import schemasync.catalog.ExternalObjects.PublishedTable;
import schemasync.catalog.ExternalObjects.UserMapping;
import schemasync.catalog.QualifiedName;
import schemasync.dsl.Declaration;
import schemasync.dsl.Origin;
import schemasync.dsl.DesiredState;
import schemasync.model.ObjectId;
import schemasync.model.Difference;
import schemasync.step.ExternalSteps.AlterOptions;
import schemasync.step.ExternalSteps.OptionsOf;
import schemasync.plan.PlanItem.Drift;
import schemasync.plan.PlanItem.Unchanged;
import schemasync.plan.Summary.Verb;

/**
 * Plans foreign servers, user mappings, foreign tables, publications and event triggers over the planner's working
 * copy, which the steps' effects change (a later block sees what an earlier one creates). Missing: created. Options differ: {@code ALTER ... OPTIONS}.
 * A foreign table whose server or columns differ, a publication that changes between FOR ALL TABLES and a list,
 * and an event trigger whose event, tags or function differ are dropped and created again: none of them holds data
 * (a view on the foreign table stops the drop with PostgreSQL's own error, and nothing is kept). A server's wrapper,
 * type or version and a user mapping's password are reported, never changed (DROP SERVER would take its tables).
 */
final class ExternalPlanner {
    private final PlanContext context;
    /** The working copy's foreign servers, user mappings, ... : read at each use, as the recorded steps leave them. */
    private ExternalEffects.State have() {
        return context.state().externals();
    }

    ExternalPlanner(PlanContext context) {
        this.context = context;
    }

    static boolean handles(Declaration d) {
        return d instanceof ExternalDecl.ForeignServerDecl || d instanceof ExternalDecl.UserMappingDecl
                || d instanceof ExternalDecl.ForeignTableDecl || d instanceof ExternalDecl.PublicationDecl
                || d instanceof ExternalDecl.EventTriggerDecl;
    }

    Decisions plan(Declaration d) {
        Decisions out = new Decisions();
        if (d instanceof ExternalDecl.ForeignServerDecl s) out.addAll(server(s.server(), s.origin()));
        else if (d instanceof ExternalDecl.UserMappingDecl m) out.addAll(userMapping(m));
        else if (d instanceof ExternalDecl.ForeignTableDecl t) out.addAll(foreignTable(t.table(), t.origin()));
        else if (d instanceof ExternalDecl.PublicationDecl p) out.addAll(publication(p.publication(), p.origin()));
        else if (d instanceof ExternalDecl.EventTriggerDecl e) out.addAll(eventTrigger(e.trigger(), e.origin()));
        return out;
    }

    private Decisions server(ForeignServer want, Origin origin) {
        Decisions out = new Decisions();
        ForeignServer have = have().servers.get(want.name());
        if (have == null) {
            out.change(origin, "server", want.name(), Summary.will(Verb.CREATE), null, new ExternalSteps.CreateServer(want));
        } else if (!want.wrapper().equals(have.wrapper()) || !java.util.Objects.equals(want.type(), have.type())
                || !java.util.Objects.equals(want.version(), have.version())) {
            out.add(new Drift(origin, "server", want.name(), describe(ExternalDiffer.server(want, have))
                    + ": not changed (DROP SERVER would take its foreign tables and user mappings; ALTER SERVER ... VERSION,"
                    + " or a new server, is yours to run)", null));
            return out;
        } else if (!want.options().equals(have.options())) {
            out.change(origin, "server", want.name(), Summary.will(Verb.SET), null,
                    alterOptions(OptionsOf.SERVER, want.name(), null, null, want.options(), have.options()));
        } else {
            out.add(new Unchanged(origin, "server", want.name(), "exists, skipped"));
        }
        return out;
    }

    private Decisions userMapping(ExternalDecl.UserMappingDecl d) {
        Decisions out = new Decisions();
        UserMapping want = d.mapping();
        UserMapping have = have().userMappings.get(want.key());
        requireServer(want.server(), "user mapping " + want.key(), d.origin());
        if (have == null) {
            out.change(d.origin(), "user mapping", want.key(), Summary.will(Verb.CREATE), null,
                    new ExternalSteps.CreateUserMapping(want, d.passwordVariable()));
            return out;
        }
        boolean changed = false;
        if (!want.options().equals(have.options())) {
            out.change(d.origin(), "user mapping", want.key(), Summary.will(Verb.SET), null,
                    alterOptions(OptionsOf.USER_MAPPING, want.server(), want.role(), null, want.options(), have.options()));
            changed = true;
        }
        if (want.hasPassword() != have.hasPassword()) {
            out.add(new Drift(d.origin(), "user mapping", want.key(), (want.hasPassword()
                    ? "declared with a password (passwordFromEnv), the database has none"
                    : "the database has a password, the declaration none (passwordFromEnv)")
                    + ": not changed (the tool never reads or compares a password; ALTER USER MAPPING ... OPTIONS"
                    + " (ADD | DROP password) is yours to run)", null));
            changed = true;
        }
        if (!changed) out.add(new Unchanged(d.origin(), "user mapping", want.key(), "exists, skipped"));
        return out;
    }

    private Decisions foreignTable(ForeignTable want, Origin origin) {
        Decisions out = new Decisions();
        if (!context.state().schemas().contains(want.name().schema())) {
            throw SchemaSyncException.badInput(origin + ": foreign table " + want.name() + " is in schema " + want.name().schema()
                    + ", which does not exist: declare ensureSchema(\"" + want.name().schema() + "\") in this or an earlier block");
        }
        requireServer(want.server(), "foreign table " + want.name(), origin);
        ForeignTable have = have().foreignTables.get(want.name());
        String object = want.name().toString();
        if (have == null) {
            out.change(origin, "foreign table", object, Summary.will(Verb.CREATE), null, new ExternalSteps.CreateForeignTable(want));
        } else if (!want.server().equals(have.server()) || !want.columns().equals(have.columns())) {
            // A foreign table stores no rows: re-creating it loses nothing but its grants and comments, which their own
            // declarations restore in later blocks.
            out.change(origin, "foreign table", object, Summary.text("re-create (" + describe(ExternalDiffer.foreignTable(want, have))
                    + ")"), null, new ExternalSteps.DropExternal(ExternalSteps.Droppable.FOREIGN_TABLE, null, want.name()),
                    new ExternalSteps.CreateForeignTable(want));
        } else if (!want.options().equals(have.options())) {
            out.change(origin, "foreign table", object, Summary.will(Verb.SET), null,
                    alterOptions(OptionsOf.FOREIGN_TABLE, null, null, want.name(), want.options(), have.options()));
        } else {
            out.add(new Unchanged(origin, "foreign table", object, "exists, skipped"));
        }
        return out;
    }

    private Decisions publication(Publication want, Origin origin) {
        Decisions out = new Decisions();
        Publication have = have().publications.get(want.name());
        if (have == null) {
            out.change(origin, "publication", want.name(), Summary.will(Verb.CREATE), null, new ExternalSteps.CreatePublication(want));
            return out;
        }
        if (want.allTables() != have.allTables()) {
            out.change(origin, "publication", want.name(), Summary.text("re-create (" + (want.allTables() ? "FOR ALL TABLES"
                    : "a list of tables") + " instead of " + (have.allTables() ? "FOR ALL TABLES" : "a list of tables") + ")"), null,
                    new ExternalSteps.DropExternal(ExternalSteps.Droppable.PUBLICATION, want.name(), null),
                    new ExternalSteps.CreatePublication(want));
            return out;
        }
        List<Step> steps = new ArrayList<>();
        // A table whose column list or row filter changed is dropped from the publication and added again, in
        // the same transaction: subscribers never see it unpublished.
        List<PublishedTable> drop = have.tables().stream().filter(t -> !want.tables().contains(t)).toList();
        List<PublishedTable> add = want.tables().stream().filter(t -> !have.tables().contains(t)).toList();
        List<String> dropSchemas = have.schemas().stream().filter(s -> !want.schemas().contains(s)).toList();
        List<String> addSchemas = want.schemas().stream().filter(s -> !have.schemas().contains(s)).toList();
        if (!drop.isEmpty() || !dropSchemas.isEmpty()) steps.add(new ExternalSteps.AlterPublicationTables(want.name(), false, drop, dropSchemas));
        if (!add.isEmpty() || !addSchemas.isEmpty()) steps.add(new ExternalSteps.AlterPublicationTables(want.name(), true, add, addSchemas));
        if (!want.publish().equals(have.publish()) || want.viaRoot() != have.viaRoot()) {
            steps.add(new ExternalSteps.SetPublicationOptions(want.name(), want.publish(), want.viaRoot()));
        }
        if (steps.isEmpty()) {
            out.add(new Unchanged(origin, "publication", want.name(), "exists, skipped"));
        } else {
            out.change(origin, "publication", want.name(), Summary.text("alter (" + describe(ExternalDiffer.publication(want, have))
                    + ")"), null, steps.toArray(Step[]::new));
        }
        return out;
    }

    private Decisions eventTrigger(EventTrigger want, Origin origin) {
        Decisions out = new Decisions();
        EventTrigger have = have().eventTriggers.get(want.name());
        List<Step> steps = new ArrayList<>();
        boolean create = have == null || !want.event().equals(have.event()) || !want.tags().equals(have.tags())
                || !want.function().equals(have.function());
        if (create && have != null) steps.add(new ExternalSteps.DropExternal(ExternalSteps.Droppable.EVENT_TRIGGER, want.name(), null));
        if (create) steps.add(new ExternalSteps.CreateEventTrigger(want));
        ExternalObjects.Enabled now = create ? ExternalObjects.Enabled.ORIGIN : have.enabled();
        if (want.enabled() != now) steps.add(new ExternalSteps.SetEventTriggerEnabled(want.name(), want.enabled()));
        if (steps.isEmpty()) {
            out.add(new Unchanged(origin, "event trigger", want.name(), "exists, skipped"));
        } else {
            Summary summary = have == null ? Summary.will(Verb.CREATE) : create
                    ? Summary.text("re-create (" + describe(ExternalDiffer.eventTrigger(want, have)) + ")") : Summary.will(Verb.SET);
            out.change(origin, "event trigger", want.name(), summary, null, steps.toArray(Step[]::new));
        }
        return out;
    }

    private void requireServer(String server, String what, Origin origin) {
        if (!have().servers.containsKey(server)) {
            throw SchemaSyncException.badInput(origin + ": " + what + " uses server " + server + ", which does not exist in the"
                    + " database and no earlier block declares it: declare ensureForeignServer(\"" + server + "\", wrapper) first");
        }
    }

    /** {@code ALTER ... OPTIONS (ADD | SET | DROP ...)} from the declared and existing {@code name=value} lists. */
    private static AlterOptions alterOptions(OptionsOf of, String server, String role, QualifiedName table, List<String> want,
                                             List<String> have) {
        Map<String, String> wanted = byName(want);
        Map<String, String> had = byName(have);
        List<String> add = new ArrayList<>();
        List<String> set = new ArrayList<>();
        List<String> drop = new ArrayList<>();
        wanted.forEach((k, v) -> {
            if (!had.containsKey(k)) add.add(k + "=" + v);
            else if (!had.get(k).equals(v)) set.add(k + "=" + v);
        });
        had.keySet().stream().filter(k -> !wanted.containsKey(k)).forEach(drop::add);
        return new AlterOptions(of, server, role, table, add, set, drop);
    }

    private static Map<String, String> byName(List<String> options) {
        Map<String, String> m = new java.util.TreeMap<>();
        for (String o : options) m.put(o.substring(0, o.indexOf('=')), o.substring(o.indexOf('=') + 1));
        return m;
    }

    private static String describe(List<Difference> differences) {
        return String.join("; ", differences.stream().map(d -> d.field() + ": declared " + d.wanted() + ", database has "
                + d.actual()).toList());
    }

    /**
     * Foreign servers, user mappings, foreign tables, publications and event triggers no block declares: reported
     * like every other kind, never dropped. Servers, mappings, publications and event triggers are database-wide, so
     * an ignore pattern matches their bare name (a mapping's {@code role@server}).
     */
    Decisions reportUndeclared() {
        Decisions out = new Decisions();
        ExternalObjects e = context.before().externals();
        for (ForeignServer s : e.servers().values()) {
            out.addAll(undeclared("server", s.name(), DesiredState.foreignServer(s.name()), new QualifiedName("", s.name()), "foreign server of wrapper " + s.wrapper()));
        }
        for (UserMapping m : e.userMappings().values()) {
            out.addAll(undeclared("user mapping", m.key(), DesiredState.userMapping(m.key()), new QualifiedName("", m.key()), "user mapping for " + m.role() + " on server " + m.server()));
        }
        for (ForeignTable t : e.foreignTables().values()) {
            out.addAll(undeclared("foreign table", t.name().toString(), DesiredState.foreignTable(t.name()), t.name(), "foreign table on server " + t.server()));
        }
        for (Publication p : e.publications().values()) {
            out.addAll(undeclared("publication", p.name(), DesiredState.publication(p.name()), new QualifiedName("", p.name()), p.allTables() ? "publication FOR ALL TABLES"
                    : "publication of " + p.tables().size() + " table(s) and " + p.schemas().size() + " schema(s)"));
        }
        for (EventTrigger t : e.eventTriggers().values()) {
            out.addAll(undeclared("event trigger", t.name(), DesiredState.eventTrigger(t.name()), new QualifiedName("", t.name()), "event trigger ON " + t.event()
                    + " EXECUTE FUNCTION " + t.function()));
        }
        return out;
    }

    /** The fold answers whether a block declares it (by ObjectId), as for every other kind. */
    private Decisions undeclared(String kind, String object, ObjectId id, QualifiedName name, String what) {
        Decisions out = new Decisions();
        if (context.desired().declares(id) || context.declared().isIgnored(name)) return out;
        out.add(new Drift(null, kind, object, "undeclared " + what + ": no block declares it; left alone", null));
        return out;
    }
}
