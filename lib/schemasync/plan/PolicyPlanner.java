package schemasync.plan;

import schemasync.step.Step;
import schemasync.catalog.Differ;

import schemasync.plan.Summary.Verb;

import schemasync.SchemaSyncException;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Table;
import schemasync.catalog.Table.RowSecurity;
import schemasync.dsl.AccessDecl.PolicyDecl;
import schemasync.dsl.AccessDecl.RowSecurityDecl;
import schemasync.plan.PlanItem.Drift;
import schemasync.plan.PlanItem.Unchanged;

/**
 * Row-level security: enabled (or forced) when declared, never relaxed implicitly; policies created
 * when missing, altered (roles, USING, WITH CHECK) when PostgreSQL allows it, reported when their
 * command or kind differ (that needs a drop).
 */
final class PolicyPlanner {
    private final PlanContext context;

    PolicyPlanner(PlanContext context) {
        this.context = context;
    }

    Decisions rowSecurity(RowSecurityDecl r) {
        Decisions out = new Decisions();
        QualifiedName actual = context.renamesTable(r.table());
        Table table = existing(actual, r.origin() + ": ensureRowLevelSecurity on table " + r.table());
        RowSecurity want = r.force() ? RowSecurity.FORCED : RowSecurity.ENABLED;
        String object = actual + " row level security";
        if (table.rowSecurity() == want) {
            out.add(new Unchanged(r.origin(), "table", object, want.name().toLowerCase(java.util.Locale.ROOT) + ", skipped"));
        } else if (table.rowSecurity() == RowSecurity.FORCED) {
            out.add(new Drift(r.origin(), "table", object, "database forces it (also on the owner), the declaration"
                    + " does not: left alone, security is never relaxed implicitly", null));
        } else {
            Step enable = new Step.SetRowSecurity(actual, r.force());
            out.change(r.origin(), "table", object, Summary.text("will " + (r.force() ? "enable and force" : "enable")),
                    context.before().tables().get(actual), enable);
        }
        return out;
    }

    Decisions policy(PolicyDecl p) {
        Decisions out = new Decisions();
        QualifiedName actual = context.renamesTable(p.table());
        Table table = existing(actual, p.origin() + ": policy " + p.name() + " is on table " + p.table());
        Table.Policy want = context.shapes().policy(p.table(), p.name());
        String object = actual + "." + p.name();
        var have = table.policy(p.name());
        if (have.isEmpty()) {
            out.change(p.origin(), "policy", object, Summary.will(Verb.CREATE), context.before().tables().get(actual),
                    Spelled.as(want), new Step.CreatePolicy(p.policy(), actual, false));
            return out;
        }
        java.util.Set<String> differs = Differ.fields(Differ.policy(want, have.get()));
        if (differs.isEmpty()) {
            out.add(new Unchanged(p.origin(), "policy", object, "exists, skipped"));
        } else if (differs.contains("permissive") || differs.contains("command")) {
            out.add(new Drift(p.origin(), "policy", object, "declared " + describe(want) + ", database has "
                    + describe(have.get()) + ": not changed; the command or kind of a policy changes only by dropping it", null));
        } else {
            out.change(p.origin(), "policy", object, Summary.text("will alter (database has " + describe(have.get()) + ")"),
                    context.before().tables().get(actual), Spelled.as(want), new Step.CreatePolicy(p.policy(), actual, true));
        }
        return out;
    }

    private Table existing(QualifiedName table, String what) {
        Table t = context.state().tables().get(table);
        if (t == null) throw SchemaSyncException.badInput(what + ", which does not exist in the database and no earlier block declares it");
        return t;
    }

    static String describe(Table.Policy p) {
        return (p.permissive() ? "PERMISSIVE" : "RESTRICTIVE") + " FOR " + p.command() + " TO " + String.join(", ", p.roles())
                + (p.using() == null ? "" : " USING (" + p.using() + ")") + (p.withCheck() == null ? "" : " WITH CHECK (" + p.withCheck() + ")");
    }
}
