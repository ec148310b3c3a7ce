package schemasync.model;

import java.util.Set;

/**
 * The one rule for what a plain identifier is: the one PostgreSQL's quote_ident (ruleutils'
 * quote_identifier) applies when it prints a name in pg_get_indexdef, pg_get_constraintdef and the
 * other catalog functions. A name is printed bare when it is lower-case letters, digits and
 * underscores, not starting with a digit, and not a keyword a bare name cannot be (every category but
 * UNRESERVED_KEYWORD); any other name is double-quoted, inner quotes doubled.
 */
public final class Identifiers {
    /**
     * RESERVED, COL_NAME and TYPE_FUNC_NAME keywords of PostgreSQL 13 to 18 (kwlist.h), the union:
     * quoting a name one server version would print bare costs nothing in SQL we send, and IdentifiersTest
     * checks the list against pg_get_keywords() of the test server.
     */
    private static final Set<String> KEYWORDS = Set.of(
            // RESERVED_KEYWORD
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case", "cast",
            "check", "collate", "column", "constraint", "create", "current_catalog", "current_date", "current_role",
            "current_time", "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do",
            "else", "end", "except", "false", "fetch", "for", "foreign", "from", "grant", "group", "having", "in",
            "initially", "intersect", "into", "lateral", "leading", "limit", "localtime", "localtimestamp", "not",
            "null", "offset", "on", "only", "or", "order", "placing", "primary", "references", "returning", "select",
            "session_user", "some", "symmetric", "system_user", "table", "then", "to", "trailing", "true", "union",
            "unique", "user", "using", "variadic", "when", "where", "window", "with",
            // COL_NAME_KEYWORD
            "between", "bigint", "bit", "boolean", "char", "character", "coalesce", "dec", "decimal", "exists",
            "extract", "float", "greatest", "grouping", "inout", "int", "integer", "interval", "json", "json_array",
            "json_arrayagg", "json_exists", "json_object", "json_objectagg", "json_query", "json_scalar",
            "json_serialize", "json_table", "json_value", "least", "merge_action", "national", "nchar", "none",
            "normalize", "nullif", "numeric", "out", "overlay", "position", "precision", "real", "row", "setof",
            "smallint", "substring", "time", "timestamp", "treat", "trim", "values", "varchar", "xmlattributes",
            "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot",
            "xmlserialize", "xmltable",
            // TYPE_FUNC_NAME_KEYWORD
            "authorization", "binary", "collation", "concurrently", "cross", "current_schema", "freeze", "full",
            "ilike", "inner", "is", "isnull", "join", "left", "like", "natural", "notnull", "outer", "overlaps",
            "right", "similar", "tablesample", "verbose");

    private Identifiers() {
    }

    /** True when PostgreSQL prints {@code name} without quotes. */
    public static boolean isPlain(String name) {
        if (name == null || name.isEmpty()) return false;
        char first = name.charAt(0);
        if (!(first >= 'a' && first <= 'z' || first == '_')) return false;
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) return false;
        }
        return !KEYWORDS.contains(name);
    }

    /** {@code name} as quote_ident spells it: bare when plain, else in double quotes with inner quotes doubled. */
    public static String quote(String name) {
        return isPlain(name) ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /**
     * The name a quote_ident'ed identifier spells (an aclitem's role, an operator's function as the catalog prints
     * them): the inside of double quotes with doubled quotes undone; a bare name is its own spelling (PostgreSQL prints
     * bare only names that need no folding), surrounding spaces aside.
     */
    public static String unquote(String printed) {
        String n = printed.strip();
        return n.length() > 1 && n.startsWith("\"") && n.endsWith("\"") ? n.substring(1, n.length() - 1).replace("\"\"", "\"") : n;
    }

    /**
     * The names a dotted SQL name spells ({@code audit."Stamp"}, {@code "my.schema"."a""b"}), as PostgreSQL's scanner
     * reads them: a quoted part is its inside with doubled quotes undone (a dot inside quotes is part of the name), a
     * bare part folds to lower case (ASCII only, as under UTF8). Empty when the text is not a dotted name.
     */
    public static java.util.List<String> splitQualified(String text) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        String s = text == null ? "" : text.strip();
        int i = 0;
        while (true) {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
            if (i >= s.length()) return java.util.List.of();
            StringBuilder part = new StringBuilder();
            if (s.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= s.length()) return java.util.List.of(); // unterminated quote
                    char c = s.charAt(i++);
                    if (c != '"') part.append(c);
                    else if (i < s.length() && s.charAt(i) == '"') part.append(s.charAt(i++));
                    else break;
                }
                if (part.isEmpty()) return java.util.List.of(); // "" is no name in PostgreSQL
            } else {
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '$')) {
                    char c = s.charAt(i++);
                    part.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
                }
                if (part.isEmpty() || Character.isDigit(part.charAt(0)) || part.charAt(0) == '$') return java.util.List.of();
            }
            parts.add(part.toString());
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
            if (i == s.length()) return java.util.List.copyOf(parts);
            if (s.charAt(i++) != '.') return java.util.List.of();
        }
    }

    /** Whether {@code word} is a keyword that a bare name cannot be (for the test against the server's list). */
    static boolean isKeyword(String word) {
        return KEYWORDS.contains(word);
    }
}
