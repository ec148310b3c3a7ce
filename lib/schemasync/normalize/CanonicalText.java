package schemasync.normalize;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import schemasync.catalog.Column;
import schemasync.catalog.Index;
import schemasync.catalog.ColumnSpec;
import schemasync.dsl.Declaration.IndexDecl;
import schemasync.catalog.KeyPart;

/**
 * The shortcut that spares the every-deploy run its shadow tables: a declaration already written
 * the way the catalog spells the existing object needs no server normalization, because PostgreSQL's
 * canonical text ({@code format_type}, {@code pg_get_expr}, {@code pg_get_indexdef}) parses back to
 * the same object and so re-normalizes to itself (pg_dump relies on it). The test is textual
 * equality and nothing looser: a declaration that differs in any way, or that this class cannot
 * spell with certainty, returns null and goes through the shadow tables as before. The only
 * rewriting done here is the fixed set of built-in type aliases below, which the PostgreSQL grammar
 * maps to one pg_catalog type whatever the search_path ({@code int4} and {@code integer} are the
 * same type, {@code varchar(n)} is {@code character varying(n)}); NormalizationShortcutTest checks
 * every alias against format_type on the server.
 */
final class CanonicalText {

    private CanonicalText() {
    }

    /** Built-in aliases, lower case, to format_type's spelling. Anything else is compared as written. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("integer", "integer"),
            Map.entry("int8", "bigint"), Map.entry("bigint", "bigint"),
            Map.entry("int2", "smallint"), Map.entry("smallint", "smallint"),
            Map.entry("float8", "double precision"), Map.entry("double precision", "double precision"),
            Map.entry("float", "double precision"),
            Map.entry("float4", "real"), Map.entry("real", "real"),
            Map.entry("bool", "boolean"), Map.entry("boolean", "boolean"),
            Map.entry("varchar", "character varying"), Map.entry("character varying", "character varying"),
            Map.entry("decimal", "numeric"), Map.entry("numeric", "numeric"),
            Map.entry("timestamptz", "timestamp with time zone"),
            Map.entry("timestamp with time zone", "timestamp with time zone"),
            Map.entry("timestamp", "timestamp without time zone"),
            Map.entry("timestamp without time zone", "timestamp without time zone"),
            Map.entry("timetz", "time with time zone"), Map.entry("time with time zone", "time with time zone"),
            Map.entry("time", "time without time zone"), Map.entry("time without time zone", "time without time zone"));

    private static final Pattern LENGTH = Pattern.compile("(varchar|character varying|char|character)\\s*\\(\\s*(\\d+)\\s*\\)");
    private static final Pattern NUMERIC = Pattern.compile("(numeric|decimal)\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");
    private static final Pattern PRECISION = Pattern.compile(
            "(timestamptz|timestamp|timetz|time)\\s*\\(\\s*(\\d)\\s*\\)(\\s+(with|without) time zone)?");

    /**
     * A declared type in format_type's spelling when it is a built-in alias, else the text as written
     * (lower-cased when unquoted, as PostgreSQL folds it). Array brackets become one {@code []}, as
     * format_type prints them (PostgreSQL ignores declared bounds and dimensions).
     */
    static String type(String declared) {
        if (declared == null) return "";
        // A pure function of the text, asked once per declared column: remembered (a schema spells
        // its types a few dozen ways at most).
        String known = TYPES.get(declared);
        if (known != null) return known;
        String canonical = spell(declared);
        if (TYPES.size() < 10_000) TYPES.put(declared, canonical);
        return canonical;
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, String> TYPES = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** One bare word (whether PostgreSQL would quote it is {@link schemasync.model.Identifiers}'s question). */
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Pattern FUNCTION_NAME = Pattern.compile("([a-z_][a-z0-9_]*\\.)?[a-z_][a-z0-9_]*|");

    private static String spell(String declared) {
        String t = SPACES.matcher(declared.strip()).replaceAll(" ");
        if (t.contains("\"")) return t;
        t = t.toLowerCase(Locale.ROOT);
        String arrays = "";
        while (t.endsWith("[]")) { // any number of dimensions: format_type prints one pair
            arrays = "[]";
            t = t.substring(0, t.length() - 2).stripTrailing();
        }
        String alias = ALIASES.get(t);
        if (alias != null) return alias + arrays;
        Matcher m = LENGTH.matcher(t);
        if (m.matches()) {
            return (m.group(1).startsWith("var") || m.group(1).equals("character varying") ? "character varying"
                    : "character") + "(" + m.group(2) + ")" + arrays;
        }
        m = NUMERIC.matcher(t);
        if (m.matches()) return "numeric(" + m.group(2) + "," + (m.group(3) == null ? "0" : m.group(3)) + ")" + arrays;
        m = PRECISION.matcher(t);
        if (m.matches()) {
            boolean time = m.group(1).startsWith("time") && !m.group(1).startsWith("timestamp");
            boolean tz = m.group(1).endsWith("tz") || "with".equals(m.group(4));
            if (m.group(1).endsWith("tz") && m.group(3) != null) return t + arrays; // timestamptz(3) with time zone: invalid, let the server say so
            return (time ? "time" : "timestamp") + "(" + m.group(2) + ") " + (tz ? "with" : "without") + " time zone" + arrays;
        }
        return t + arrays;
    }

    /**
     * The declared column as the catalog reports it, when its type, default and identity are spelled
     * exactly as the existing column's; null otherwise. NOT NULL and the comment come from the
     * declaration, as they do after shadow normalization. Serial columns are never settled here: their
     * default names a sequence PostgreSQL picks.
     */
    static Column column(ColumnSpec spec, Column have) {
        if (have == null || spec.serial() || spec.identity() != have.identity()) return null;
        // Generation expressions and collations are spelled by PostgreSQL only: the shadow decides.
        if (spec.generated() || spec.collation() != null || have.generated() != null || have.collation() != null) return null;
        if (!type(spec.type()).equals(have.type()) || !Objects.equals(spec.defaultSql(), have.defaultExpr())) return null;
        return new Column(have.name(), have.type(), spec.notNull(), have.defaultExpr(), have.identity(), spec.comment());
    }

    /**
     * The existing index's definition when the declaration, spelled as pg_get_indexdef spells it from
     * USING on, is exactly that text; null otherwise. The caller guarantees that the table's declared
     * columns are settled too, so the declaration would be parsed against the very column types the
     * catalog's text was deparsed from.
     */
    static String index(IndexDecl declared, Index have) {
        if (have == null || !have.table().equals(declared.table())) return null;
        StringBuilder s = new StringBuilder("USING ").append(declared.method().amname()).append(" (");
        List<KeyPart> keys = declared.keys();
        for (int k = 0; k < keys.size(); k++) {
            if (k > 0) s.append(", ");
            KeyPart key = keys.get(k);
            String text;
            if (key instanceof KeyPart.ColumnKey c) {
                text = plainIdentifier(c.column());
            } else if (key instanceof KeyPart.ExpressionKey e) {
                // Rendered as ((sql)): the same expression as sql only when sql is one term.
                text = oneTerm(e.sql()) ? e.sql() : null;
            } else if (key instanceof KeyPart.RawKey r) {
                text = safe(r.sql()) ? r.sql() : null; // verbatim in CREATE INDEX, verbatim here
            } else {
                text = null;
            }
            if (text == null) return null;
            s.append(text);
        }
        s.append(')');
        if (!declared.include().isEmpty()) {
            s.append(" INCLUDE (");
            for (int k = 0; k < declared.include().size(); k++) {
                String column = plainIdentifier(declared.include().get(k));
                if (column == null) return null;
                s.append(k > 0 ? ", " : "").append(column);
            }
            s.append(')');
        }
        if (declared.nullsNotDistinct()) s.append(" NULLS NOT DISTINCT");
        if (declared.where() != null) {
            if (!safe(declared.where())) return null;
            s.append(" WHERE (").append(declared.where()).append(')');
        }
        return s.toString().equals(have.definition()) ? have.definition() : null;
    }

    /** A name pg_get_indexdef prints unquoted ({@link schemasync.model.Identifiers}), else null. */
    private static String plainIdentifier(String name) {
        return schemasync.model.Identifiers.isPlain(name) ? name : null;
    }

    /**
     * No quotes, comments, dollar quoting or statement breaks; balanced parentheses; no comma outside
     * them. So the text is one piece of the key list or predicate, and cannot close the list early.
     */
    private static boolean safe(String sql) {
        if (sql == null || sql.isBlank() || sql.contains("'") || sql.contains("\"") || sql.contains("--")
                || sql.contains("/*") || sql.contains(";") || sql.contains("$") || sql.contains("\\")) return false;
        int depth = 0;
        for (char c : sql.toCharArray()) {
            if (c == '(') depth++;
            else if (c == ')' && --depth < 0) return false;
            else if (c == ',' && depth == 0) return false;
        }
        return depth == 0;
    }

    /** A bare name, {@code name(...)} or {@code (...)} whose first parenthesis closes at the very end. */
    private static boolean oneTerm(String sql) {
        if (!safe(sql)) return false;
        if (IDENTIFIER.matcher(sql).matches()) return true;
        int open = sql.indexOf('(');
        if (open < 0 || !sql.endsWith(")") || !FUNCTION_NAME.matcher(sql.substring(0, open)).matches()) {
            return false;
        }
        int depth = 0;
        for (int i = open; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return i == sql.length() - 1;
        }
        return false;
    }
}
