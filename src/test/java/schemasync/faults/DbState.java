package schemasync.faults;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a run could change, read independently of the tool's own catalog reader: schemas,
 * relations (with validity of indexes and ACLs), columns with defaults, constraints, types, functions,
 * comments, policies and triggers of user schemas. Two states are equal when nothing changed.
 */
final class DbState {
    private static final String USER_SCHEMA = "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'"
            + " AND n.nspname NOT LIKE 'pg_temp%'";
    private static final String SQL = String.join("\nUNION ALL\n",
            "SELECT 'schema ' || n.nspname || ' ' || coalesce(n.nspacl::text, '') FROM pg_namespace n WHERE " + USER_SCHEMA,
            "SELECT 'rel ' || n.nspname || '.' || c.relname || ' ' || c.relkind::text || ' ' || coalesce(c.relacl::text, '')"
                    + " || coalesce(' ' || pg_get_indexdef(c.oid) || ' valid=' || i.indisvalid::text, '')"
                    + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_index i ON i.indexrelid = c.oid WHERE " + USER_SCHEMA,
            "SELECT 'col ' || n.nspname || '.' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)"
                    + " || ' ' || a.attnotnull::text || ' ' || coalesce(pg_get_expr(d.adbin, d.adrelid), '')"
                    + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                    + " WHERE a.attnum > 0 AND NOT a.attisdropped AND " + USER_SCHEMA,
            "SELECT 'con ' || n.nspname || '.' || co.conname || ' ' || pg_get_constraintdef(co.oid) || ' ' || co.convalidated::text"
                    + " FROM pg_constraint co JOIN pg_namespace n ON n.oid = co.connamespace WHERE " + USER_SCHEMA,
            "SELECT 'type ' || n.nspname || '.' || t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                    + " WHERE t.typtype IN ('e', 'd', 'r', 'm') AND " + USER_SCHEMA,
            "SELECT 'fn ' || n.nspname || '.' || p.proname || ' ' || md5(p.prosrc) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                    + " WHERE " + USER_SCHEMA,
            "SELECT 'trigger ' || t.tgname || ' ' || t.tgrelid::regclass FROM pg_trigger t WHERE NOT t.tgisinternal",
            "SELECT 'policy ' || p.polname || ' ' || p.polrelid::regclass FROM pg_policy p",
            "SELECT 'comment ' || d.classoid::regclass || ' ' || d.objsubid::text || ' ' || d.description FROM pg_description d"
                    + " JOIN pg_class c ON c.oid = d.objoid AND d.classoid = 'pg_class'::regclass JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_SCHEMA,
            "SELECT 'extension ' || extname FROM pg_extension");

    private DbState() {
    }

    static List<String> of(Connection c) throws SQLException {
        List<String> lines = new ArrayList<>();
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(true);
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT x FROM (" + SQL + ") s(x) ORDER BY 1")) {
            while (rs.next()) lines.add(rs.getString(1));
        } finally {
            c.setAutoCommit(auto);
        }
        return lines;
    }
}
