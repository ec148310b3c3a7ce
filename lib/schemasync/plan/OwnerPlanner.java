package schemasync.plan;

import schemasync.step.OwnerSteps;
import schemasync.step.Step;
import schemasync.SchemaSyncException;
import schemasync.catalog.OwnerTarget;
import schemasync.catalog.QualifiedName;
import schemasync.dsl.OwnerDecl;
import schemasync.plan.PlanItem.Unchanged;

/**
 * Declared owners ({@code ensureOwner}): ALTER ... OWNER TO when the object's owner differs, or when this run
 * creates the object (its owner is then the applying role, which the pure planner does not know; the
 * statement is a no-op when they agree, and the next plan reads the owner back). Owners no block declares are
 * not compared: an adopted database is not reported on every object. That the role exists is checked before
 * the plan, by the normalizer (roles are cluster objects, referenced, never created).
 */
final class OwnerPlanner {
    private final PlanContext context;

    OwnerPlanner(PlanContext context) {
        this.context = context;
    }

    Decisions plan(OwnerDecl o) {
        Decisions out = new Decisions();
        OwnerTarget target = key(o.target());
        String kind = "owner of " + target.kind().word();
        String object = target.toString();
        if (!exists(target) && !afterCustomSteps()) {
            throw SchemaSyncException.badInput(o.origin() + ": " + kind + " " + object
                    + ": no such object exists, and no earlier block declares it");
        }
        String have = context.state().owners().get(target);
        if (o.role().equals(have)) {
            return out.add(new Unchanged(o.origin(), kind, object, "is " + have + ", skipped"));
        }
        return out.change(o.origin(), kind, object, Summary.text(have == null ? "will set to " + o.role()
                : "will change from " + have + " to " + o.role()), target.kind() == OwnerTarget.Kind.TABLE
                ? context.original(target.name()) : null, new OwnerSteps.SetOwner(target, o.role()));
    }

    /** A table under its name after this run's renames; a declared routine keyed as the catalog keys it ({@code integer}, not {@code int}). */
    private OwnerTarget key(OwnerTarget t) {
        if (t.kind() == OwnerTarget.Kind.TABLE) return new OwnerTarget(t.kind(), context.renamesTable(t.name()), null);
        if (t.kind() == OwnerTarget.Kind.OPERATOR) return operator(t);
        if (!t.kind().routine()) return t;
        String existing = context.shapes().types().routineArguments().get(t.name() + "(" + t.arguments() + ")");
        if (existing != null) return new OwnerTarget(t.kind(), t.name(), existing);
        String catalogKey = context.shapes().functions().keys().get(t.name() + "(" + t.arguments() + ")");
        if (catalogKey == null) return t;
        int open = catalogKey.indexOf('(');
        return new OwnerTarget(t.kind(), t.name(), catalogKey.substring(open + 1, catalogKey.length() - 1));
    }

    /**
     * An operator keyed as the catalog keys it: each type spelled as format_type prints it when a declared operator
     * (or its removal) names it in the same text ({@code money2} → {@code shop.money2}); a text no operator declaration
     * wrote is compared as written (generate writes the catalog's own spelling).
     */
    private OwnerTarget operator(OwnerTarget t) {
        String[] types = OwnerDecl.operatorTypes(t.arguments());
        if (types == null) return t;
        java.util.Map<String, String> spelled = context.shapes().types().kinds().operators().types();
        return OwnerTarget.operator(t.name(), types[0] == null ? null : spelled.getOrDefault(types[0], types[0]),
                types[1] == null ? null : spelled.getOrDefault(types[1], types[1]));
    }

    /**
     * A new owner holds every privilege on the object and may grant them: an authorization change, like a GRANT
     * (allowed by default, shown in the plan); on a relation also the brief ACCESS EXCLUSIVE of ALTER TABLE.
     */
    static java.util.List<Hazard> hazards(OwnerSteps.SetOwner s, java.util.List<Hazard> lock) {
        java.util.List<Hazard> hazards = new java.util.ArrayList<>();
        hazards.add(new Hazard(schemasync.model.HazardKind.CHANGES_AUTHORIZATION, "makes " + s.role() + " the owner of "
                + s.target().kind().word() + " " + s.target()));
        hazards.addAll(lock);
        return java.util.List.copyOf(hazards);
    }

    /** A custom step planned earlier may create what the working copy cannot see (a generated partition, say): PostgreSQL judges. */
    private boolean afterCustomSteps() {
        return context.recorded().stream().anyMatch(i -> i instanceof PlanItem.Change c
                && c.steps().stream().anyMatch(p -> p.step() instanceof Step.CustomSql));
    }

    /** Whether the object exists in the working copy (the catalog and what earlier blocks create). */
    private boolean exists(OwnerTarget t) {
        QualifiedName o = t.name();
        PlanState s = context.state();
        return switch (t.kind()) {
            case SCHEMA -> s.schemas().contains(o.name());
            case TABLE -> s.tables().containsKey(o);
            case VIEW -> s.views().containsKey(o);
            case MATERIALIZED_VIEW -> s.materializedViews().containsKey(o);
            case SEQUENCE -> s.sequences().containsKey(o);
            case FUNCTION, PROCEDURE -> s.functions().containsKey(o + "(" + t.arguments() + ")");
            case AGGREGATE -> s.aggregates().containsKey(o + "(" + t.arguments() + ")");
            case TYPE -> s.enums().containsKey(o) || s.composites().containsKey(o) || s.rangeTypes().containsKey(o);
            case DOMAIN -> s.domains().containsKey(o);
            case COLLATION -> s.collations().containsKey(o);
            case FOREIGN_TABLE -> true; // PostgreSQL names a missing one, and the apply rolls back
            case STATISTICS -> s.statistics().containsKey(o);
            case SERVER -> s.externals().servers.containsKey(o.name());
            case PUBLICATION -> s.externals().publications.containsKey(o.name());
            case EVENT_TRIGGER -> s.externals().eventTriggers.containsKey(o.name());
            case OPERATOR -> s.operators().containsKey(o + "(" + t.arguments() + ")");
            case OPERATOR_CLASS -> s.operatorClasses().containsKey(t.toString());
            case OPERATOR_FAMILY -> s.operatorFamilies().containsKey(t.toString());
            case TEXT_SEARCH_DICTIONARY -> s.textSearch().dictionaries().containsKey(o);
            case TEXT_SEARCH_CONFIGURATION -> s.textSearch().configurations().containsKey(o);
            case CONVERSION -> s.conversions().containsKey(o);
        };
    }
}
