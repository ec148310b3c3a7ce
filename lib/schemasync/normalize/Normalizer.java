package schemasync.normalize;

import schemasync.dsl.AccessDecl;
import java.sql.*;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.impl.DSL;
import schemasync.SchemaSyncException;
import schemasync.catalog.Catalog;
import schemasync.catalog.CatalogReader;
import schemasync.catalog.Column;
import schemasync.catalog.Index;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Table;
import schemasync.catalog.ColumnSpec;
import schemasync.dsl.Declaration;
import schemasync.dsl.Declaration.ColumnDecl;
import schemasync.dsl.Declaration.IndexDecl;
import schemasync.dsl.Declaration.TableDecl;
import schemasync.dsl.DeclaredSchema;
import schemasync.dsl.DesiredState;
import schemasync.normalize.DeclaredShapes.ColumnRef;
import schemasync.render.SqlRenderer;

/**
 * Lets PostgreSQL spell the declared side. Every table a block declares or touches gets a shadow
 * temporary table (its existing columns as the catalog reports them, overlaid with the declared
 * columns, types and defaults) carrying the declared indexes, built from the very SQL the apply
 * would run; the shadows are read back with the same catalog queries, and the transaction is always
 * rolled back. So {@code VARCHAR(255)}, {@code int4}, {@code timestamptz}, {@code 'a'} and
 * {@code lower(email)} compare equal to what PostgreSQL will report after the apply, on the
 * server's own version: no phantom changes.
 *
 * Shadows are built in chunks, each its own rolled-back transaction: every created relation holds a
 * lock until the end of its transaction, and thousands at once would exhaust the shared lock table
 * (max_locks_per_transaction × max_connections). A statement PostgreSQL rejects is reported as a
 * declaration error naming the block.
 */
public final class Normalizer {
    private static final int TABLES_PER_CHUNK = 200;

    private Normalizer() {
    }

    /** Requires a connection with auto-commit off and no open transaction; leaves none open. */
    public static DeclaredShapes normalize(Connection connection, Catalog catalog, DeclaredSchema declared)
            throws SQLException {
        return normalize(connection, catalog, declared, true);
    }

    /**
     * @param shortcut false sends every declared table through a shadow, even those whose declarations
     *                 already read as the catalog does (tests compare both ways)
     */
    public static DeclaredShapes normalize(Connection connection, Catalog catalog, DeclaredSchema declared,
                                           boolean shortcut) throws SQLException {
        OwnerRoles.check(connection, declared);
        Map<QualifiedName, Shadow> shadows = new LinkedHashMap<>();
        Map<String, String> declaredSpecOrigin = new HashMap<>();
        // A table that neither exists nor is declared has nothing to normalize: the planner reports
        // the declaration that needs it, naming its block.
        Set<QualifiedName> known = new HashSet<>(catalog.tables().keySet());
        known.addAll(catalog.materializedViews().keySet());
        declared.declarations().stream().filter(TableDecl.class::isInstance).map(d -> ((TableDecl) d).name())
                .forEach(known::add);
        PartitionShapes partitions = new PartitionShapes(catalog, declared);
        // A partition this run creates has no table to read yet: an index declared on it is spelled on
        // a plain shadow with its root's columns (pg_get_indexdef does not depend on the table).
        Map<QualifiedName, QualifiedName> newPartitions = new HashMap<>();
        for (Declaration d : declared.declarations()) {
            if (d instanceof Declaration.PartitionDecl p && p.parent() != null && !known.contains(p.name())
                    && known.contains(partitions.root(p))) newPartitions.put(p.name(), partitions.root(p));
        }
        for (Declaration d : declared.declarations()) {
            if (d instanceof TableDecl t) {
                Shadow s = shadow(shadows, catalog, t.name());
                t.columns().forEach(s::declare);
                LineageShapes.inherit(s, t, catalog, parent -> shadow(shadows, catalog, parent));
                // CHECK and EXCLUDE: the shadow carries them so PostgreSQL spells the expression / clause.
                t.constraints().stream().filter(c -> c.kind() == schemasync.catalog.Constraint.Kind.CHECK
                        || c.kind() == schemasync.catalog.Constraint.Kind.EXCLUSION).forEach(s.checks::add);
                t.columns().forEach(c -> declaredSpecOrigin.put(key(t.name(), c.name()), t.origin().blockId()));
                declaredSpecOrigin.put(key(t.name(), ""), t.origin().blockId());
            } else if (d instanceof Declaration.ConstraintsDecl k && known.contains(k.table())) {
                // A later block's constraints: spelled on the same shadow as the table's own.
                k.constraints().stream().filter(c -> c.kind() == schemasync.catalog.Constraint.Kind.CHECK
                        || c.kind() == schemasync.catalog.Constraint.Kind.EXCLUSION).forEach(shadow(shadows, catalog, k.table()).checks::add);
            } else if (d instanceof ColumnDecl c && known.contains(c.table())) {
                shadow(shadows, catalog, c.table()).declare(c.column());
                declaredSpecOrigin.put(key(c.table(), c.column().name()), c.origin().blockId());
            } else if (d instanceof IndexDecl i && known.contains(i.table())) {
                shadow(shadows, catalog, i.table()).indexes.add(i);
            } else if (d instanceof IndexDecl i && newPartitions.containsKey(i.table())) {
                Shadow root = shadow(shadows, catalog, newPartitions.get(i.table()));
                Shadow s = shadow(shadows, catalog, i.table());
                root.columns.values().forEach(c -> s.columns.putIfAbsent(c.name(), c));
                s.indexes.add(i);
            } else if (d instanceof Declaration.TriggerDecl g && known.contains(g.table())) {
                shadow(shadows, catalog, g.table()).triggers.add(g);
            } else if (d instanceof Declaration.TriggerDecl g && newPartitions.containsKey(g.table())) { // a partition's own trigger
                PartitionShapes.plain(shadow(shadows, catalog, newPartitions.get(g.table())), shadow(shadows, catalog, g.table())).triggers.add(g);
            } else if (d instanceof AccessDecl.PolicyDecl p && known.contains(p.table())) {
                shadow(shadows, catalog, p.table()).policies.add(p);
            } else if (d instanceof AccessDecl.PolicyDecl p && newPartitions.containsKey(p.table())) {
                // A partition's own policy, on the shadow of the partition this run creates.
                PartitionShapes.plain(shadow(shadows, catalog, newPartitions.get(p.table())), shadow(shadows, catalog, p.table())).policies.add(p);
            } else if (d instanceof Declaration.PartitionDecl p && p.parent() != null && known.contains(partitions.root(p))) {
                Shadow root = shadow(shadows, catalog, partitions.root(p));
                List<schemasync.catalog.ConstraintSpec> checks = p.constraints().stream().filter(c -> c.kind() == schemasync.catalog.Constraint.Kind.CHECK
                        || c.kind() == schemasync.catalog.Constraint.Kind.EXCLUSION).toList();
                if (!checks.isEmpty()) {
                    // A partition's own CHECK is spelled on a shadow of the partition (or, when new, of its root's columns).
                    Shadow s = shadow(shadows, catalog, p.name());
                    root.columns.values().forEach(c -> s.columns.putIfAbsent(c.name(), c));
                    s.checks.addAll(checks);
                }
            }
        }
        shadows.values().forEach(s -> s.partitionBy = partitions.key(s.table));

        changedColumns(declared, catalog, known, newPartitions, shadows);
        List<String> prerequisites = ShadowPrerequisites.of(catalog, declared);
        Map<QualifiedName, Map<String, Column>> columns = new HashMap<>();
        Map<QualifiedName, String> indexes = new HashMap<>();
        Map<QualifiedName, Map<String, String>> checks = new HashMap<>();
        Map<QualifiedName, Map<String, List<String>>> checkColumns = new HashMap<>();
        Map<QualifiedName, Map<String, String>> triggers = new HashMap<>();
        Map<QualifiedName, Map<String, Table.Policy>> policies = new HashMap<>();
        List<String> problems = new ArrayList<>();
        // Tables whose declarations already read as the catalog does need no shadow (CanonicalText);
        // the others are grouped by the SQL their shadow would run, names aside: PostgreSQL spells
        // identical statements identically, so one shadow per distinct shape is built and read.
        Map<Object, List<Shadow>> shapes = new LinkedHashMap<>();
        for (Shadow s : shadows.values()) {
            // A partitioned shadow carries its own partition twins: never settled without it, never shared.
            boolean plain = s.partitionBy == null && s.triggers.isEmpty() && s.policies.isEmpty();
            if (shortcut && plain && ShadowShortcut.settle(s, catalog, columns, indexes, checks, triggers, policies)) continue;
            Object shape = shortcut && plain ? ShadowShortcut.shapeKey(s) : s.table;
            shapes.computeIfAbsent(shape, k -> new ArrayList<>()).add(s);
        }
        List<List<Shadow>> all = new ArrayList<>(shapes.values());
        for (int from = 0; from < all.size(); from += TABLES_PER_CHUNK) {
            List<List<Shadow>> chunk = all.subList(from, Math.min(all.size(), from + TABLES_PER_CHUNK));
            try {
                readBack(connection, catalog, prerequisites, chunk, declaredSpecOrigin, columns, indexes, checks, checkColumns, triggers,
                        policies, partitions, problems);
            } finally {
                connection.rollback();
            }
        }
        // Not the declarations' fault: the role may not create the schemas, types or functions that
        // PostgreSQL must see (rolled back) to check the shadows. Say so instead of blaming every block.
        problems.stream().filter(p -> p.contains("permission denied")).findFirst().ifPresent(p -> {
            throw SchemaSyncException.badInput("this role may not create what the plan needs checked ("
                    + p.substring(p.indexOf("permission denied")).lines().findFirst().orElse("") + "); nothing was changed."
                    + " See docs/PRIVILEGES.md for what --dry-run and --apply need");
        });
        if (!problems.isEmpty()) {
            throw SchemaSyncException.badInput("PostgreSQL rejects these declarations (nothing was changed):\n  - "
                    + String.join("\n  - ", problems));
        }
        FixedPoint.settleDeclaredChecks(connection, catalog, checks);
        Set<ColumnRef> rewriting;
        try {
            rewriting = RewriteProbe.rewritingAdds(connection, catalog, shadows.values(), declaredSpecOrigin.keySet());
        } finally {
            connection.rollback();
        }
        ViewShapes.Result views = ViewShapes.read(connection, catalog, declared);
        DeclaredShapes.Functions functions = FunctionShapes.read(connection, catalog, declared, prerequisites);
        DeclaredShapes.Access access = AccessShapes.read(connection, catalog, declared, prerequisites, functions);
        MaterializedViewShapes.Result matviews = MaterializedViewShapes.read(connection, catalog, declared);
        DeclaredShapes.Types types = TypeShapes.read(connection, declared, prerequisites, problems);
        types = StatisticsRuleShapes.settle(connection, catalog, declared, problems, types);
        if (!problems.isEmpty()) {
            throw SchemaSyncException.badInput("PostgreSQL rejects these declarations (nothing was changed):\n  - "
                    + String.join("\n  - ", problems));
        }
        return new DeclaredShapes(columns, indexes, rewriting, checks, views.definitions(), views.refusals(), functions,
                triggers, policies, types, access, new DeclaredShapes.Relations(partitions.keys, partitions.bounds,
                        matviews.definitions(), matviews.failures(), checkColumns));
    }

    /**
     * A custom object's SQL behind its guard, as one statement: a DO block, since the guard must be
     * asked inside the same (rolled-back) transaction, after the prerequisites before it.
     */
    static String guarded(Declaration.CustomStepDecl c) {
        String tag = "$schema_sync_" + Integer.toHexString(c.id().hashCode() & 0xffffff) + "$";
        while (c.sql().contains(tag) || c.guardSql().contains(tag)) tag = tag.replace("$schema_sync_", "$schema_sync_x");
        String quoted = tag.replace("$schema_sync_", "$schema_sync_q");
        return "DO " + tag + " BEGIN IF (" + c.guardSql().strip() + ") THEN EXECUTE " + quoted + c.sql() + quoted
                + "; END IF; END " + tag;
    }

    /** {@code sql} in a DO block that ignores its failure (PL/pgSQL rolls back to its own savepoint). */
    private static String tolerant(String sql) {
        String tag = "$schema_sync_tolerant$";
        String quoted = "$schema_sync_tolerant_sql$";
        if (sql.contains(tag) || sql.contains(quoted)) return sql;
        return "DO " + tag + " BEGIN EXECUTE " + quoted + sql + quoted + "; EXCEPTION WHEN OTHERS THEN NULL; END " + tag;
    }

    /**
     * The target of each ensureColumnChanged with a type or default, as a column of its table's shadow
     * under a name of its own ({@link DeclaredShapes#changedColumn}): PostgreSQL spells the type and
     * default as the catalog will show them once changed. A partition this run creates (a later block sets its own
     * default: generate splits one out of a creation-order cycle) is a plain shadow with its root's columns.
     */
    private static void changedColumns(DeclaredSchema declared, Catalog catalog, Set<QualifiedName> known,
                                       Map<QualifiedName, QualifiedName> newPartitions, Map<QualifiedName, Shadow> shadows) {
        List<Declaration> all = declared.declarations();
        DesiredState fold = null; // folded once, when a changed column is not in the catalog
        for (int i = 0; i < all.size(); i++) {
            if (!(all.get(i) instanceof Declaration.ColumnChangeDecl c)) continue;
            boolean newPartition = !known.contains(c.table()) && newPartitions.containsKey(c.table());
            if (!known.contains(c.table()) && !newPartition) continue;
            if (c.type() == null && c.defaultSql() == null) continue;
            String type = c.type();
            if (type == null && newPartition) {
                ColumnSpec inherited = PartitionShapes.plain(shadow(shadows, catalog, newPartitions.get(c.table())),
                        shadow(shadows, catalog, c.table())).columns.get(c.column());
                type = inherited == null ? null : inherited.type();
            } else if (type == null) {
                // The column's type as it is (catalog) or as a block declares it, under the name it has here: a column
                // an earlier block declared under another name, renamed since, is that column (the fold says which).
                Table t = catalog.tables().get(c.table());
                if (t != null && t.column(c.column()).isPresent()) {
                    type = t.column(c.column()).get().type();
                } else {
                    if (fold == null) fold = DesiredState.fold(all, catalog);
                    type = fold.declaredType(c.table(), c.column(), i);
                }
            }
            if (type == null) continue; // no such column: the planner says so, naming the block
            shadow(shadows, catalog, c.table()).declare(new ColumnSpec(DeclaredShapes.changedColumn(i), type, false,
                    c.defaultSql(), Column.Identity.NONE, null));
        }
    }

    private static Shadow shadow(Map<QualifiedName, Shadow> shadows, Catalog catalog, QualifiedName table) {
        // A materialized view's shadow is a table with its columns: enough to spell the indexes declared on it.
        Table existing = catalog.tables().get(table);
        var matview = catalog.materializedViews().get(table);
        List<Column> columns = existing != null ? existing.columns() : matview != null ? matview.columns() : null;
        return shadows.computeIfAbsent(table, t -> new Shadow(t, "t" + (shadows.size() + 1), columns));
    }

    static String key(QualifiedName table, String column) {
        return table + "\u0000" + column;
    }

    /** @param groups shadows of one shape each: the first is built, the others take its reading */
    private static void readBack(Connection connection, Catalog catalog, List<String> prerequisites, List<List<Shadow>> groups,
                                 Map<String, String> declaredColumns,
                                 Map<QualifiedName, Map<String, Column>> columns, Map<QualifiedName, String> indexes,
                                 Map<QualifiedName, Map<String, String>> checks,
                                 Map<QualifiedName, Map<String, List<String>>> checkColumns,
                                 Map<QualifiedName, Map<String, String>> triggers,
                                 Map<QualifiedName, Map<String, Table.Policy>> policies, PartitionShapes partitions,
                                 List<String> problems) throws SQLException {
        Map<String, List<QualifiedName>> indexShadowNames = new HashMap<>();
        List<String> statements = new ArrayList<>(prerequisites);
        List<Shadow> chunk = new ArrayList<>();
        for (List<Shadow> group : groups) {
            Shadow s = group.get(0);
            chunk.add(s);
            statements.add(s.createSql());
            for (int n = 0; n < s.indexes.size(); n++) {
                String shadowIndex = s.shadowName + "_i" + (n + 1);
                int position = n;
                indexShadowNames.put(shadowIndex, group.stream().map(m -> m.indexes.get(position).name()).toList());
                statements.add(SqlRenderer.createIndex(shadowIndex, DSL.name("pg_temp", s.shadowName), s.indexes.get(n).spec()));
            }
            // Triggers on the shadow, never on the real table: CREATE TRIGGER would lock it.
            for (Declaration.TriggerDecl g : s.triggers) {
                statements.add(SqlRenderer.createTrigger(g.spec(), DSL.name("pg_temp", s.shadowName)));
            }
            for (AccessDecl.PolicyDecl p : s.policies) {
                statements.add(SqlRenderer.policy(p.policy(), DSL.name("pg_temp", s.shadowName), false));
            }
            for (PartitionShapes.Twin twin : partitions.twins(s.table, s.shadowName)) statements.add(twin.sql());
        }
        try (Statement st = connection.createStatement()) {
            // READ WRITE even where default_transaction_read_only is on: temporary tables need it,
            // and the transaction is rolled back anyway. One round trip for the whole chunk.
            st.execute("SET TRANSACTION READ WRITE;\n" + String.join(";\n", statements));
        } catch (SQLException batchFailed) {
            connection.rollback();
            if (ShadowDiagnosis.cannotUseTemporaryTables(batchFailed)) {
                throw new SchemaSyncException(SchemaSyncException.Code.DATABASE, "Schema Sync compares declarations"
                        + " by letting PostgreSQL create them as temporary tables in a transaction it always rolls"
                        + " back, and this session cannot: " + Savepoints.firstLine(batchFailed.getMessage())
                        + " (connect to the primary, with a role that has the TEMPORARY privilege)", batchFailed);
            }
            for (String sql : prerequisites) {
                String error = Savepoints.attempt(connection, sql);
                if (error != null) problems.add(sql + ": " + error);
            }
            ShadowDiagnosis.diagnose(connection, groups.stream().flatMap(List::stream).toList(), declaredColumns, partitions, problems);
            return;
        }
        String tempSchema = Savepoints.tempSchema(connection);
        Catalog shadowCatalog = CatalogReader.read(connection, Set.of(tempSchema));
        for (List<Shadow> group : groups) {
            String shadowName = group.get(0).shadowName;
            Table t = shadowCatalog.tables().get(new QualifiedName(tempSchema, shadowName));
            for (Shadow s : group) {
                readShadow(catalog, s, t, columns, checks, checkColumns, triggers, policies);
                partitions.read(shadowCatalog, tempSchema, s.table, shadowName);
            }
        }
        for (Index i : shadowCatalog.indexes().values()) {
            List<QualifiedName> declaredNames = indexShadowNames.get(i.name().name());
            if (declaredNames != null) declaredNames.forEach(name -> indexes.put(name, i.definition()));
        }
    }

    /** One declared table's shapes, from the shadow built for it (or for a table of the same shape). */
    private static void readShadow(Catalog catalog, Shadow s, Table t, Map<QualifiedName, Map<String, Column>> columns,
                                   Map<QualifiedName, Map<String, String>> checks,
                                   Map<QualifiedName, Map<String, List<String>>> checkColumns,
                                   Map<QualifiedName, Map<String, String>> triggers,
                                   Map<QualifiedName, Map<String, Table.Policy>> policies) {
        Map<String, Column> byName = new HashMap<>();
        for (Column c : t.columns()) {
            ColumnSpec spec = s.declaredSpecs.get(c.name());
            if (spec == null) continue;
            // Identity columns are NOT NULL in PostgreSQL; ColumnSpec already says so.
            byName.put(c.name(), new Column(c.name(), c.type(), spec.notNull(),
                    spec.serial() ? serialDefault(catalog, s.table, c.name()) : c.defaultExpr(), c.identity(),
                    spec.comment(), c.generated(), c.collation(), c.virtual()));
        }
        LineageShapes.read(s, t, byName);
        columns.put(s.table, byName);
        Map<String, String> checkTexts = new HashMap<>();
        Map<String, List<String>> columnsOfChecks = new HashMap<>();
        for (schemasync.catalog.Constraint c : t.constraints()) {
            if (c.kind() == schemasync.catalog.Constraint.Kind.CHECK || c.kind() == schemasync.catalog.Constraint.Kind.EXCLUSION)
                checkTexts.put(c.name(), c.check());
            // The columns PostgreSQL records for the CHECK (conkey): what the plan's replay of DROP COLUMN reads.
            if (c.kind() == schemasync.catalog.Constraint.Kind.CHECK) columnsOfChecks.put(c.name(), c.columns());
        }
        checks.put(s.table, checkTexts);
        if (!columnsOfChecks.isEmpty()) checkColumns.put(s.table, columnsOfChecks); // as ShadowShortcut leaves a table without CHECKs
        Map<String, String> triggerTexts = new HashMap<>();
        for (Table.Trigger g : t.triggers()) triggerTexts.put(g.name(), g.definition());
        triggers.put(s.table, triggerTexts);
        Map<String, Table.Policy> policyShapes = new HashMap<>();
        for (Table.Policy p : t.policies()) policyShapes.put(p.name(), p);
        policies.put(s.table, policyShapes);
    }

    /**
     * A serial column's default names a sequence PostgreSQL chose when it created the column (the
     * shadow's would be a temporary one): any nextval() default the database already has counts as
     * the declared one; otherwise a placeholder that matches nothing, so the difference is reported.
     */
    private static String serialDefault(Catalog catalog, QualifiedName table, String column) {
        Table existing = catalog.tables().get(table);
        String actual = existing == null ? null : existing.column(column).map(Column::defaultExpr).orElse(null);
        return actual != null && actual.startsWith("nextval(") ? actual : "nextval(<sequence owned by the column>)";
    }

}
