package schemasync.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
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
     * The defaults (columns by table) calling the routine {@code signature} that the blocks leave out of {@code table}'s
     * tree and set later, or empty when they cannot be split (a generated column calls it). An ordinary table's own
     * defaults are set by a later block. A partition's copy of its parent's default (PostgreSQL copies it at CREATE ...
     * PARTITION OF) is split with the parent's, nothing of its own; a partition's own default is left out of its
     * {@code ensurePartition} (the partition is created with the parent's default of the moment) and set on the partition
     * later. A partitioned table's default is set by one recursing SET DEFAULT when every table below it has the same
     * one; when one has its own, the parent's is set with ONLY ({@link #onlyThisTable}, as pg_dump writes it) and the
     * partitions that copy it get their own later SET DEFAULT each.
     */
    static Optional<Map<QualifiedName, List<String>>> of(Catalog catalog, QualifiedName table, String signature) {
        Table t = catalog.tables().get(table);
        return of(catalog, table, t == null ? List.of() : callingRoutine(t, signature));
    }

    /**
     * A column of {@code table} that needs the row type of {@code relation} (or an array of it), from pg_depend
     * ({@link SourceSql#ROW_TYPE_USES}). {@code splittable}: through a plain default, not the column's type or a generated
     * column's expression.
     */
    record RowTypeUse(QualifiedName table, String column, QualifiedName relation, boolean splittable) {
    }

    /**
     * The defaults of {@code table} naming the row type of {@code relation} that a later block sets, as {@link #of} splits a
     * routine's callers; empty when {@code table} needs {@code relation} otherwise at its creation (a column of its row
     * type, a generated column naming it, a typed table's OF type, an inherited parent), or no default names it.
     */
    static Optional<Map<QualifiedName, List<String>>> ofRowType(Catalog catalog, QualifiedName table, QualifiedName relation,
                                                                List<RowTypeUse> uses) {
        schemasync.catalog.TableLineage lineage = catalog.lineage().get(table);
        if (lineage != null && (lineage.inherits().contains(relation) || relation.equals(lineage.ofType()))) return Optional.empty();
        List<RowTypeUse> here = uses.stream().filter(u -> u.table().equals(table) && u.relation().equals(relation)).toList();
        if (here.stream().anyMatch(u -> !u.splittable())) return Optional.empty();
        return of(catalog, table, here.stream().map(RowTypeUse::column).distinct().toList());
    }

    /** Adds {@code split} to the defaults the creation order may defer by breaking {@code edge}. */
    static void addTo(Map<List<String>, Map<QualifiedName, List<String>>> defaults, List<String> edge, Map<QualifiedName, List<String>> split) {
        Map<QualifiedName, List<String>> here = defaults.computeIfAbsent(edge, k -> new LinkedHashMap<>());
        split.forEach((table, columns) -> here.merge(table, columns, (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream())
                .distinct().toList()));
    }

    private static Optional<Map<QualifiedName, List<String>>> of(Catalog catalog, QualifiedName table, List<String> columns) {
        Table t = catalog.tables().get(table);
        if (t == null || columns.isEmpty()) return Optional.empty();
        Catalog.Partitioning shape = catalog.partitioning().get(table);
        if (shape != null && shape.isPartition()) {
            Table parent = catalog.tables().get(shape.parent());
            // The copies are the parent's to split (its graph node calls the same routine).
            columns = columns.stream().filter(c -> parent == null || !Objects.equals(defaultOf(t, c), defaultOf(parent, c))).toList();
        }
        Map<QualifiedName, List<String>> out = new LinkedHashMap<>();
        for (String c : columns) withCopiesBelow(catalog, table, c, out);
        return Optional.of(out);
    }

    /**
     * Whether the default of {@code table.column} must be set with {@code ALTER TABLE ONLY}: a table below it (a partition,
     * at any level) has a default of its own on that column, which the recursing SET DEFAULT would overwrite.
     */
    static boolean onlyThisTable(Catalog catalog, QualifiedName table, String column) {
        String own = defaultOf(catalog.tables().get(table), column);
        for (QualifiedName p : below(catalog, table)) {
            if (!Objects.equals(own, defaultOf(catalog.tables().get(p), column))) return true;
        }
        return false;
    }

    /** {@code table.column}, and when it is set with ONLY, each partition that copies its default (with theirs, in turn). */
    private static void withCopiesBelow(Catalog catalog, QualifiedName table, String column, Map<QualifiedName, List<String>> out) {
        List<String> columns = out.computeIfAbsent(table, k -> new ArrayList<>());
        if (!columns.contains(column)) columns.add(column);
        if (!onlyThisTable(catalog, table, column)) return;
        String own = defaultOf(catalog.tables().get(table), column);
        for (Map.Entry<QualifiedName, Catalog.Partitioning> p : catalog.partitioning().entrySet()) {
            if (table.equals(p.getValue().parent()) && Objects.equals(own, defaultOf(catalog.tables().get(p.getKey()), column))) {
                withCopiesBelow(catalog, p.getKey(), column, out);
            }
        }
    }

    /** The partitions below {@code table}, at every level. */
    private static List<QualifiedName> below(Catalog catalog, QualifiedName table) {
        List<QualifiedName> out = new ArrayList<>();
        List<QualifiedName> parents = new ArrayList<>(List.of(table));
        for (int i = 0; i < parents.size(); i++) {
            QualifiedName parent = parents.get(i);
            catalog.partitioning().forEach((name, shape) -> {
                if (parent.equals(shape.parent()) && catalog.tables().containsKey(name) && !parents.contains(name)) {
                    parents.add(name);
                    out.add(name);
                }
            });
        }
        return out;
    }

    private static String defaultOf(Table t, String column) {
        return t == null ? null : t.column(column).map(Column::defaultExpr).orElse(null);
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
