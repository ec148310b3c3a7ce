package schemasync.normalize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import schemasync.catalog.Catalog;
import schemasync.catalog.ColumnSpec;
import schemasync.catalog.QualifiedName;
import schemasync.dsl.DeclaredCalls;
import schemasync.dsl.Declaration;
import schemasync.dsl.DeclaredSchema;
import schemasync.dsl.RoutineSignature;
import schemasync.dsl.TypeDecl;
import schemasync.model.Identifiers;
import schemasync.render.SqlRenderer;
import schemasync.step.Step;

/**
 * A table this run creates whose row type a declared domain (its base type), composite type (an attribute), another
 * table (a column's type), a routine's signature (an argument or the result, {@link RoutineSignature}) or a later
 * {@code ensureColumnChanged}'s default (a cast to it) uses:
 * PostgreSQL creates a table's row type with the table, and the type's twin or the routine resolves it by name, so the
 * rolled-back transaction of the comparison needs a table of that name first. The shadows are temporary tables under
 * other names, so a stand-in with the declared columns' names and types alone is created (no default, constraint or
 * generated expression: only the row type's shape is read, and nothing is written to it).
 * A view this run creates whose row type a domain or composite type uses is created itself from its query (a view's
 * row type is its query's columns), after the stand-ins of the tables its query names and the views it reads.
 */
final class RowTypePrerequisite {
    private RowTypePrerequisite() {
    }

    /**
     * The relations the declared domains, composite types, tables and routine signatures name as types (a bare name as
     * in the default schema), and the tables and views the query of such a view names.
     */
    static Set<QualifiedName> typesUsed(DeclaredSchema declared) {
        Set<QualifiedName> out = new HashSet<>();
        Map<QualifiedName, String> views = new HashMap<>();
        for (Declaration d : declared.declarations()) {
            if (d instanceof TypeDecl.DomainDecl t) nameOf(t.baseType()).ifPresent(out::add);
            if (d instanceof TypeDecl.CompositeTypeDecl c) c.attributes().forEach(a -> nameOf(a.type()).ifPresent(out::add));
            if (d instanceof Declaration.TableDecl t) t.columns().forEach(c -> nameOf(c.type()).ifPresent(out::add));
            if (d instanceof Declaration.FunctionDecl || d instanceof Declaration.AggregateDecl) out.addAll(RoutineSignature.names(d));
            if (d instanceof Declaration.ViewDecl v) views.put(v.name(), v.sql());
            // A default set by a later block (generate splits one naming another table's row type out of a creation-order
            // cycle, as pg_dump does): its casts name the types, as pg_get_expr prints them (ROW(...)::schema.table).
            if (d instanceof Declaration.ColumnChangeDecl c && c.defaultSql() != null) {
                java.util.regex.Matcher cast = CAST.matcher(c.defaultSql());
                while (cast.find()) nameOf(cast.group(1)).ifPresent(out::add);
            }
        }
        if (views.keySet().stream().noneMatch(out::contains)) return out;
        List<QualifiedName> relations = new ArrayList<>(views.keySet());
        for (Declaration d : declared.declarations()) if (d instanceof Declaration.TableDecl t) relations.add(t.name());
        boolean grew = true;
        while (grew) { // a used view's query needs its tables and views
            grew = false;
            for (QualifiedName v : List.copyOf(out)) {
                String sql = views.remove(v);
                if (sql == null) continue;
                for (QualifiedName r : relations) if (DeclaredCalls.wordOf(r).matcher(sql).find()) grew |= out.add(r);
            }
        }
        return out;
    }

    /** A cast's target type in SQL text: {@code ::name}, {@code ::schema.name}, either part quoted. */
    private static final java.util.regex.Pattern CAST = java.util.regex.Pattern.compile(
            "::\\s*((?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)(?:\\s*\\.\\s*(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*))?)");

    /** The stand-in for {@code d} when it is a table or view whose row type {@code used} holds and the database lacks. */
    static Optional<String> of(Catalog catalog, Declaration d, Set<QualifiedName> used) {
        if (d instanceof Declaration.ViewDecl v && used.contains(v.name()) && !catalog.views().containsKey(v.name())) {
            return Optional.of(SqlRenderer.render(new Step.CreateView(v.name(), v.sql(), false)));
        }
        if (!(d instanceof Declaration.TableDecl t) || !used.contains(t.name()) || catalog.tables().containsKey(t.name())) {
            return Optional.empty();
        }
        List<ColumnSpec> columns = t.columns();
        return Optional.of("CREATE TABLE " + Identifiers.quote(t.name().schema()) + "." + Identifiers.quote(t.name().name()) + " ("
                + columns.stream().map(c -> Identifiers.quote(c.name()) + " " + c.type()).collect(Collectors.joining(", ")) + ")");
    }

    /** The relation a type's text names: {@code schema.name} or a bare name, an array's brackets and a typmod dropped. */
    private static Optional<QualifiedName> nameOf(String type) {
        if (type == null) return Optional.empty();
        String bare = type.strip().replaceFirst("(\\[\\d*\\])+$", "").replaceFirst("\\s*\\([^)]*\\)$", "");
        List<String> parts = Identifiers.splitQualified(bare);
        if (parts.size() == 2) return Optional.of(new QualifiedName(parts.get(0), parts.get(1)));
        if (parts.size() == 1) return Optional.of(new QualifiedName(QualifiedName.DEFAULT_SCHEMA, parts.get(0)));
        return Optional.empty();
    }
}
