package schemasync.normalize;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import schemasync.catalog.Catalog;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Rule;
import schemasync.catalog.Statistics;
import schemasync.dsl.DeclaredSchema;
import schemasync.dsl.StatisticsRuleDecl;
import schemasync.step.StatisticsRuleSteps;
import schemasync.render.SqlRenderer;

/**
 * Declared rules and statistics expressions at their fixed point: PostgreSQL parses and re-prints them, so
 * {@code ON INSERT TO t DO INSTEAD NOTHING} compares equal to pg_get_ruledef's {@code ON INSERT TO public.t DO
 * INSTEAD NOTHING}. Only objects that exist and whose declared text reads otherwise than the catalog's are asked
 * (most runs send nothing): the rule is replaced, or the statistics created under a scratch name, in a
 * transaction that is always rolled back, under a short lock_timeout (CREATE RULE locks the table ACCESS
 * EXCLUSIVE until the rollback). What PostgreSQL refuses is a problem naming the block.
 */
final class StatisticsRuleShapes {
    private StatisticsRuleShapes() {
    }

    /** Requires auto-commit off and no open transaction; leaves none open. */
    static DeclaredShapes.Types settle(Connection connection, Catalog catalog, DeclaredSchema declared, List<String> problems,
                                       DeclaredShapes.Types types) throws SQLException {
        Map<StatisticsRuleDecl.RuleDecl, Rule> rules = new java.util.LinkedHashMap<>();
        Map<StatisticsRuleDecl.StatisticsDecl, QualifiedName> statistics = new java.util.LinkedHashMap<>();
        List<schemasync.dsl.Declaration> all = declared.declarations();
        CurrentTables current = new CurrentTables(all, catalog);
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) instanceof StatisticsRuleDecl.RuleDecl r) {
                // On the table's name in the database: a later block's rename of it may have run already.
                Rule spelledOn = r.rule().onTable(current.at(i, r.table()));
                Rule have = catalog.rules().get(spelledOn.key());
                if (have != null && !have.definition().equals(spelledOn.definition())) rules.put(r, spelledOn);
            } else if (all.get(i) instanceof StatisticsRuleDecl.StatisticsDecl s && s.table() != null) {
                Statistics have = catalog.statistics().get(s.name());
                if (have != null && !s.statistics().expressions().isEmpty()
                        && !have.expressions().equals(s.statistics().expressions())) statistics.put(s, current.at(i, s.table()));
            }
        }
        if (rules.isEmpty() && statistics.isEmpty()) return types;
        Map<String, String> ruleTexts = new HashMap<>();
        Map<QualifiedName, List<String>> expressions = new HashMap<>();
        try (Statement st = connection.createStatement()) {
            st.execute("SET TRANSACTION READ WRITE");
            st.execute("SET LOCAL lock_timeout = '5s'");
            List<StatisticsRuleDecl.RuleDecl> replaced = new ArrayList<>();
            for (Map.Entry<StatisticsRuleDecl.RuleDecl, Rule> e : rules.entrySet()) {
                StatisticsRuleDecl.RuleDecl r = e.getKey();
                String error = tryStatement(connection, st, SqlRenderer.render(new StatisticsRuleSteps.CreateRule(e.getValue(), true)));
                if (error == null) replaced.add(r);
                else problems.add(r.origin().blockId() + ": rule " + r.name() + " on " + r.table() + ": " + error);
            }
            Map<QualifiedName, StatisticsRuleDecl.StatisticsDecl> scratch = new HashMap<>();
            for (Map.Entry<StatisticsRuleDecl.StatisticsDecl, QualifiedName> e : statistics.entrySet()) {
                StatisticsRuleDecl.StatisticsDecl s = e.getKey();
                Statistics want = s.statistics();
                QualifiedName twin = want.name().sibling("schema_sync_stx_" + (scratch.size() + 1));
                String error = tryStatement(connection, st, SqlRenderer.render(new StatisticsRuleSteps.CreateStatistics(
                        new Statistics(twin, e.getValue(), want.kinds(), want.columns(), want.expressions(), null))));
                if (error == null) scratch.put(twin, s);
                else problems.add(s.origin().blockId() + ": statistics " + s.name() + ": " + error);
            }
            // Read as the catalog reader reads: names qualified the same way whoever runs the tool.
            st.execute("SET LOCAL search_path = pg_catalog, pg_temp");
            for (StatisticsRuleDecl.RuleDecl r : replaced) ruleTexts.put(r.rule().key(), ruleText(connection, rules.get(r)));
            for (Map.Entry<QualifiedName, StatisticsRuleDecl.StatisticsDecl> e : scratch.entrySet()) {
                expressions.put(e.getValue().name(), expressions(connection, e.getKey()));
            }
        } finally {
            connection.rollback();
        }
        DeclaredShapes.Kinds kinds = types.kinds().withStatisticsAndRules(ruleTexts, expressions);
        return new DeclaredShapes.Types(types.domains(), types.composites(), types.sequences(), types.routineArguments(), kinds);
    }

    private static String ruleText(Connection connection, Rule r) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT substr(pg_catalog.pg_get_ruledef(r.oid),"
                + " length('CREATE RULE ' || pg_catalog.quote_ident(r.rulename) || ' AS') + 1) FROM pg_catalog.pg_rewrite r"
                + " JOIN pg_catalog.pg_class c ON c.oid = r.ev_class JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relname = ? AND r.rulename = ?")) {
            ps.setString(1, r.table().schema());
            ps.setString(2, r.table().name());
            ps.setString(3, r.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Rule(r.table(), r.name(), rs.getString(1)).definition() : null;
            }
        }
    }

    private static List<String> expressions(Connection connection, QualifiedName twin) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_catalog.pg_get_statisticsobjdef_expressions(s.oid)"
                + " FROM pg_catalog.pg_statistic_ext s JOIN pg_catalog.pg_namespace n ON n.oid = s.stxnamespace"
                + " WHERE n.nspname = ? AND s.stxname = ?")) {
            ps.setString(1, twin.schema());
            ps.setString(2, twin.name());
            try (ResultSet rs = ps.executeQuery()) {
                Array a = rs.next() ? rs.getArray(1) : null;
                return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
            }
        }
    }

    /** Runs one statement under a savepoint; returns PostgreSQL's message (first line) or null. */
    private static String tryStatement(Connection connection, Statement st, String sql) throws SQLException {
        Savepoint sp = connection.setSavepoint();
        try {
            st.execute(sql);
            connection.releaseSavepoint(sp);
            return null;
        } catch (SQLException e) {
            connection.rollback(sp);
            return e.getMessage() == null ? "error" : e.getMessage().lines().findFirst().orElse("error");
        }
    }

    /**
     * A declared table's name in the database when a position runs, through the later blocks' renames (the fold's
     * {@code DesiredState.currentTable}), folded only when a declaration names a table the catalog lacks.
     */
    private static final class CurrentTables {
        private final List<schemasync.dsl.Declaration> all;
        private final Catalog catalog;
        private schemasync.dsl.DesiredState fold;

        CurrentTables(List<schemasync.dsl.Declaration> all, Catalog catalog) {
            this.all = all;
            this.catalog = catalog;
        }

        QualifiedName at(int position, QualifiedName table) {
            if (catalog.tables().containsKey(table) || catalog.views().containsKey(table)) return table;
            if (fold == null) fold = schemasync.dsl.DesiredState.fold(all, catalog);
            return fold.currentTable(position, table);
        }
    }
}
