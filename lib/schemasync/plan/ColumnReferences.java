package schemasync.plan;

import java.util.ArrayList;
import java.util.List;
import schemasync.catalog.Constraint;
import schemasync.catalog.Index;
import schemasync.model.Identifiers;

/**
 * Which columns an index or a CHECK constraint uses: what {@code ALTER TABLE ... DROP COLUMN} takes along, since
 * pg_depend ties an index (key, expression, INCLUDE or predicate) and a CHECK to every column it mentions. A CHECK's
 * are its {@link Constraint#columns()}: pg_constraint.conkey, read by the catalog reader for a database's CHECK and
 * for a declared one's normalizer shadow. An index's are read from the text PostgreSQL printed for it
 * ({@code pg_get_indexdef} from USING on): ruleutils prints a column as quote_ident does, so a column is an identifier
 * token that spells the name by {@link Identifiers}: not part of a longer word or of a string literal, not a
 * function's name (followed by "("), not a qualified name's tail (after "."), not a type after "::".
 */
final class ColumnReferences {
    private ColumnReferences() {
    }

    /** Whether the index uses {@code column}; an index without a definition (a key's own, created by the plan) is not known to. */
    static boolean indexUses(Index index, String column) {
        if (index.definition() == null) return false;
        String d = index.definition();
        // "USING btree (...)": the method is no column
        if (d.startsWith("USING ")) d = d.substring(d.indexOf(' ', "USING ".length()) < 0 ? d.length() : d.indexOf(' ', "USING ".length()));
        return columns(d).contains(column);
    }

    /** Whether the CHECK mentions {@code column} (one planned without a normalizer shadow knows no columns: never). */
    static boolean checkUses(Constraint check, String column) {
        return check.columns().contains(column);
    }

    /** The column names {@code sql} mentions by the identifier rule. */
    static List<String> columns(String sql) {
        List<String> found = new ArrayList<>();
        int i = 0;
        boolean afterCast = false;
        char previous = ' ';
        while (i < sql.length()) {
            char ch = sql.charAt(i);
            if (Character.isWhitespace(ch)) {
                i++;
                continue;
            }
            if (ch == '\'') { // a string literal ('' doubles a quote inside)
                i = literalEnd(sql, i);
                previous = '\'';
                afterCast = false;
                continue;
            }
            int end;
            String name;
            if (ch == '"') {
                end = quotedEnd(sql, i);
                name = Identifiers.unquote(sql.substring(i, end));
            } else if (ch >= 'a' && ch <= 'z' || ch == '_' || ch >= 'A' && ch <= 'Z') {
                end = i;
                while (end < sql.length() && wordChar(sql.charAt(end))) end++;
                String word = sql.substring(i, end);
                // ruleutils prints keywords (AND, IS NULL, DESC, USING btree's method aside) upper case, names as quote_ident.
                name = Identifiers.isPlain(word) ? word : null;
            } else {
                if (ch == ':' && i + 1 < sql.length() && sql.charAt(i + 1) == ':') {
                    afterCast = true;
                    previous = ':';
                    i += 2;
                    continue;
                }
                previous = ch;
                afterCast = false;
                i++;
                continue;
            }
            boolean call = next(sql, end) == '(';
            // A name right after a name or ")" is an operator class, and after COLLATE a collation, never a column; an
            // operator class's options follow it in parentheses (gist_trgm_ops (siglen='32')).
            boolean qualifier = name != null && (previous == 'n' || previous == ')' || previous == 'c');
            if (qualifier && call) {
                i = closing(sql, sql.indexOf('(', end));
                previous = 'n';
                continue;
            }
            // a type after :: runs over several words (character varying, timestamp with time zone)
            if (name != null && !call && !qualifier && previous != '.' && !afterCast && next(sql, end) != '.') found.add(name);
            previous = name == null ? (sql.substring(i, end).equals("COLLATE") ? 'c' : 'k') : 'n';
            i = end;
        }
        return found;
    }

    private static boolean wordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '$';
    }

    private static char next(String sql, int from) {
        for (int j = from; j < sql.length(); j++) if (!Character.isWhitespace(sql.charAt(j))) return sql.charAt(j);
        return ' ';
    }

    /** The index after the parenthesis that closes the one at {@code open} (literals and quoted names skipped). */
    private static int closing(String sql, int open) {
        int depth = 0;
        int j = open;
        while (j < sql.length()) {
            char c = sql.charAt(j);
            if (c == '\'') j = literalEnd(sql, j);
            else if (c == '"') j = quotedEnd(sql, j);
            else {
                if (c == '(') depth++;
                if (c == ')' && --depth == 0) return j + 1;
                j++;
            }
        }
        return j;
    }

    private static int literalEnd(String sql, int start) {
        int j = start + 1;
        while (j < sql.length()) {
            if (sql.charAt(j) == '\'') {
                if (j + 1 < sql.length() && sql.charAt(j + 1) == '\'') j += 2;
                else return j + 1;
            } else j++;
        }
        return j;
    }

    private static int quotedEnd(String sql, int start) {
        int j = start + 1;
        while (j < sql.length()) {
            if (sql.charAt(j) == '"') {
                if (j + 1 < sql.length() && sql.charAt(j + 1) == '"') j += 2;
                else return j + 1;
            } else j++;
        }
        return j;
    }
}
