package schemasync.generate;

import java.util.List;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.SqlText;
import schemasync.dsl.SchemaChanges;
import schemasync.dsl.SecurityLabelOn;
import schemasync.model.Identifiers;

/**
 * Security labels (pg_seclabel, {@code SECURITY LABEL FOR provider ON kind object IS 'label'}) on the objects of the
 * managed schemas and on the schemas themselves. A label on a kind the DSL names ({@code dsl.SecurityLabelOn}: tables,
 * columns, views, sequences, schemas, types, ...) is written as {@code ensureSecurityLabel}, which the catalog reads and
 * the plans and the round trip compare; one on a routine, language or large object (named with argument types
 * PostgreSQL re-spells, or not by name) stays a guarded custom step named after it, listed among the custom steps to
 * review (the catalog reads it all the same, so the round trip compares it). Either way in a block of their own after the owners. PostgreSQL accepts a label
 * only for a provider a loaded module registers (sepgsql, or an extension's own): the target must load the same
 * provider (shared_preload_libraries) or the apply names PostgreSQL's error and changes nothing. Labels on roles,
 * databases and tablespaces (pg_shseclabel: cluster objects, no schema's) are not read, as no schema holds them.
 */
final class SecurityLabels {
    private SecurityLabels() {
    }

    /** One label: {@code objectType} and {@code object} as pg_seclabels prints them ({@code column}, {@code shop.orders.note}). */
    record Label(String objectType, String object, String provider, String label) {
        /** The statement pg_dump writes for it; the object name is pg_seclabels' own, already quoted where needed. */
        String sql() {
            return "SECURITY LABEL FOR " + SqlText.quoteIdent(provider) + " ON " + objectType.toUpperCase(java.util.Locale.ROOT) + " "
                    + object + " IS " + SqlText.literal(label);
        }

        /** True while the object does not carry this label from this provider: the custom step is needed. */
        String guard() {
            return "SELECT NOT EXISTS (SELECT 1 FROM pg_catalog.pg_seclabels WHERE objtype = " + SqlText.literal(objectType)
                    + " AND objname = " + SqlText.literal(object) + " AND provider = " + SqlText.literal(provider)
                    + " AND label = " + SqlText.literal(label) + ")";
        }
    }

    /**
     * The kind and the object as a block names them ({@code shop.orders.note}: the quotes pg_seclabels prints undone), or
     * null when the DSL cannot name it: a routine's kind, or a name holding a dot (a block's name splits at the first one).
     */
    static SecurityLabelCall declared(Label l, java.util.function.Function<QualifiedName, String> dslName) {
        SecurityLabelOn on = java.util.Arrays.stream(SecurityLabelOn.values()).filter(k -> k.objectType().equals(l.objectType()))
                .findFirst().orElse(null);
        if (on == null) return null;
        List<String> parts = Identifiers.splitQualified(l.object());
        if (parts.stream().anyMatch(p -> p.contains(".") || p.isEmpty())) return null;
        int expected = on == SecurityLabelOn.SCHEMA || on.databaseWide() ? 1 : on == SecurityLabelOn.COLUMN ? 3 : 2;
        if (parts.size() != expected) return null;
        String object = expected == 1 ? parts.get(0) : dslName.apply(new QualifiedName(parts.get(0), parts.get(1)))
                + (expected == 3 ? "." + parts.get(2) : "");
        return new SecurityLabelCall(l.provider(), on, object, l.label());
    }

    /** An event trigger's label goes in the event triggers' block, the last (the trigger does not exist before it). */
    private static boolean onEventTrigger(Label l) {
        return l.objectType().equals("event trigger");
    }

    static void writeEventTriggers(Generator g, List<Label> labels) {
        labels.stream().filter(SecurityLabels::onEventTrigger).forEach(l -> add(g, l));
    }

    static void write(Generator g, List<Label> all) {
        List<Label> labels = all.stream().filter(l -> !onEventTrigger(l)).toList();
        if (labels.isEmpty()) return;
        g.startBlock("Security labels", "Security labels (the server must load their provider), once every object and its owner"
                + " exist; a routine's is the statement pg_dump writes, applied while the routine does not carry it");
        for (Label l : labels) add(g, l);
    }

    /** The verb when the DSL names the object, else the guarded custom step pg_dump's statement makes. */
    private static void add(Generator g, Label l) {
        SecurityLabelCall call = declared(l, g::dslName);
        if (call != null) {
            g.add(call);
            return;
        }
        g.add(g.custom("security label " + l.provider() + " on " + l.objectType() + " " + l.object(),
                "security labels need a label provider loaded (sepgsql): the target must load " + l.provider(), l.guard(), l.sql()));
    }

    /** {@code db.ensureSecurityLabel("selinux", SecurityLabelOn.COLUMN, "shop.orders.note", "system_u:...");} */
    record SecurityLabelCall(String provider, SecurityLabelOn on, String object, String label) implements Call {
        public void render(JavaCode code) {
            code.importClass("schemasync.dsl.SecurityLabelOn");
            code.line(0, "db.ensureSecurityLabel(" + JavaCode.literal(provider) + ", SecurityLabelOn." + on.name() + ", "
                    + JavaCode.literal(object) + ", " + JavaCode.literal(label) + ");");
        }

        public void declare(SchemaChanges db) {
            db.ensureSecurityLabel(provider, on, object, label);
        }
    }
}
