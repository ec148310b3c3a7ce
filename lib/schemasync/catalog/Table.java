package schemasync.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A table (ordinary or partitioned) with its columns in attnum order and its primary key.
 * {@code estimatedRows} is {@code pg_class.reltuples} (-1 when never analyzed on PG 14+); the
 * planner uses it only to describe cost, never to decide correctness. {@code pages} is
 * {@code pg_class.relpages} (pages on disk at the last VACUUM / ANALYZE / CREATE INDEX; -1 unknown):
 * with reltuples it tells the hazard classifier whether a rewrite or a scan costs anything.
 */
public record Table(QualifiedName name, List<Column> columns, PrimaryKey primaryKey, String comment,
                    long estimatedRows, boolean partition, List<Constraint> constraints, List<Trigger> triggers,
                    RowSecurity rowSecurity, List<Policy> policies, java.util.Set<Grant> grants, long pages) {

    public Table {
        columns = List.copyOf(columns);
        constraints = List.copyOf(constraints);
        triggers = List.copyOf(triggers);
        policies = List.copyOf(policies);
        grants = Grant.sorted(grants); // sorted: fingerprints hash toString()
    }

    /** A table whose size on disk is not known ({@code pages} -1). */
    public Table(QualifiedName name, List<Column> columns, PrimaryKey primaryKey, String comment,
                 long estimatedRows, boolean partition, List<Constraint> constraints, List<Trigger> triggers,
                 RowSecurity rowSecurity, List<Policy> policies, java.util.Set<Grant> grants) {
        this(name, columns, primaryKey, comment, estimatedRows, partition, constraints, triggers, rowSecurity, policies, grants, -1);
    }

    public Table withGrants(java.util.Set<Grant> newGrants) {
        return new Table(name, columns, primaryKey, comment, estimatedRows, partition, constraints, triggers, rowSecurity,
                policies, newGrants, pages);
    }

    /** pg_class.relrowsecurity / relforcerowsecurity: FORCED also applies the policies to the owner. */
    public enum RowSecurity { OFF, ENABLED, FORCED }

    /**
     * A row-level security policy; {@code command} is ALL, SELECT, INSERT, UPDATE or DELETE, roles are
     * sorted names ({@code public} for PUBLIC), expressions as pg_get_expr renders them (or null).
     */
    public record Policy(String name, boolean permissive, String command, List<String> roles, String using, String withCheck) {
        public Policy {
            roles = List.copyOf(roles);
        }
    }

    public Optional<Policy> policy(String policyName) {
        for (Policy p : policies) if (p.name().equals(policyName)) return Optional.of(p);
        return Optional.empty();
    }

    /**
     * A trigger: {@code definition} is pg_get_triggerdef with the table written as {@code ON <table>},
     * so a trigger compares equal on any table name (the declared side is read from a shadow table);
     * {@code enabled}: pg_trigger.tgenabled, when it fires (ALTER TABLE ... DISABLE TRIGGER / ENABLE REPLICA |
     * ALWAYS TRIGGER); CREATE TRIGGER makes it {@code ORIGIN}.
     */
    public record Trigger(String name, String definition, ExternalObjects.Enabled enabled) {
        public Trigger {
            if (enabled == null) enabled = ExternalObjects.Enabled.ORIGIN;
        }

        /** A trigger as CREATE TRIGGER makes it: firing in origin and local sessions. */
        public Trigger(String name, String definition) {
            this(name, definition, ExternalObjects.Enabled.ORIGIN);
        }

        /** pg_trigger.tgconstraint is set: pg_get_triggerdef writes CREATE CONSTRAINT TRIGGER exactly then. */
        public boolean constraintTrigger() {
            return definition.startsWith("CREATE CONSTRAINT TRIGGER ");
        }

        /** pg_get_triggerdef's own text: the definition with {@code relation} written back (quote_ident'ed) for {@code <table>}. */
        public String definitionOn(QualifiedName relation) {
            return definition.replace(" ON <table> ", " ON " + SqlText.quoteIdent(relation.schema()) + "."
                    + SqlText.quoteIdent(relation.name()) + " ");
        }
    }

    public Optional<Trigger> trigger(String triggerName) {
        for (Trigger t : triggers) if (t.name().equals(triggerName)) return Optional.of(t);
        return Optional.empty();
    }

    public Table withTrigger(Trigger trigger) {
        var copy = new java.util.ArrayList<>(triggers);
        copy.removeIf(t -> t.name().equals(trigger.name()));
        copy.add(trigger);
        return new Table(name, columns, primaryKey, comment, estimatedRows, partition, constraints, copy, rowSecurity, policies, grants, pages);
    }

    public Optional<Constraint> constraint(String constraintName) {
        for (Constraint c : constraints) if (c.name().equals(constraintName)) return Optional.of(c);
        return Optional.empty();
    }

    /** The same table without planner statistics (reltuples changes with every ANALYZE). */
    public Table withoutStatistics() {
        return new Table(name, columns, primaryKey, comment, 0, partition, constraints, triggers, rowSecurity, policies, grants, 0);
    }

    public Table withName(QualifiedName newName) {
        return new Table(newName, columns, primaryKey, comment, estimatedRows, partition, constraints, triggers, rowSecurity, policies, grants, pages);
    }

    public Table withColumns(List<Column> newColumns) {
        return new Table(name, newColumns, primaryKey, comment, estimatedRows, partition, constraints, triggers, rowSecurity, policies, grants, pages);
    }

    public Table withComment(String newComment) {
        return new Table(name, columns, primaryKey, newComment, estimatedRows, partition, constraints, triggers, rowSecurity, policies, grants, pages);
    }

    public Table withRowSecurity(RowSecurity newRowSecurity) {
        return new Table(name, columns, primaryKey, comment, estimatedRows, partition, constraints, triggers, newRowSecurity, policies, grants, pages);
    }

    public Table withPolicy(Policy policy) {
        var copy = new java.util.ArrayList<>(policies);
        copy.removeIf(p -> p.name().equals(policy.name()));
        copy.add(policy);
        return new Table(name, columns, primaryKey, comment, estimatedRows, partition, constraints, triggers, rowSecurity, copy, grants, pages);
    }

    public Table withConstraints(List<Constraint> newConstraints) {
        return new Table(name, columns, primaryKey, comment, estimatedRows, partition, newConstraints, triggers, rowSecurity, policies, grants, pages);
    }

    public Table withTriggers(List<Trigger> newTriggers) {
        return new Table(name, columns, primaryKey, comment, estimatedRows, partition, constraints, newTriggers, rowSecurity, policies, grants, pages);
    }

    public Table withConstraint(Constraint constraint) {
        var copy = new java.util.ArrayList<>(constraints);
        copy.removeIf(c -> c.name().equals(constraint.name()));
        copy.add(constraint);
        return new Table(name, columns, primaryKey, comment, estimatedRows, partition, copy, triggers, rowSecurity, policies, grants, pages);
    }

    /** Name and columns of a PRIMARY KEY constraint, columns in key order; {@code options}: INCLUDE, DEFERRABLE. */
    public record PrimaryKey(String name, List<String> columns, KeyOptions options) {
        public PrimaryKey {
            columns = List.copyOf(columns);
            if (options == null) options = KeyOptions.NONE;
        }

        public PrimaryKey(String name, List<String> columns) {
            this(name, columns, KeyOptions.NONE);
        }
    }

    // Plain loops, not streams: called for every column of every table on each run, mostly before
    // the JIT has compiled anything, where a stream pipeline costs far more than the comparison.
    public Optional<Column> column(String columnName) {
        for (Column c : columns) if (c.name().equals(columnName)) return Optional.of(c);
        return Optional.empty();
    }

    public Table withColumn(Column column) {
        var copy = new java.util.ArrayList<>(columns);
        copy.removeIf(c -> c.name().equals(column.name()));
        copy.add(column);
        return withColumns(copy);
    }

    public Table replaceColumn(Column column) {
        return withColumns(columns.stream().map(c -> c.name().equals(column.name()) ? column : c).toList());
    }
}
