package schemasync.generate;

import schemasync.catalog.Catalog;
import schemasync.catalog.ExternalObjects;
import schemasync.catalog.QualifiedName;

/**
 * Where the generated blocks declare foreign servers, user mappings, foreign tables, publications and event
 * triggers, in the order PostgreSQL needs them (pg_dump's order): servers and mappings after the extensions that
 * install their wrappers; foreign tables after the types and tables (their columns may use the schema's types),
 * before the views that may read them; publications after every table they list; event triggers last, after the
 * functions they execute (pg_dump's place: created earlier, they would fire on the DDL of every later block).
 */
final class ExternalBlocks {
    private final Generator g;
    private final ExternalObjects externals;

    ExternalBlocks(Generator g, Catalog catalog) {
        this.g = g;
        this.externals = catalog.externals();
    }

    void servers() {
        if (externals.servers().isEmpty() && externals.userMappings().isEmpty()) return;
        g.startBlock("Foreign servers", "Foreign servers and user mappings (the wrapper comes from its extension)");
        g.addAll(ExternalCalls.serversAndMappings(externals, g));
    }

    void foreignTables() {
        if (externals.foreignTables().keySet().stream().allMatch(writtenEarly::contains)) return;
        g.startBlock("Foreign tables", "Foreign tables: columns and options, read through their server");
        externals.foreignTables().values().stream().filter(t -> g.schemas().contains(t.name().schema()) && !writtenEarly.contains(t.name()))
                .forEach(t -> g.add(new ExternalCalls.ForeignTableCall(g.dslName(t.name()), t)));
    }

    /** Foreign tables written among the tables ({@link #foreignTable}), not again in {@link #foreignTables}'s block. */
    private final java.util.Set<QualifiedName> writtenEarly = new java.util.HashSet<>();

    /**
     * A foreign table in a block of its own among the tables: a routine written there reads it in its standard SQL body,
     * which PostgreSQL parses when it creates the routine (the creation order places it, {@link CreationOrder#tables}).
     */
    void foreignTable(QualifiedName name) {
        ExternalObjects.ForeignTable t = externals.foreignTables().get(name);
        g.startBlock("Foreign table " + (name.schema().equals(QualifiedName.DEFAULT_SCHEMA) ? "" : name.schema() + " ") + name.name(),
                "Foreign table " + name + ", read by the functions that follow");
        g.add(new ExternalCalls.ForeignTableCall(g.dslName(name), t));
        writtenEarly.add(name);
    }

    void eventTriggers() {
        if (externals.eventTriggers().isEmpty()) return;
        g.startBlock("Event triggers", "Event triggers (database-wide; creating one needs a superuser)");
        externals.eventTriggers().values().forEach(e -> g.add(new ExternalCalls.EventTriggerCall(e, g.dslName(e.function()))));
    }

    void publications() {
        if (externals.publications().isEmpty()) return;
        g.startBlock("Publications", "Publications of the tables above (FOR ALL TABLES needs a superuser)");
        for (ExternalObjects.Publication p : externals.publications().values()) {
            g.add(new ExternalCalls.PublicationCall(p, p.tables().stream().map(t -> name(t.table())).toList()));
        }
    }

    private String name(QualifiedName table) {
        return g.dslName(table);
    }
}
