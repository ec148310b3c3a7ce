package schemasync.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.Map;
import schemasync.catalog.Catalog;
import schemasync.catalog.Column;
import schemasync.catalog.QualifiedName;
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

    /**
     * The columns of {@code table} whose default calling the routine {@code signature} its block leaves out, or empty when
     * that default cannot be split. An ordinary table's or a partitioned table's own defaults are set by a later block; on
     * a partitioned table that SET DEFAULT reaches every partition (ALTER TABLE without ONLY recurses), so it is split only
     * when no partition has a default of its own on those columns (it would be overwritten). A partition's copy of its
     * parent's default (PostgreSQL copies it at CREATE ... PARTITION OF) is split with the parent's, nothing to write of
     * its own; a partition's own default calling the routine is not split.
     */
    static java.util.Optional<List<String>> of(Catalog catalog, QualifiedName table, String signature) {
        Table t = catalog.tables().get(table);
        List<String> columns = t == null ? List.of() : callingRoutine(t, signature);
        if (columns.isEmpty()) return java.util.Optional.empty();
        Catalog.Partitioning shape = catalog.partitioning().get(table);
        if (shape != null && shape.isPartition()) {
            Table parent = catalog.tables().get(shape.parent());
            boolean copies = parent != null && columns.stream().allMatch(c -> java.util.Objects.equals(t.column(c).orElseThrow()
                    .defaultExpr(), parent.column(c).map(Column::defaultExpr).orElse(null)));
            return copies ? java.util.Optional.of(List.of()) : java.util.Optional.empty();
        }
        if (shape != null) {
            for (Map.Entry<QualifiedName, Catalog.Partitioning> p : catalog.partitioning().entrySet()) {
                if (!table.equals(p.getValue().parent())) continue;
                Table partition = catalog.tables().get(p.getKey());
                if (partition != null && columns.stream().anyMatch(c -> !java.util.Objects.equals(t.column(c).orElseThrow().defaultExpr(),
                        partition.column(c).map(Column::defaultExpr).orElse(null)))) {
                    return java.util.Optional.empty();
                }
            }
        }
        return java.util.Optional.of(columns);
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
