package schemasync.normalize;

import schemasync.dsl.AccessDecl;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.jooq.impl.DSL;
import schemasync.catalog.ColumnSpec;
import schemasync.dsl.Declaration;
import schemasync.dsl.Declaration.IndexDecl;
import schemasync.render.SqlRenderer;

/** When PostgreSQL rejects a chunk of shadows: which declaration it rejects, and why, in its words. */
final class ShadowDiagnosis {
    private ShadowDiagnosis() {
    }

    /**
     * The chunk failed as a whole: find each culprit with savepoints, column by column, so the
     * message names the declaration and quotes PostgreSQL's reason.
     */
    static void diagnose(Connection connection, List<Shadow> chunk, Map<String, String> origins,
                                 PartitionShapes partitions, List<String> problems) throws SQLException {
        for (Shadow s : chunk) {
            String shadowError = Savepoints.attempt(connection, s.createSql());
            if (shadowError == null) {
                for (PartitionShapes.Twin twin : partitions.twins(s.table, s.shadowName)) {
                    String error = Savepoints.attempt(connection, twin.sql());
                    if (error != null) problems.add(twin.partition().origin() + ": partition " + twin.partition().name() + " of "
                            + twin.partition().parent() + " " + twin.partition().bound() + ": " + error);
                }
                for (AccessDecl.PolicyDecl p : s.policies) {
                    String error = Savepoints.attempt(connection, SqlRenderer.policy(p.policy(), DSL.name("pg_temp", s.shadowName), false));
                    if (error != null) problems.add(p.origin() + ": policy " + p.name() + " on " + p.table() + ": " + error);
                }
                for (Declaration.TriggerDecl g : s.triggers) {
                    String error = Savepoints.attempt(connection, SqlRenderer.createTrigger(g.spec(), DSL.name("pg_temp", s.shadowName)));
                    if (error != null) problems.add(g.origin() + ": trigger " + g.name() + " on " + g.table() + ": " + error);
                }
                for (IndexDecl i : s.indexes) {
                    String probeName = s.shadowName + "_probe" + (s.indexes.indexOf(i) + 1);
                    String error = Savepoints.attempt(connection, SqlRenderer.createIndex(probeName,
                            DSL.name("pg_temp", s.shadowName), i.spec()));
                    if (error != null) problems.add(i.origin() + ": index " + i.name() + ": " + error);
                }
                continue;
            }
            int n = 0;
            int before = problems.size();
            // A plain column is tried alone (its type, default or collation can fail only by itself). A generated
            // column can name only plain columns of its table (PostgreSQL refuses one over another generated column),
            // so it is tried beside the plain ones that passed: alone it would fail for "column ... does not exist".
            List<ColumnSpec> plainThatPassed = new java.util.ArrayList<>();
            for (boolean generated : new boolean[] {false, true}) {
                for (ColumnSpec c : s.columns.values()) {
                    if ((c.generatedSql() != null) != generated) continue;
                    List<ColumnSpec> tried = new java.util.ArrayList<>(generated ? plainThatPassed : List.of());
                    tried.add(c);
                    String error = Savepoints.attempt(connection, SqlRenderer.createTable(
                            DSL.name("pg_temp", s.shadowName + "_c" + (++n)), tried, List.of()));
                    if (error == null) {
                        if (!generated) plainThatPassed.add(c);
                        continue;
                    }
                    String block = origins.getOrDefault(Normalizer.key(s.table, c.name()), "database");
                    problems.add(block + ": column " + s.table + "." + c.name() + " " + c.describe() + ": " + error);
                }
            }
            if (problems.size() > before) continue;
            // The columns are fine: a CHECK expression is the culprit.
            for (schemasync.catalog.ConstraintSpec check : s.checks) {
                String error = Savepoints.attempt(connection, SqlRenderer.createTable(DSL.name("pg_temp", s.shadowName + "_k" + (++n)),
                        List.copyOf(s.columns.values()), List.of(), List.of(check)));
                if (error != null) {
                    String block = origins.getOrDefault(Normalizer.key(s.table, ""), "declaration");
                    problems.add(block + ": " + (check.kind() == schemasync.catalog.Constraint.Kind.EXCLUSION ? "exclusion" : "check")
                            + " constraint " + s.table + "." + check.name() + ": " + error);
                }
            }
            if (problems.size() == before) {
                // Columns and checks are fine on their own: the partition key is the culprit.
                problems.add(origins.getOrDefault(Normalizer.key(s.table, ""), "declaration") + ": table " + s.table
                        + (s.partitionBy == null ? "" : " PARTITION BY " + s.partitionBy) + ": " + shadowError);
            }
        }
    }


    /** read_only_sql_transaction (a hot standby), or no TEMPORARY privilege on the database. */
    static boolean cannotUseTemporaryTables(SQLException e) {
        return "25006".equals(e.getSQLState())
                || "42501".equals(e.getSQLState()) && String.valueOf(e.getMessage()).contains("temporary");
    }

}
