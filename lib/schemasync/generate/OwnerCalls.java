package schemasync.generate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import schemasync.catalog.Catalog;
import schemasync.catalog.OwnerTarget;
import schemasync.dsl.OwnerOf;
import schemasync.dsl.SchemaChanges;

/**
 * {@code ensureOwner} for every object owned by a role other than the one generate connects as, which is taken
 * to be the role that will apply the blocks (what it creates it owns, as pg_dump's ALTER ... OWNER TO lines
 * would otherwise restore). Written after the comments, once every object exists.
 */
final class OwnerCalls {
    private OwnerCalls() {
    }

    static String applyingRole(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT current_user")) {
            rs.next();
            return rs.getString(1);
        }
    }

    static void write(Generator g, Catalog catalog, String applyingRole) {
        List<OwnerTarget> targets = targets(catalog, applyingRole, false);
        if (targets.isEmpty()) return;
        g.startBlock("Owners", "Objects owned by a role other than " + applyingRole + ", the role that generated (and applies) these blocks");
        add(g, catalog, targets);
    }

    /**
     * The owners of event triggers, in the event triggers' own block (the last): they are created after the
     * Owners block, as pg_dump creates them last, so their owner cannot be declared before.
     */
    static void writeEventTriggers(Generator g, Catalog catalog, String applyingRole) {
        add(g, catalog, targets(catalog, applyingRole, true));
    }

    private static List<OwnerTarget> targets(Catalog catalog, String applyingRole, boolean eventTriggers) {
        List<OwnerTarget> targets = new ArrayList<>();
        if (applyingRole == null) return targets;
        catalog.owners().forEach((t, role) -> {
            if ((t.kind() == OwnerTarget.Kind.EVENT_TRIGGER) != eventTriggers) return;
            // public exists before any block runs, owned by pg_database_owner (15+) or the bootstrap superuser: always written.
            boolean preexisting = t.kind() == OwnerTarget.Kind.SCHEMA && t.name().name().equals(schemasync.catalog.QualifiedName.DEFAULT_SCHEMA);
            if (!role.equals(applyingRole) || preexisting) targets.add(t);
        });
        targets.sort(Comparator.comparing((OwnerTarget t) -> t.kind().ordinal()).thenComparing(OwnerTarget::toString));
        return targets;
    }

    private static void add(Generator g, Catalog catalog, List<OwnerTarget> targets) {
        for (OwnerTarget t : targets) {
            String object = t.kind() == OwnerTarget.Kind.SCHEMA || t.kind().databaseWide() ? t.name().name()
                    : g.dslName(t.name()) + (t.kind().signed() ? "(" + t.arguments() + ")" : t.kind().usingMethod() ? " USING " + t.method() : "");
            g.add(new OwnerCall(t.kind(), object, catalog.owners().get(t)));
        }
    }

    /** {@code db.ensureOwner(OwnerOf.TABLE, "orders", "app_owner");} */
    record OwnerCall(OwnerTarget.Kind kind, String object, String role) implements Call {
        public void render(JavaCode code) {
            code.importClass("schemasync.dsl.OwnerOf");
            code.line(0, "db.ensureOwner(OwnerOf." + OwnerOf.of(kind).name() + ", " + JavaCode.literal(object) + ", " + JavaCode.literal(role) + ");");
        }

        public void declare(SchemaChanges db) {
            db.ensureOwner(OwnerOf.of(kind), object, role);
        }
    }
}
