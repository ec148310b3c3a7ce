package schemasync.plan;

import schemasync.step.Step;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import schemasync.SchemaSyncException;
import schemasync.catalog.DefaultTarget;
import schemasync.catalog.Differ;
import schemasync.catalog.Grant;
import schemasync.catalog.GrantTarget;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Table;
import schemasync.dsl.AccessDecl.DefaultPrivilegesDecl;
import schemasync.dsl.AccessDecl.GrantDecl;
import schemasync.plan.PlanItem.Drift;
import schemasync.plan.PlanItem.Unchanged;

/**
 * Grants on tables, views, columns, sequences, schemas and routines, and default privileges: one rule for
 * all. Declared privileges the role lacks are granted; privileges it holds beyond the declared ones
 * are reported, never revoked; {@code ensureNo...} declarations revoke what is held. Table privileges
 * live on the working copy's tables (so a rename carries them), the others in this planner's copy of
 * the catalog's grants.
 */
final class GrantPlanner {
    private final PlanContext context;

    GrantPlanner(PlanContext context) {
        this.context = context;
    }

    Decisions plan(GrantDecl g) {
        Decisions out = new Decisions();
        GrantTarget target = resolve(g);
        Set<Grant> held = held(target);
        List<String> change = toChange(g.role(), g.privileges(), held, g.revoke());
        String object = target.object() + (g.revoke() ? " from " : " to ") + g.role();
        String kind = kind(target);
        if (change.isEmpty()) {
            out.add(new Unchanged(g.origin(), kind, object, String.join(", ", g.privileges())
                    + (g.revoke() ? " not held, skipped" : " held, skipped")));
            return out;
        }
        // What the object held is not always in the working copy: a table, schema or routine this run creates
        // starts with its creator's default privileges (held() works them out), which the step's effect then changes.
        out.change(g.origin(), kind, object, Summary.text((g.revoke() ? "will revoke " : "will grant ") + String.join(", ", change)), null,
                Spelled.as(new Spelled.HeldGrants(held)), new Step.GrantPrivileges(target, g.role(), change, g.revoke()));
        return out;
    }

    Decisions plan(DefaultPrivilegesDecl d) {
        Decisions out = new Decisions();
        boolean explicitRole = d.forRole() != null;
        DefaultTarget target = new DefaultTarget(explicitRole ? d.forRole() : context.shapes().access().currentUser(), d.schema(),
                d.objects());
        if (d.schema() != null && !context.state().schemas().contains(d.schema())) {
            throw SchemaSyncException.badInput(d.origin() + ": default privileges in schema " + d.schema()
                    + ", which does not exist in the database and no earlier block declares it");
        }
        // No global entry: the role's new objects get acldefault, e.g. EXECUTE for PUBLIC on functions.
        Set<Grant> held = context.state().defaultPrivileges().getOrDefault(target, target.baseline());
        List<String> change = toChange(d.role(), d.privileges(), held, d.revoke());
        String object = target + (d.revoke() ? " from " : " to ") + d.role();
        if (change.isEmpty()) {
            out.add(new Unchanged(d.origin(), "default privileges", object, String.join(", ", d.privileges())
                    + (d.revoke() ? " not given, skipped" : " given, skipped")));
            return out;
        }
        // No entry means acldefault's baseline, which the catalog does not list: the step's effect starts from it.
        out.change(d.origin(), "default privileges", object, Summary.text((d.revoke() ? "will revoke " : "will grant ")
                + String.join(", ", change)), null, Spelled.as(new Spelled.HeldGrants(held)),
                new Step.AlterDefaultPrivileges(target, explicitRole, d.role(), change, d.revoke()));
        return out;
    }

    /**
     * The declared privileges the role lacks (a grant) or holds (a revocation), by the one grant differ verify
     * uses too: wanted is what the declaration says the role should hold of these privileges, actual what it holds of them.
     */
    private static List<String> toChange(String role, List<String> privileges, Set<Grant> held, boolean revoke) {
        Set<Grant> named = new HashSet<>();
        privileges.forEach(p -> named.add(new Grant(role, p)));
        Set<Grant> holds = new HashSet<>(named);
        holds.retainAll(held);
        Set<String> differ = Differ.fields(Differ.grants(revoke ? Set.of() : named, holds));
        return privileges.stream().filter(p -> differ.contains("grant " + role + " " + p)).toList();
    }

    /** The target under its current name, checked to exist (tables, columns, schemas, routines). */
    private GrantTarget resolve(GrantDecl g) {
        GrantTarget t = g.target();
        String what = g.origin() + ": " + (g.revoke() ? "revocation" : "grant") + " on " + t;
        switch (t.kind()) {
            case TABLE, COLUMN -> {
                QualifiedName actual = context.renamesTable(t.qualifiedName());
                Table table = context.state().tables().get(actual);
                // GRANT ... ON TABLE takes a view too; PostgreSQL checks a view's column.
                if (table == null && context.state().views().containsKey(t.qualifiedName())) return t;
                // And a materialized view or a foreign table (GRANT ... ON TABLE; a column grant is checked by PostgreSQL).
                if (table == null && (context.state().materializedViews().containsKey(t.qualifiedName())
                        || context.state().externals().foreignTables.containsKey(t.qualifiedName()))) return t;
                if (table == null) throw missing(what, "table " + t.qualifiedName());
                if (t.kind() == GrantTarget.Kind.COLUMN && table.column(t.detail()).isEmpty()) {
                    throw missing(what, "column " + t.object());
                }
                return new GrantTarget(t.kind(), actual.schema(), actual.name(), t.detail());
            }
            case SCHEMA -> {
                if (!context.state().schemas().contains(t.schema())) throw missing(what, "schema " + t.schema());
                return t;
            }
            case FUNCTION -> {
                // Resolved by PostgreSQL, or written exactly as the catalog keys it (argument modes and names
                // included, e.g. "p(IN a integer)" or an ordered-set aggregate's "ORDER BY"), as generate writes it.
                String key = context.shapes().access().routineKeys().get(t.object());
                if (key == null && (context.state().functions().containsKey(t.object()) || context.state().aggregates().containsKey(t.object()))) {
                    key = t.object();
                }
                if (key == null || !context.state().functions().containsKey(key) && !context.state().aggregates().containsKey(key)) {
                    throw missing(what, "routine " + t.object());
                }
                return GrantTarget.routine(t.qualifiedName(), key);
            }
            default -> {
                return t; // a sequence may come from a serial column or a later kind of declaration: PostgreSQL checks it
            }
        }
    }

    /** "grant" for a table (as before other kinds existed), "column grant", "sequence grant", ... otherwise. */
    private static String kind(GrantTarget target) {
        return target.kind() == GrantTarget.Kind.TABLE ? "grant" : target.kind().word() + " grant";
    }

    private static SchemaSyncException missing(String what, String object) {
        return SchemaSyncException.badInput(what + ": " + object + " does not exist in the database and no earlier block declares it");
    }

    private Set<Grant> held(GrantTarget target) {
        if (context.grantHistory().created(target) && !context.grantHistory().granted(target)) return fromDefaults(target);
        // Table privileges live on the working copy's table; a view's, like the other kinds', in the grants map.
        if (target.kind() == GrantTarget.Kind.TABLE && context.state().tables().containsKey(target.qualifiedName())) {
            return context.state().tables().get(target.qualifiedName()).grants();
        }
        return context.state().grants().getOrDefault(target, Set.of());
    }

    /**
     * What PostgreSQL gives a table, schema or routine this run creates: the creating role's default
     * privileges (its global entry, else acldefault, e.g. EXECUTE for PUBLIC on routines, plus its entry
     * for the object's schema), the owner's own left out. Without this a new function's PUBLIC EXECUTE
     * would be invisible, and revoking it would take two applies.
     */
    private Set<Grant> fromDefaults(GrantTarget target) {
        String objects = switch (target.kind()) {
            case TABLE -> "TABLES";
            case SCHEMA -> "SCHEMAS";
            default -> "FUNCTIONS";
        };
        String me = context.shapes().access().currentUser();
        DefaultTarget global = new DefaultTarget(me, null, objects);
        Set<Grant> acl = new HashSet<>(context.state().defaultPrivileges().getOrDefault(global, global.baseline()));
        if (target.kind() != GrantTarget.Kind.SCHEMA) {
            acl.addAll(context.state().defaultPrivileges().getOrDefault(new DefaultTarget(me, target.schema(), objects), Set.of()));
        }
        acl.removeIf(g -> g.role().equals(me));
        return acl;
    }

    /** Table and column privileges on a table every column of which a block declares. */
    Decisions reportUndeclared(Table table) {
        Decisions out = new Decisions();
        out.addAll(report(GrantTarget.table(table.name()), table.grants()));
        for (var e : context.before().grants().entrySet()) {
            GrantTarget t = e.getKey();
            if (t.kind() == GrantTarget.Kind.COLUMN && t.qualifiedName().equals(table.name())) out.addAll(report(t, e.getValue()));
        }
        return out;
    }

    /** Privileges on sequences, schemas and routines some block grants on, and default privileges no block declares. */
    Decisions reportUndeclared() {
        Decisions out = new Decisions();
        List<GrantTarget> targets = new ArrayList<>(context.before().grants().keySet());
        targets.sort(Comparator.comparing(GrantTarget::toString));
        for (GrantTarget t : targets) {
            if (t.kind() != GrantTarget.Kind.COLUMN && context.desired().grantsOn(t)) out.addAll(report(t, context.before().grants().get(t)));
        }
        for (var e : context.before().defaultPrivileges().entrySet()) {
            DefaultTarget t = e.getKey();
            for (Grant g : e.getValue()) { // sorted: the catalog keeps grants in role, privilege order
                if (context.desired().declaresDefaultGrant(t, g.role(), g.privilege()) || t.baseline().contains(g)) continue;
                out.add(new Drift(null, "default privileges", t + " to " + g.role(), g.privilege()
                        + " is given by default but no block declares it: left alone (never revoked implicitly)", null));
            }
        }
        return out;
    }

    private Decisions report(GrantTarget target, Set<Grant> held) {
        Decisions out = new Decisions();
        for (Grant g : held) { // sorted: the catalog keeps grants in role, privilege order
            if (context.desired().declaresGrant(target, g.role(), g.privilege())) continue;
            out.add(new Drift(null, kind(target), target.object() + " to " + g.role(), g.privilege()
                    + " is granted but no block declares it: left alone (never revoked implicitly)", null));
        }
        return out;
    }
}
