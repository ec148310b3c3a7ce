package schemasync.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import schemasync.catalog.Catalog;
import schemasync.catalog.DefaultTarget;
import schemasync.catalog.GrantTarget;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Table;

/** The generated blocks of privileges: per schema its tables' grants, then object and default privileges. */
final class GrantBlocks {
    private static final List<String> PRIVILEGE_ORDER =
            List.of("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER", "MAINTAIN");

    private final Generator g;
    private final Catalog catalog;
    /** Partitions: their grants are ensureGrant like any table's (ensurePartition declares them); a custom step only for another table. */
    private final Set<QualifiedName> customTables;
    private final Function<String, List<Table>> sortedTables;

    GrantBlocks(Generator g, Catalog catalog, Set<QualifiedName> customTables, Function<String, List<Table>> sortedTables) {
        this.g = g;
        this.catalog = catalog;
        this.customTables = customTables;
        this.sortedTables = sortedTables;
    }

    void grants(String schema) {
        g.startBlock(schema + " grants", "Privileges on the tables of schema " + schema);
        for (Table t : sortedTables.apply(schema)) {
            Map<String, List<String>> byRole = new TreeMap<>();
            for (schemasync.catalog.Grant gr : t.grants()) byRole.computeIfAbsent(gr.role(), k -> new ArrayList<>()).add(gr.privilege());
            for (Map.Entry<String, List<String>> e : byRole.entrySet()) {
                List<String> privileges = e.getValue().stream().sorted(Comparator.comparingInt(PRIVILEGE_ORDER::indexOf)).toList();
                if (customTables.contains(t.name()) && !catalog.partitioning().containsKey(t.name())) {
                    String sql = "GRANT " + String.join(", ", privileges) + " ON TABLE " + CustomSql.q(t.name()) + " TO "
                            + (e.getKey().equals("public") ? "PUBLIC" : CustomSql.q(e.getKey()));
                    g.add(g.custom("grant on " + t.name() + " to " + e.getKey(), "on a table a custom step creates",
                            "SELECT NOT pg_catalog.has_table_privilege(" + CustomSql.lit(e.getKey().equals("public") ? "public" : e.getKey())
                                    + ", " + CustomSql.lit(CustomSql.q(t.name())) + ", " + CustomSql.lit(privileges.get(0)) + ")", sql));
                } else {
                    g.add(new AccessCalls.GrantCall(g.dslName(t.name()), e.getKey(), privileges));
                }
            }
        }
    }

    /**
     * Privileges on schemas, sequences, columns and routines of the managed schemas, and PUBLIC's
     * default EXECUTE where it was revoked (the catalog lists the implicit one, so its absence is a
     * revocation); then default privileges.
     */
    void objectGrants() {
        g.startBlock("Object privileges", "Privileges on schemas, views, sequences, columns and routines, and default privileges");
        List<GrantTarget> targets = new ArrayList<>(catalog.grants().keySet());
        targets.sort(Comparator.comparing((GrantTarget t) -> t.kind().ordinal()).thenComparing(GrantTarget::toString));
        for (GrantTarget t : targets) {
            if (t.kind() == GrantTarget.Kind.TABLE && !catalog.views().containsKey(t.qualifiedName())
                    && !catalog.materializedViews().containsKey(t.qualifiedName())
                    && !catalog.externals().foreignTables().containsKey(t.qualifiedName())) continue; // with its table
            if (t.kind() == GrantTarget.Kind.COLUMN && customTables.contains(t.qualifiedName())
                    && !catalog.partitioning().containsKey(t.qualifiedName())) { // a partition's: ensurePartition declares it
                g.notCarried("column privileges on " + t.object() + ": on a table a custom step creates");
                continue;
            }
            Map<String, List<String>> byRole = new TreeMap<>();
            for (schemasync.catalog.Grant gr : catalog.grants().get(t)) {
                if (t.kind() == GrantTarget.Kind.FUNCTION && gr.role().equals("public") && gr.privilege().equals("EXECUTE")) continue;
                byRole.computeIfAbsent(gr.role(), k -> new ArrayList<>()).add(gr.privilege());
            }
            byRole.forEach((role, privileges) -> {
                List<String> sorted = privileges.stream().sorted(Comparator.comparingInt(t.kind().privileges::indexOf)).toList();
                g.add(t.kind() == GrantTarget.Kind.TABLE ? new AccessCalls.GrantCall(grantObject(t), role, sorted) // a view
                        : new AccessCalls.ObjectGrantCall(t.kind().name(), grantObject(t), t.kind() == GrantTarget.Kind.COLUMN
                                ? t.detail() : null, role, sorted, false));
            });
        }
        List<Catalog.Function> routines = new ArrayList<>(catalog.functions().values());
        routines.addAll(catalog.aggregates().values());
        routines.sort(Comparator.comparing(Catalog.Function::signature));
        for (Catalog.Function f : routines) {
            GrantTarget t = GrantTarget.function(f.name(), f.arguments());
            if (catalog.grantsOn(t).contains(new schemasync.catalog.Grant("public", "EXECUTE"))) continue;
            g.add(new AccessCalls.ObjectGrantCall("FUNCTION", grantObject(t), null, "public", List.of("EXECUTE"), true));
        }
        List<DefaultTarget> defaults = new ArrayList<>(catalog.defaultPrivileges().keySet());
        defaults.sort(Comparator.comparing(DefaultTarget::toString));
        for (DefaultTarget d : defaults) {
            Set<schemasync.catalog.Grant> have = catalog.defaultPrivileges().get(d);
            Map<String, List<String>> byRole = new TreeMap<>();
            for (schemasync.catalog.Grant gr : have) {
                if (!d.baseline().contains(gr)) byRole.computeIfAbsent(gr.role(), k -> new ArrayList<>()).add(gr.privilege());
            }
            List<String> order = DefaultTarget.PRIVILEGES.getOrDefault(d.objects(), List.of());
            byRole.forEach((role, privileges) -> g.add(new AccessCalls.DefaultPrivilegesCall(d.objects(), role,
                    privileges.stream().sorted(Comparator.comparingInt(order::indexOf)).toList(), false, d.forRole(), d.schema())));
            for (schemasync.catalog.Grant base : d.baseline()) {
                if (!have.contains(base)) {
                    g.add(new AccessCalls.DefaultPrivilegesCall(d.objects(), base.role(), List.of(base.privilege()), true, d.forRole(), d.schema()));
                }
            }
        }
    }

    private String grantObject(GrantTarget t) {
        return switch (t.kind()) {
            case SCHEMA -> t.schema();
            case FUNCTION -> g.dslName(t.qualifiedName()) + "(" + t.detail() + ")";
            default -> g.dslName(t.qualifiedName());
        };
    }
}
