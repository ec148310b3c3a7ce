package schemasync.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import schemasync.SchemaSyncException;
import schemasync.catalog.Catalog;
import schemasync.catalog.QualifiedName;
import schemasync.dsl.DeclaredCalls;
import schemasync.dsl.Declaration;
import schemasync.dsl.DesiredState;
import schemasync.dsl.Declaration.RemovalDecl;
import schemasync.model.DependencyGraph;
import schemasync.model.ObjectId;
import schemasync.normalize.OperatorSpellings;

/**
 * A removal of a routine or a type that an object this run keeps still uses is refused before anything runs, naming
 * the user: DROP without CASCADE would fail half-way ("cannot drop function f() because other objects depend on it")
 * and CASCADE would silently take the user's default, CHECK, index, policy, trigger or column along. Users are read
 * from the plan's graph ({@link PlanGraph}: a table for its defaults, generated columns, CHECKs, indexes, policies and
 * column types; a trigger for its function) and, when the run removes a routine or type, from pg_depend
 * ({@link RecordedUsers}: operators, casts, domains, views, routines, text search objects, and a table's CHECK or index
 * that reaches a function through an operator). A removal of an operator, operator class or family is refused the same
 * way for the users pg_depend records of it (an index or constraint using the operator or class, a view or CHECK using
 * the operator, an operator class holding the operator as a member, the classes of a family an index uses); a cast has
 * none (PostgreSQL records no user of a cast: a default or view records the cast's function). When the user is removed too, {@link RemovalOrder} drops it first; when
 * the run declares or changes the table, only a declaration of it still calling the routine is refused; when
 * the run declares the routine or type again, nothing is removed for good.
 */
final class RemovalUsers {
    private RemovalUsers() {
    }

    static List<Integer> checked(DependencyGraph<ObjectId> graph, Catalog catalog, DesiredState desired, List<Declaration> all,
                                 List<Integer> order) {
        return checked(graph, new DependencyGraph<>(), catalog, desired, all, order, null);
    }

    /**
     * @param recorded pg_depend's graph ({@link RecordedUsers}), or an empty one when the run removes nothing whose users
     *                 only pg_depend knows ({@link Planner#needsRecordedDependencies})
     * @param spelled  how the normalizer spells an operator's or cast's types (null: as written)
     */
    static List<Integer> checked(DependencyGraph<ObjectId> graph, DependencyGraph<ObjectId> recorded, Catalog catalog,
                                 DesiredState desired, List<Declaration> all, List<Integer> order, OperatorSpellings spelled) {
        Set<ObjectId> removed = new HashSet<>();
        Set<ObjectId> redeclared = new HashSet<>();
        for (Declaration d : all) {
            ObjectId id = RemovalOrder.id(d, spelled);
            if (id != null) removed.add(id);
            if (d instanceof Declaration.FunctionDecl f) redeclared.add(DeclaredCalls.routineId(f.name()));
            if (d instanceof Declaration.AggregateDecl a) redeclared.add(DeclaredCalls.routineId(a.name()));
            if (d instanceof schemasync.dsl.TypeDecl.DomainDecl t) redeclared.add(ObjectId.of(ObjectId.Kind.TYPE, t.name().schema(), t.name().name()));
            if (d instanceof schemasync.dsl.TypeDecl.CompositeTypeDecl t) {
                redeclared.add(ObjectId.of(ObjectId.Kind.TYPE, t.name().schema(), t.name().name()));
            }
        }
        List<String> problems = new ArrayList<>();
        for (int i : order) {
            Declaration d = all.get(i);
            ObjectId id = RemovalOrder.id(d, spelled);
            if (id == null || redeclared.contains(id)) continue;
            String what = removal(d, id);
            Set<QualifiedName> named = new HashSet<>();
            if (d instanceof RemovalDecl r && (id.kind() == ObjectId.Kind.FUNCTION || id.kind() == ObjectId.Kind.TYPE)) {
                for (ObjectId user : graph.nodes()) {
                    if (!graph.prerequisitesOf(user).contains(id) || removed.contains(user)) continue;
                    if (user.kind() == ObjectId.Kind.TRIGGER && removed.contains(user.owner())) continue;
                    if (user.kind() != ObjectId.Kind.TABLE && user.kind() != ObjectId.Kind.TRIGGER) continue;
                    QualifiedName table = new QualifiedName(user.schema(), user.name());
                    if (!catalog.tables().containsKey(table)) continue; // declared, not existing: DeclaredCallOrder's and the fold's side
                    // A table the run declares or changes (a column's default, a constraint, an index): the run may take the use
                    // away first, so only a declaration of it that still calls the routine is refused here.
                    if (desired.touches(table) && !declaredTableUses(all, table, r)) continue;
                    named.add(table);
                    problems.add(what + " is still used by "
                            + (user.kind() == ObjectId.Kind.TRIGGER ? "trigger " + user.subName() + " on table " + table
                            : "table " + table + (id.kind() == ObjectId.Kind.TYPE ? " (a column of that type)"
                            : " (its default, generated column, CHECK, index or policy calls it)"))
                            + ", which this run keeps: remove or change that user first (in this run or an earlier one)");
                }
            }
            if (!RecordedUsers.KINDS.contains(id.kind())) continue;
            boolean operatorKind = id.kind() != ObjectId.Kind.FUNCTION && id.kind() != ObjectId.Kind.TYPE;
            for (RecordedUsers.User user : RecordedUsers.of(recorded, catalog, desired, all, id, removed)) {
                if (user.table() != null && named.contains(user.table())) continue;
                if (user.table() != null && (desired.touches(user.table()) || user.declared())) {
                    boolean stillUsed = operatorKind ? RecordedUsers.declaredTableMentions(all, user.table(), id)
                            : d instanceof RemovalDecl r && declaredTableUses(all, user.table(), r);
                    if (!stillUsed) continue;
                }
                problems.add(what + " is still used by " + user.description() + " (recorded in pg_depend), which this run keeps:"
                        + " remove or change that user first (in this run or an earlier one)");
            }
        }
        if (!problems.isEmpty()) {
            throw SchemaSyncException.badInput("PostgreSQL refuses to drop what another object still uses, so these removals"
                    + " would fail half-way (nothing was changed):\n  - " + String.join("\n  - ", problems));
        }
        return order;
    }

    /** The removal as its error names it: {@code function public.f (block C1)}, {@code operator public.===(integer, integer) (block C1)}. */
    private static String removal(Declaration d, ObjectId id) {
        String object = d instanceof RemovalDecl r ? r.kind().word() + " " + r.object()
                : id.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + (id.schema() == null ? "" : id.schema() + ".") + id.name();
        return object + " (block " + d.origin().blockId() + ")";
    }

    /** Whether a declaration of {@code table} in the run still calls the removed routine (a type: left to the declaration). */
    private static boolean declaredTableUses(List<Declaration> all, QualifiedName table, RemovalDecl removal) {
        if (!removal.kind().routine()) return false;
        return all.stream().anyMatch(d -> d instanceof Declaration.TableDecl t && t.name().equals(table)
                && schemasync.dsl.DeclaredCalls.usesRoutine(d, removal.object()));
    }
}
