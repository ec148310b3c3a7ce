package schemasync.dsl;
import schemasync.catalog.ConstraintSpec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import schemasync.catalog.QualifiedName;

/**
 * Checks of partitioned tables, partitions and materialized views, run with the other declaration
 * checks before any connection is opened. Kept apart from {@link Validator} so that file stays small.
 */
final class RelationChecks {
    /** What PARTITION BY accepts: a strategy and a parenthesized column / expression list. */
    private static final Pattern PARTITION_KEY = Pattern.compile("(?is)(RANGE|LIST|HASH)\\s*\\(.+\\)");
    /** What follows PARTITION OF parent: FOR VALUES FROM/TO, IN or WITH, or DEFAULT. */
    private static final Pattern BOUND = Pattern.compile("(?is)FOR\\s+VALUES\\s+(FROM|IN|WITH)\\s*\\(.+|DEFAULT");

    private final List<String> problems;
    /** Relations by name (tables, partitions, views, materialized views): a name may be declared once. */
    private final Map<QualifiedName, String> relations = new HashMap<>();

    RelationChecks(List<String> problems) {
        this.problems = problems;
    }

    void table(Declaration.TableDecl t) {
        relations.putIfAbsent(t.name(), "table");
        if (t.partitionBy() != null) partitionKey(t.origin(), "table " + t.name(), t.partitionBy());
    }

    /**
     * A renamed table frees its old name for what later declarations put there: {@code ensureTableRenamed("memberships",
     * "organization_members")} then {@code ensureView("memberships", ...)}, the bridge of a rename without downtime.
     */
    void renamed(Declaration.RenameDecl r) {
        if (r.kind() != schemasync.model.ObjectKind.TABLE) return;
        String kind = relations.remove(r.fromName());
        if (kind != null) relations.putIfAbsent(r.fromName().sibling(r.to()), kind);
    }

    void view(Declaration.ViewDecl v) {
        String earlier = relations.putIfAbsent(v.name(), "view");
        if (earlier != null && !earlier.equals("view")) problem(v.origin(), "view " + v.name() + " has the name of a declared " + earlier);
    }

    void partition(Declaration.PartitionDecl p) {
        String what = "partition " + p.name();
        if (p.parent() == null) {
            problem(p.origin(), what + " has no parent table");
        } else if (p.parent().equals(p.name())) {
            problem(p.origin(), what + " names itself as its parent");
        }
        if (p.bound() == null || p.bound().isBlank()) {
            problem(p.origin(), what + " has no bound: write FOR VALUES FROM (...) TO (...), FOR VALUES IN (...),"
                    + " FOR VALUES WITH (MODULUS m, REMAINDER r) or DEFAULT");
        } else if (!BOUND.matcher(p.bound()).matches()) {
            problem(p.origin(), what + ": bound \"" + p.bound() + "\" must start with FOR VALUES FROM, FOR VALUES IN,"
                    + " FOR VALUES WITH, or be DEFAULT");
        }
        if (p.partitionBy() != null) partitionKey(p.origin(), what, p.partitionBy());
        constraints(p.origin(), what, p.constraints(), new java.util.TreeSet<>());
        String earlier = relations.putIfAbsent(p.name(), "partition");
        if (earlier != null) problem(p.origin(), what + " is declared twice (also as a " + earlier + ")");
    }

    /**
     * Constraints a block declares on {@code what} (a partition, or a table through ensureConstraints):
     * named, within 63 bytes, once each ({@code names} holds those declared before), a foreign key with
     * its table, a CHECK or EXCLUDE with its expression.
     */
    void constraints(Origin origin, String what, java.util.List<ConstraintSpec> constraints, java.util.Set<String> names) {
        for (ConstraintSpec c : constraints) {
            if (c.name() == null || c.name().isBlank()) {
                problem(origin, "a constraint of " + what + " has a blank name");
            } else if (schemasync.catalog.QualifiedName.utf8Length(c.name()) > schemasync.catalog.QualifiedName.MAX_IDENTIFIER_BYTES) {
                problem(origin, "constraint name \"" + c.name() + "\" of " + what + " is over 63 bytes: give it a shorter one with .named(...)");
            } else if (!names.add(c.name())) {
                problem(origin, "constraint " + c.name() + " is declared twice on " + what);
            }
            if (c.kind() == schemasync.catalog.Constraint.Kind.FOREIGN_KEY && c.foreignKey().references() == null) {
                problem(origin, "foreign key " + c.name() + " of " + what + " has no .references(...)");
            }
            if ((c.kind() == schemasync.catalog.Constraint.Kind.CHECK || c.kind() == schemasync.catalog.Constraint.Kind.EXCLUSION)
                    && (c.checkSql() == null || c.checkSql().isBlank())) {
                problem(origin, "constraint " + c.name() + " of " + what + " has no expression");
            }
        }
    }

    void materializedView(Declaration.MaterializedViewDecl m) {
        String what = "materialized view " + m.name();
        if (m.sql() == null || m.sql().isBlank()) problem(m.origin(), what + " has no query");
        String earlier = relations.putIfAbsent(m.name(), "materialized view");
        if (earlier != null) problem(m.origin(), what + " is declared twice (also as a " + earlier + ")");
    }

    private void partitionKey(Origin origin, String what, String key) {
        if (!PARTITION_KEY.matcher(key.strip()).matches()) {
            problem(origin, what + ": partition key \"" + key + "\" must be RANGE (...), LIST (...) or HASH (...)");
        }
    }

    private void problem(Origin origin, String text) {
        problems.add((origin == null ? "" : origin.blockId() + ": ") + text);
    }
}
