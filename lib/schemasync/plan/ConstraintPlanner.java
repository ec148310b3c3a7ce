package schemasync.plan;

import schemasync.step.Step;
import schemasync.catalog.Differ;

import schemasync.plan.Summary.Verb;

import schemasync.model.HazardKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import schemasync.SchemaSyncException;
import schemasync.catalog.Constraint;
import schemasync.catalog.Constraint.Kind;
import schemasync.catalog.KeyOptions;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Table;
import schemasync.catalog.ConstraintSpec;
import schemasync.dsl.Declaration.TableDecl;
import schemasync.plan.PlanItem.Drift;
import schemasync.plan.PlanItem.Unchanged;

/**
 * A table's declared UNIQUE, CHECK and FOREIGN KEY constraints against the working copy. Compared by
 * shape (columns, references, actions, PostgreSQL's text of a CHECK), never by name alone: an equal
 * constraint under another name is reported, not added twice. On a table that may hold rows, CHECK and
 * FOREIGN KEY are added NOT VALID (a brief lock, no scan) and validated by a separate step.
 */
final class ConstraintPlanner {
    private final PlanContext context;

    ConstraintPlanner(PlanContext context) {
        this.context = context;
    }

    /** The constraints a table created in this run starts with (inline in CREATE TABLE, or added NOT VALID after it). */
    List<Constraint> forNewTable(TableDecl t) {
        List<Constraint> result = new ArrayList<>();
        for (ConstraintSpec spec : t.constraints()) result.add(want(t, spec, t.name()));
        return result;
    }

    /**
     * Declared constraints of an existing table ({@code actual} is its current name). One declared
     * {@code .notValid()} is added NOT VALID and never validated (PostgreSQL enforces it on new rows
     * only); an existing one satisfies it, NOT VALID or validated (validated is the stronger state).
     */
    Decisions compare(TableDecl t, QualifiedName actual) {
        return compare(t, actual, true);
    }

    /**
     * {@code reportUndeclared} false: only these constraints ({@code ensureConstraints} of a later block);
     * the table's own declaration reports the ones no block declares.
     */
    Decisions compare(TableDecl t, QualifiedName actual, boolean reportUndeclared) {
        Decisions out = new Decisions();
        Table before = context.before().tables().get(actual);
        // What this call adds: the working copy has it only once these decisions are recorded, and a later
        // constraint of the same declaration is compared with it too (a twin is not added twice).
        List<Constraint> added = new ArrayList<>();
        for (ConstraintSpec spec : t.constraints()) {
            Table table = context.state().tables().get(actual);
            Constraint want = want(t, spec, actual);
            String object = actual + "." + spec.name();
            Optional<Constraint> have = table.constraint(spec.name())
                    .or(() -> added.stream().filter(c -> c.name().equals(spec.name())).findFirst());
            if (have.isEmpty()) {
                Optional<Constraint> twin = java.util.stream.Stream.concat(table.constraints().stream(), added.stream())
                        .filter(c -> Differ.constraintShape(want, c).isEmpty()).findFirst();
                if (twin.isPresent()) {
                    out.add(new Drift(t.origin(), "constraint", object, "declared " + want.describe()
                            + ", which exists as " + twin.get().name() + ": not added twice; rename one to match", null));
                    continue;
                }
                if ((spec.kind() == Kind.UNIQUE || spec.kind() == Kind.EXCLUSION) && context.state().indexes().containsKey(actual.sibling(spec.name()))) {
                    // A UNIQUE or EXCLUDE constraint creates an index of its own name: the name is taken.
                    out.add(new Drift(t.origin(), "constraint", object, "declared " + want.describe()
                            + ", but an index named " + spec.name() + " exists: not added; give the constraint another"
                            + " name with .named(...), or drop the index with ensureNoIndex", null));
                    continue;
                }
                // An exclusion constraint cannot be NOT VALID: it is checked by building its index.
                // NOT ENFORCED (PostgreSQL 18): nothing is checked, nothing to validate.
                boolean scanLater = (spec.kind() == Kind.CHECK || spec.kind() == Kind.FOREIGN_KEY) && before != null && !spec.notEnforced();
                List<Step> steps = new ArrayList<>();
                steps.add(new Step.AddConstraint(actual, spec, scanLater || spec.notValid()));
                if (scanLater && !spec.notValid()) steps.add(new Step.ValidateConstraint(actual, spec.name(), context.online(actual)));
                out.change(t.origin(), "constraint", object, spec.notValid() ? Summary.will(Verb.ADD).plus(" NOT VALID (as declared: existing rows"
                        + " are not checked)") : scanLater ? Summary.will(Verb.ADD).plus(" NOT VALID, ").then(Verb.VALIDATE)
                        .plus(context.online(actual) ? " after the commit" : "") : Summary.will(Verb.ADD), before, Spelled.as(want),
                        steps.toArray(Step[]::new));
                added.add(want);
            } else if (!Differ.constraintShape(want, have.get()).isEmpty()) {
                out.add(new Drift(t.origin(), "constraint", object, "declared " + want.describe()
                        + ", database has " + have.get().describe()
                        + ": not changed; replacing it means dropping and adding it again", HazardKind.FULL_SCAN_UNDER_LOCK));
            } else if (!have.get().validated() && spec.notValid()) {
                out.add(new Unchanged(t.origin(), "constraint", object, "exists NOT VALID, as declared, skipped"));
            } else if (!have.get().validated()) {
                out.change(t.origin(), "constraint", object, Summary.text("is NOT VALID: ").plusWill(Verb.VALIDATE), before,
                        new Step.ValidateConstraint(actual, spec.name(), context.online(actual)));
            } else {
                out.add(new Unchanged(t.origin(), "constraint", object, "exists, skipped"));
            }
        }
        if (!reportUndeclared) return out;
        for (Constraint c : context.state().tables().get(actual).constraints()) {
            if (t.constraints().stream().noneMatch(s -> s.name().equals(c.name())) && !context.declared().isIgnoredColumn(actual, c.name())
                    && !laterConstraints().contains(t.name() + "." + c.name())
                    && !laterConstraints().contains(actual + "." + c.name())) {
                out.add(new Drift(t.origin(), "constraint", actual + "." + c.name(), "exists in the database ("
                        + c.describe() + ") but no block declares it: left alone", null));
            }
        }
        return out;
    }

    /** {@code table.constraint} of every constraint an {@code ensureConstraints} declares, built once per plan. */
    private java.util.Set<String> laterConstraints;

    private java.util.Set<String> laterConstraints() {
        if (laterConstraints == null) {
            laterConstraints = new java.util.HashSet<>();
            for (schemasync.dsl.Declaration d : context.declared().declarations()) {
                if (d instanceof schemasync.dsl.Declaration.ConstraintsDecl k) {
                    k.constraints().forEach(c -> laterConstraints.add(k.table() + "." + c.name()));
                }
            }
        }
        return laterConstraints;
    }

    /** The declared constraint as the catalog will show it. */
    private Constraint want(TableDecl t, ConstraintSpec spec, QualifiedName actual) {
        return switch (spec.kind()) {
            case UNIQUE -> new Constraint(spec.name(), Kind.UNIQUE, spec.columns(), null, null, spec.nullsNotDistinct(), true, null,
                    spec.keyOptions());
            case CHECK -> new Constraint(spec.name(), Kind.CHECK, context.shapes().checkColumns(t.name(), spec.name()),
                    context.shapes().check(t.name(), spec.name()), null,
                    false, !spec.notValid(), null, KeyOptions.NONE, spec.notEnforced());
            case EXCLUSION -> new Constraint(spec.name(), Kind.EXCLUSION, List.of(), context.shapes().check(t.name(), spec.name()), null,
                    false, true, null);
            case FOREIGN_KEY -> new Constraint(spec.name(), Kind.FOREIGN_KEY, spec.columns(), null, foreignKey(t, spec, actual),
                    false, !spec.notValid(), null, KeyOptions.NONE, spec.notEnforced());
        };
    }

    private Constraint.ForeignKey foreignKey(TableDecl t, ConstraintSpec spec, QualifiedName actual) {
        ConstraintSpec.ForeignKeySpec fk = spec.foreignKey();
        QualifiedName declared = QualifiedName.parse(fk.references());
        QualifiedName referenced = declared.equals(t.name()) ? actual : context.renamesTable(declared);
        Table target = referenced.equals(actual) && !context.state().tables().containsKey(actual) ? null : context.state().tables().get(referenced);
        List<String> columns = fk.referencedColumns();
        if (columns.isEmpty()) {
            List<String> pk = referenced.equals(actual) ? t.primaryKey()
                    : target == null || target.primaryKey() == null ? List.of() : target.primaryKey().columns();
            if (pk.isEmpty()) {
                throw SchemaSyncException.badInput(t.origin() + ": foreign key " + spec.name() + " references " + declared
                        + ", which " + (target == null && !referenced.equals(actual) ? "does not exist in the database and no"
                        + " earlier block declares it" : "has no primary key: name the referenced columns"));
            }
            columns = pk;
        }
        if (target == null && !referenced.equals(actual)) {
            throw SchemaSyncException.badInput(t.origin() + ": foreign key " + spec.name() + " references " + declared
                    + ", which does not exist in the database and no earlier block declares it");
        }
        return new Constraint.ForeignKey(referenced, columns, fk.onUpdate(), fk.onDelete(), fk.match(), fk.deferrable(),
                fk.initiallyDeferred(), fk.period());
    }
}
