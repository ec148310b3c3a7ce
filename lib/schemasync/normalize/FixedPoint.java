package schemasync.normalize;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import schemasync.catalog.Catalog;
import schemasync.catalog.Constraint;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Table;
import schemasync.render.SqlRenderer;

/**
 * CHECK expressions compared at their fixed point. {@code pg_get_constraintdef} prints the stored
 * expression tree; parsing that text again does not always store the same tree. The classic case: a
 * {@code varchar} column tested with {@code IN ('a', 'b')} is stored as {@code (col)::text = ANY
 * ((ARRAY['a'::varchar, 'b'::varchar])::text[])}, and that text, parsed again, casts each element
 * instead: {@code ANY (ARRAY[('a'::varchar)::text, …])}. Both mean the same; a re-printed text is
 * stable from then on. So when the declared side (always spelled by PostgreSQL from the declaration)
 * and the database differ, the database's text is parsed and printed once more, on a temporary copy
 * of the table's columns in a transaction that is rolled back; equal then means equal.
 */
public final class FixedPoint {
    private FixedPoint() {
    }

    /**
     * Declared CHECK texts ({@code table → name → CHECK (…)}) that differ from the database's only
     * before the fixed point are replaced by the database's text, so the planner sees no difference.
     * The connection is left with its transaction rolled back.
     */
    static void settleDeclaredChecks(Connection connection, Catalog catalog, Map<QualifiedName, Map<String, String>> declared)
            throws SQLException {
        for (Map.Entry<QualifiedName, Map<String, String>> e : declared.entrySet()) {
            Table table = catalog.tables().get(e.getKey());
            if (table == null) continue;
            Map<String, String> differing = differingChecks(table, e.getValue());
            if (differing.isEmpty()) continue;
            Map<String, String> reparsed = reparse(connection, table.name(), differing);
            reparsed.forEach((name, text) -> {
                if (text.equals(e.getValue().get(name))) e.getValue().put(name, differing.get(name));
            });
        }
    }

    /**
     * {@code have} with each CHECK whose text differs from the same-named CHECK in {@code want} only
     * before the fixed point given {@code want}'s text; {@code connection} holds {@code want}'s tables.
     */
    public static Catalog settleChecks(Connection connection, Catalog have, Catalog want) throws SQLException {
        Map<QualifiedName, Table> tables = new HashMap<>(have.tables());
        boolean changed = false;
        for (Table h : have.tables().values()) {
            Table w = want.tables().get(h.name());
            if (w == null) continue;
            Map<String, String> wanted = new HashMap<>();
            for (Constraint c : w.constraints()) if (c.kind() == Constraint.Kind.CHECK) wanted.put(c.name(), c.check());
            Map<String, String> differing = differingChecks(h, wanted);
            if (differing.isEmpty()) continue;
            Map<String, String> reparsed = reparse(connection, w.name(), differing);
            List<Constraint> constraints = new ArrayList<>();
            for (Constraint c : h.constraints()) {
                String text = reparsed.get(c.name());
                if (text != null && text.equals(wanted.get(c.name()))) {
                    c = new Constraint(c.name(), c.kind(), c.columns(), text, c.foreignKey(), c.nullsNotDistinct(), c.validated(),
                            c.validated() ? text : text + " NOT VALID", c.keyOptions(), c.notEnforced());
                    changed = true;
                }
                constraints.add(c);
            }
            tables.put(h.name(), h.withConstraints(constraints));
        }
        return changed ? have.withTables(tables) : have;
    }

    /** The table's CHECKs whose text differs from the wanted text of the same name: name → the table's text. */
    private static Map<String, String> differingChecks(Table table, Map<String, String> wanted) {
        Map<String, String> differing = new LinkedHashMap<>();
        for (Constraint c : table.constraints()) {
            String want = wanted.get(c.name());
            if (c.kind() == Constraint.Kind.CHECK && want != null && !want.equals(c.check())) differing.put(c.name(), c.check());
        }
        return differing;
    }

    /**
     * Each CHECK text added to a temporary table with {@code table}'s columns and printed again;
     * names whose text PostgreSQL refuses there (a function not yet created, say) are left out.
     */
    private static Map<String, String> reparse(Connection connection, QualifiedName table, Map<String, String> checks)
            throws SQLException {
        Map<String, String> out = new HashMap<>();
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            st.execute(org.jooq.impl.DSL.using(org.jooq.SQLDialect.POSTGRES).render(org.jooq.impl.DSL.query(
                    "CREATE TEMPORARY TABLE schema_sync_fixed_point (LIKE {0}) ON COMMIT DROP", SqlRenderer.name(table))));
            int n = 0;
            for (Map.Entry<String, String> c : checks.entrySet()) {
                String name = "fixed_point_" + n++;
                st.execute("SAVEPOINT fixed_point");
                try {
                    st.execute("ALTER TABLE pg_temp.schema_sync_fixed_point ADD CONSTRAINT " + name + " " + c.getValue());
                    st.execute("RELEASE SAVEPOINT fixed_point");
                } catch (SQLException refused) {
                    st.execute("ROLLBACK TO SAVEPOINT fixed_point");
                    continue;
                }
                // Spelled as the catalog reader spells a CHECK (TableSql.constraints): from pg_get_expr and connoinherit.
                try (PreparedStatement ps = connection.prepareStatement("SELECT 'CHECK (' || pg_catalog.pg_get_expr(conbin, conrelid)"
                        + " || ')' || CASE WHEN connoinherit THEN ' NO INHERIT' ELSE '' END FROM pg_catalog.pg_constraint"
                        + " WHERE conrelid = 'pg_temp.schema_sync_fixed_point'::regclass AND conname = ?")) {
                    ps.setString(1, name);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) out.put(c.getKey(), rs.getString(1));
                    }
                }
            }
        } catch (SQLException cannot) {
            // No temporary tables for this role, or the table's columns cannot be copied: compare as printed.
            return Map.of();
        } finally {
            connection.rollback();
            connection.setAutoCommit(auto);
        }
        return out;
    }
}
