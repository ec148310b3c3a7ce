package schemasync.plan;

import schemasync.step.Step;
import schemasync.catalog.Differ;

import schemasync.plan.Summary.Verb;

import schemasync.model.HazardKind;
import java.util.List;
import schemasync.SchemaSyncException;
import schemasync.catalog.Catalog.Partitioning;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Table;
import schemasync.dsl.Declaration.PartitionDecl;
import schemasync.dsl.Declaration.TableDecl;
import schemasync.plan.PlanItem.Drift;
import schemasync.plan.PlanItem.Unchanged;

/**
 * Partitioned tables and their partitions. A missing partition is created with CREATE TABLE ...
 * PARTITION OF (it inherits the parent's columns, and PostgreSQL gives it the parent's indexes,
 * constraints and row triggers). The key and the bounds are compared as PostgreSQL spells them; a
 * difference is reported with both sides and never resolved by the tool: repartitioning a table means
 * re-creating it and moving its rows, changing a bound means detaching and re-attaching (which checks
 * every row). Partitions no block declares are reported, never dropped (see {@link UndeclaredObjects}).
 */
final class PartitionPlanner {
    private final PlanContext context;
    private final ConstraintPlanner constraints;

    PartitionPlanner(PlanContext context) {
        this.context = context;
        this.constraints = new ConstraintPlanner(context);
    }

    /** The partition key of a table created in this run as PostgreSQL spells it (null when not partitioned). */
    Partitioning created(TableDecl t) {
        return t.partitionBy() == null ? null : new Partitioning(key(t.name(), t.partitionBy()), null, null);
    }

    /** The declared key (or none) of an existing table against the database's. */
    Decisions compareKey(TableDecl t, QualifiedName actual) {
        Decisions out = new Decisions();
        Partitioning have = context.state().partitioning().get(actual);
        String haveKey = have == null ? null : have.key();
        String wantKey = t.partitionBy() == null ? null : key(t.name(), t.partitionBy());
        Partitioning none = new Partitioning(null, null, null);
        Partitioning want = have == null ? new Partitioning(wantKey, null, null) : new Partitioning(wantKey, have.parent(), have.bound());
        if (Differ.partitioning(want, have == null ? none : have).isEmpty()) return out;
        String object = actual + " partition key";
        if (wantKey == null) {
            out.drift(t.origin(), "table", object, "database has PARTITION BY " + haveKey
                    + ", the declaration has none: left alone; declare .partitionBy(\"" + haveKey + "\") to match", null);
        } else {
            out.drift(t.origin(), "table", object, "declared PARTITION BY " + wantKey + ", database has "
                    + (haveKey == null ? "an ordinary table" : "PARTITION BY " + haveKey)
                    + ": not changed: repartitioning means re-creating the table and moving its rows", HazardKind.TABLE_REWRITE);
        }
        return out;
    }

    /**
     * An {@code ensurePartition}: the partition itself, then its own constraints, compared on the state the first
     * part's steps leave (a partition this run creates is compared as created), as one {@link Decisions}.
     */
    Decisions plan(PartitionDecl p) {
        return new DeclarationParts(context).then(part -> new PartitionPlanner(part).partition(p))
                .then(part -> new PartitionPlanner(part).ownConstraints(p)).decisions();
    }

    /**
     * Its own constraints, compared like a table's once it is (or will be) a partition of the declared parent: read
     * from the working copy its {@link #partition} part leaves.
     */
    private Decisions ownConstraints(PartitionDecl p) {
        Partitioning shape = context.state().partitioning().get(p.name());
        if (shape != null && shape.isPartition() && context.state().tables().containsKey(p.name())) {
            Decisions out = ownPrimaryKey(p);
            out.addAll(constraints.compare(new TableDecl(p.name(), List.of(), List.of(), null, p.constraints(), null, null, p.origin()), p.name()));
            return out;
        }
        return new Decisions();
    }

    /**
     * A primary key of the partition alone (its parent has none: a partition created alone and attached). Added to a
     * partition this run creates (it is empty); on an existing partition a missing or different key is reported, as a
     * table's is (adding one scans it and builds an index under ACCESS EXCLUSIVE). A key no block declares is reported,
     * unless ignored.
     */
    private Decisions ownPrimaryKey(PartitionDecl p) {
        Decisions out = new Decisions();
        Table have = context.state().tables().get(p.name());
        Table.PrimaryKey actual = have.primaryKey();
        String object = p.name() + " primary key";
        if (p.primaryKey().isEmpty()) {
            if (actual != null && !context.declared().isIgnoredColumn(p.name(), actual.name())) {
                out.add(new Drift(p.origin(), "constraint", object, "database has PRIMARY KEY " + actual.columns() + " (" + actual.name()
                        + ") on this partition alone, the declaration has none: left alone; declare .primaryKey(...) to match", null));
            }
            return out;
        }
        String name = p.primaryKeyName() != null ? p.primaryKeyName() : TableEffects.defaultName(p.name().name(), "pkey");
        // The name only when declared, as a table's (Differ.primaryKey says why).
        java.util.Set<String> differ = Differ.fields(Differ.primaryKey(new Table.PrimaryKey(p.primaryKeyName(), p.primaryKey()),
                actual, p.primaryKeyName() != null));
        if (actual == null && context.before().tables().get(p.name()) == null) {
            out.change(p.origin(), "constraint", p.name() + "." + name, Summary.will(Verb.ADD).plus(" (primary key of this partition)"),
                    null, new schemasync.step.KeySteps.AddPrimaryKey(p.name(), name, p.primaryKey()));
        } else if (differ.contains("primary key")) {
            out.add(new Drift(p.origin(), "constraint", object, "declared PRIMARY KEY " + p.primaryKey() + ", database has "
                    + (actual == null ? "none" : actual.columns().toString()) + ": not changed: adding one scans the partition and"
                    + " builds an index under an ACCESS EXCLUSIVE lock", HazardKind.FULL_SCAN_UNDER_LOCK));
        } else if (differ.contains("primary key name")) {
            out.add(new Drift(p.origin(), "constraint", object, "declared as " + name + ", database has it as " + actual.name()
                    + ": not renamed; ALTER TABLE ... RENAME CONSTRAINT, or declare its name", null));
        } else {
            out.add(new Unchanged(p.origin(), "constraint", p.name() + "." + actual.name(), "exists, skipped"));
        }
        return out;
    }

    /** The partition itself: created under its parent, or compared with it (its constraints: {@link #ownConstraints}). */
    private Decisions partition(PartitionDecl p) {
        Decisions out = new Decisions();
        QualifiedName parent = context.renamesTable(p.parent());
        if (!context.state().tables().containsKey(parent)) {
            throw SchemaSyncException.badInput(p.origin() + ": partition " + p.name() + " is of table " + p.parent()
                    + ", which does not exist in the database and no earlier block declares it");
        }
        String object = p.name().toString();
        Partitioning parentShape = context.state().partitioning().get(parent);
        Table have = context.state().tables().get(p.name());
        String wantBound = context.shapes().relations().partitionBounds().getOrDefault(p.name(), p.bound());
        if (have == null) {
            if (parentShape == null || parentShape.key() == null) {
                out.drift(p.origin(), "partition", object, "declared as a partition of " + parent + " " + p.bound()
                        + ", but " + parent + " is not partitioned: not created", null);
                return out;
            }
            if (!context.state().schemas().contains(p.name().schema())) {
                throw SchemaSyncException.badInput(p.origin() + ": partition " + p.name() + " is in schema " + p.name().schema()
                        + ", which does not exist: declare ensureSchema(\"" + p.name().schema() + "\") first");
            }
            QualifiedName defaultPartition = isDefault(p.bound()) ? null : defaultPartitionOf(parent);
            out.change(p.origin(), "partition", object, Summary.will(Verb.CREATE).plus(" (partition of " + parent + ")"),
                    context.before().tables().get(parent), Spelled.as(new Partitioning(p.partitionBy() == null ? null
                            : key(p.name(), p.partitionBy()), parent, wantBound)),
                    new Step.CreatePartition(p.name(), parent, p.bound(), p.partitionBy(), defaultPartition));
            return out;
        }
        Partitioning shape = context.state().partitioning().get(p.name());
        if (shape == null || !shape.isPartition()) {
            out.drift(p.origin(), "partition", object, "declared as a partition of " + parent + " " + wantBound
                    + ", database has an ordinary table: not changed: attaching it (ATTACH PARTITION) scans it to check"
                    + " its rows fit the bound", HazardKind.FULL_SCAN_UNDER_LOCK);
            return out;
        }
        String wantKey = p.partitionBy() == null ? null : key(p.name(), p.partitionBy());
        java.util.Set<String> differs = Differ.fields(Differ.partitioning(new Partitioning(wantKey, parent, wantBound), shape));
        if (differs.contains("parent")) {
            out.drift(p.origin(), "partition", object, "declared as a partition of " + parent + ", database has it as a"
                    + " partition of " + shape.parent() + ": not changed", null);
        } else if (differs.contains("bound")) {
            out.drift(p.origin(), "partition", object, "declared " + wantBound + ", database has " + shape.bound()
                    + ": not changed: changing a bound means detaching the partition and attaching it again, which"
                    + " scans it", HazardKind.FULL_SCAN_UNDER_LOCK);
        } else if (differs.contains("key")) {
            out.drift(p.origin(), "partition", object, "declared " + (p.partitionBy() == null ? "not partitioned"
                    : "PARTITION BY " + key(p.name(), p.partitionBy())) + ", database has "
                    + (shape.key() == null ? "not partitioned" : "PARTITION BY " + shape.key())
                    + ": not changed: repartitioning means re-creating it and moving its rows", HazardKind.TABLE_REWRITE);
        } else {
            out.add(new Unchanged(p.origin(), "partition", object, "exists, skipped"));
        }
        return out;
    }

    /** The key as PostgreSQL spells it (normalized on a shadow), or as declared when no shadow could hold it. */
    private String key(QualifiedName table, String declared) {
        return context.shapes().relations().partitionKeys().getOrDefault(table, declared);
    }

    private QualifiedName defaultPartitionOf(QualifiedName parent) {
        return context.state().partitioning().entrySet().stream()
                .filter(e -> parent.equals(e.getValue().parent()) && isDefault(e.getValue().bound()))
                .map(java.util.Map.Entry::getKey).findFirst().orElse(null);
    }

    private static boolean isDefault(String bound) {
        return bound != null && bound.strip().equalsIgnoreCase("DEFAULT");
    }
}
