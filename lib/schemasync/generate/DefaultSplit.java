package schemasync.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import schemasync.catalog.Column;
import schemasync.catalog.Table;

/**
 * Which column defaults of a table close a creation-order cycle and can be split out, as pg_dump does: the table is
 * created without them and a later {@code ensureColumnChanged(table, column).dflt(...)} sets them (ALTER TABLE ... SET
 * DEFAULT) once what they name exists. pg_depend records a default as its table, so the defaults that name the object
 * are found in their text ({@code pg_get_expr}); a generated column's expression naming it cannot be split (a generated
 * column cannot be added without its expression), and then nothing is.
 */
final class DefaultSplit {
    private DefaultSplit() {
    }

    /** The columns whose plain default calls the routine {@code signature} ("name(args)"); empty when it cannot be split. */
    static List<String> callingRoutine(Table t, String signature) {
        String name = signature.substring(0, signature.indexOf('('));
        return split(t, Pattern.compile(boundary(name) + "\\s*\\("));
    }

    private static List<String> split(Table t, Pattern inDefault) {
        if (t == null) return List.of();
        List<String> out = new ArrayList<>();
        for (Column c : t.columns()) {
            if (c.generated() != null && inDefault.matcher(c.generated()).find()) return List.of();
            if (c.generated() == null && c.defaultExpr() != null && inDefault.matcher(c.defaultExpr()).find()) out.add(c.name());
        }
        return out;
    }

    /** The name as PostgreSQL prints it, bare or quoted, optionally schema-qualified, not part of a longer name. */
    private static String boundary(String name) {
        return "(?<![A-Za-z0-9_$])(?:" + Pattern.quote(name) + "|" + Pattern.quote("\"" + name.replace("\"", "\"\"") + "\"") + ")(?![A-Za-z0-9_$\"])";
    }
}
