package schemasync.plan;

import org.pcollections.HashTreePSet;
import org.pcollections.PSet;
import schemasync.catalog.GrantTarget;
import schemasync.catalog.QualifiedName;
import schemasync.step.Step;

/**
 * What a grant asks of the plan recorded so far, kept as the plan is recorded ({@link Planner#record}) rather than
 * found by scanning every recorded step for each grant (at 2,000 tables that is tens of thousands of steps per grant):
 * the tables, schemas and routines this run creates (PostgreSQL gives them the creating role's default privileges,
 * not what the catalog before the run held) and the targets a GRANT or REVOKE of this run is already on.
 * A persistent value: a context holding one reads it unchanged while later records make new ones.
 *
 * @param tables   tables a CREATE TABLE of this run makes
 * @param schemas  schemas a CREATE SCHEMA of this run makes
 * @param routines routines (by the plan item's object, as a grant target names them) a CREATE FUNCTION (not OR
 *                 REPLACE) or CREATE AGGREGATE of this run makes
 * @param granted  targets a GRANT or REVOKE of this run is on
 */
record GrantHistory(PSet<QualifiedName> tables, PSet<String> schemas, PSet<String> routines, PSet<GrantTarget> granted) {

    static final GrantHistory EMPTY = new GrantHistory(HashTreePSet.empty(), HashTreePSet.empty(), HashTreePSet.empty(),
            HashTreePSet.empty());

    /** This history once {@code step}, of the recorded change {@code change}, is in the plan too. */
    GrantHistory after(PlanItem.Change change, Step step) {
        if (step instanceof Step.CreateTable t) return new GrantHistory(tables.plus(t.table().name()), schemas, routines, granted);
        if (step instanceof Step.CreateSchema s) return new GrantHistory(tables, schemas.plus(s.schema()), routines, granted);
        if (step instanceof Step.CreateFunction f && !f.replace() || step instanceof Step.CreateAggregate) {
            return new GrantHistory(tables, schemas, routines.plus(change.object()), granted);
        }
        if (step instanceof Step.GrantPrivileges g) return new GrantHistory(tables, schemas, routines, granted.plus(g.target()));
        return this;
    }

    /** Whether this run creates the target's table, schema or routine (the other kinds: never asked). */
    boolean created(GrantTarget target) {
        return switch (target.kind()) {
            case TABLE -> tables.contains(target.qualifiedName());
            case SCHEMA -> schemas.contains(target.schema());
            case FUNCTION -> routines.contains(target.object());
            default -> false;
        };
    }

    /** Whether a GRANT or REVOKE of this run is on the target already. */
    boolean granted(GrantTarget target) {
        return granted.contains(target);
    }
}
