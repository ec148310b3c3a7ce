package schemasync.catalog;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identifiers inside SQL text (index expressions, CHECK and WHERE clauses): how PostgreSQL spells
 * one, and replacing one by another while leaving string literals, other quoted names and
 * qualified names ({@code t.col}) alone. Used where a rename must be carried into SQL a block wrote.
 */
public final class SqlText {
    /** SQL tokens: a string literal, a quoted identifier (group 1), a bare word (group 2), anything else. */
    private static final Pattern TOKEN =
            Pattern.compile("'(?:[^']|'')*'|\"((?:[^\"]|\"\")*)\"|([A-Za-z_][A-Za-z0-9_$]*)|.", Pattern.DOTALL);

    private SqlText() {
    }

    /** A SQL string literal, quotes doubled (standard_conforming_strings is on in every supported version). */
    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** How PostgreSQL's quote_ident spells an identifier: {@link schemasync.model.Identifiers#quote}. */
    public static String quoteIdent(String name) {
        return schemasync.model.Identifiers.quote(name);
    }

    /**
     * A {@code name=value} storage or operator class parameter as ruleutils prints it in WITH (...) or after an operator
     * class (get_reloptions): the name quote_ident'ed, the value bare when quote_ident would leave it bare, else a literal.
     */
    public static String reloption(String option) {
        int eq = option.indexOf('=');
        String value = option.substring(eq + 1);
        return quoteIdent(option.substring(0, eq)) + "=" + (schemasync.model.Identifiers.isPlain(value) ? value : literal(value));
    }

    /** {@code sql} with every unqualified reference to identifier {@code from} replaced by {@code replacement}. */
    public static String replaceIdentifier(String sql, String from, String replacement) {
        if (sql == null) return null;
        StringBuilder out = new StringBuilder();
        Matcher m = TOKEN.matcher(sql);
        while (m.find()) {
            boolean qualified = m.start() > 0 && sql.charAt(m.start() - 1) == '.';
            boolean names = m.group(1) != null ? m.group(1).replace("\"\"", "\"").equals(from)
                    : m.group(2) != null && m.group(2).toLowerCase(Locale.ROOT).equals(from);
            out.append(names && !qualified ? replacement : m.group());
        }
        return out.toString();
    }

    /** Whether {@code sql} refers to identifier {@code name} (unqualified). */
    public static boolean mentions(String sql, String name) {
        return sql != null && !replaceIdentifier(sql, name, "\0").equals(sql);
    }

    /** Index of the parenthesis closing the one at {@code open}, skipping quoted text; -1 if none. */
    public static int closingParenthesis(String sql, int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
