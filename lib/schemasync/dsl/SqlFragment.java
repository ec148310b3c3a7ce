package schemasync.dsl;

/**
 * Checks that an SQL fragment a block writes in place of an expression or a type (a default, a CHECK,
 * an index key or predicate, a trigger's WHEN, a policy's USING) is one fragment and nothing more. These
 * fragments are spliced into DDL, and pgjdbc sends a string with several statements as several
 * statements: a default of {@code 0); DROP TABLE users; --} would otherwise run the DROP inside the
 * apply (or the normalizer's probe). Outside string literals, quoted identifiers and dollar quotes, a
 * fragment may hold no semicolon, no comment (which could swallow the rest of the statement) and no
 * closing parenthesis without its opening one.
 */
final class SqlFragment {
    private SqlFragment() {
    }

    /** Why {@code sql} is not a single fragment, or null when it is (or is absent). */
    static String problem(String sql) {
        if (sql == null) return null;
        int depth = 0;
        int n = sql.length();
        for (int i = 0; i < n; i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                boolean escapes = i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e');
                i = endOfQuoted(sql, i, '\'', escapes);
                if (i < 0) return "has an unterminated string literal";
            } else if (c == '"') {
                i = endOfQuoted(sql, i, '"', false);
                if (i < 0) return "has an unterminated quoted identifier";
            } else if (c == '$' && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)) && sql.charAt(i - 1) != '_')) {
                int close = sql.indexOf('$', i + 1);
                String tag = close < 0 ? null : sql.substring(i, close + 1);
                if (tag != null && tag.matches("\\$[A-Za-z_]?[A-Za-z_0-9]*\\$")) {
                    int end = sql.indexOf(tag, close + 1);
                    if (end < 0) return "has an unterminated dollar-quoted string";
                    i = end + tag.length() - 1;
                }
            } else if (c == ';') {
                return "contains a semicolon: it must be one SQL expression, not statements";
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-' || c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                return "contains an SQL comment, which could hide the rest of the statement";
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth < 0) {
                return "closes a parenthesis it did not open";
            }
        }
        return depth > 0 ? "leaves a parenthesis open" : null;
    }

    /** Index of the closing quote, doubled quotes (and backslash escapes in E'') skipped; -1 if none. */
    private static int endOfQuoted(String sql, int open, char quote, boolean backslashEscapes) {
        for (int i = open + 1; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i++;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) i++;
                else return i;
            }
        }
        return -1;
    }
}
