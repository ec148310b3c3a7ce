package schemasync.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import schemasync.catalog.Catalog;
import schemasync.catalog.Index;
import schemasync.catalog.QualifiedName;
import schemasync.dsl.Declaration;
import schemasync.dsl.Declaration.RemovalDecl;
import schemasync.dsl.DeclaredCalls;
import schemasync.dsl.DesiredState;
import schemasync.dsl.OperatorDecl;
import schemasync.model.DependencyGraph;
import schemasync.model.ObjectId;

/**
 * The users of a removed routine or type that only pg_depend knows ({@code catalog.Dependencies.read}, handed to the
 * planner when the run removes a routine or type): an operator or cast whose function it is, a domain whose CHECK or
 * default calls it, a view whose query calls it, a text search object, a routine whose signature names the type, a
 * table's CHECK or index that reaches the function through an operator or a cast (pg_depend records the operator,
 * and the operator the function). The model's texts show none of them ({@link PlanGraph} reads a call as
 * {@code name(}), and DROP FUNCTION without CASCADE then fails half-way: "cannot drop function f(integer,integer)
 * because other objects depend on it".
 *
 * <p>The same for a removed operator, operator class or family (pg_depend's edges only: the model keeps no operator
 * or class in an index's or CHECK's parts): an index or a constraint (a CHECK, an EXCLUDE) using it, a view using the
 * operator, an operator class holding the operator or function as a member, and for a family the users of the classes
 * in it (DROP OPERATOR FAMILY drops them: "index i depends on operator class c").
 *
 * <p>Only direct users: a user the run removes too is dropped first ({@link RemovalOrder} for the kinds it orders),
 * and its own users are checked by its own removal. A user the run declares again (present or absent) is left to that
 * declaration, as {@link RemovalUsers} leaves a table the run changes.
 */
final class RecordedUsers {
    private RecordedUsers() {
    }

    /** The kinds whose removal pg_depend's users are checked for (and read for: {@link Planner#needsRecordedDependencies}). */
    static final Set<ObjectId.Kind> KINDS = java.util.EnumSet.of(ObjectId.Kind.FUNCTION, ObjectId.Kind.TYPE, ObjectId.Kind.OPERATOR,
            ObjectId.Kind.OPERATOR_CLASS, ObjectId.Kind.OPERATOR_FAMILY);

    /**
     * A user that keeps the removed object: as an error names it, its table when it is a table or a part of one, and
     * whether the run declares it (an index declared again: {@link RemovalUsers} asks whether the declaration still uses it).
     */
    record User(String description, QualifiedName table, boolean declared) {
    }

    static List<User> of(DependencyGraph<ObjectId> recorded, Catalog catalog, DesiredState desired, List<Declaration> all,
                         ObjectId removed, Set<ObjectId> removedInRun) {
        // DROP OPERATOR FAMILY takes the classes in it along (pg_depend's 'a'), so their users are the family's.
        Set<ObjectId> dropped = new java.util.HashSet<>(Set.of(removed));
        if (removed.kind() == ObjectId.Kind.OPERATOR_FAMILY) {
            for (ObjectId n : recorded.nodes()) {
                if (n.kind() == ObjectId.Kind.OPERATOR_CLASS && recorded.prerequisitesOf(n).contains(removed)) dropped.add(n);
            }
        }
        // A routine's or type's user the run declares is left to that declaration; an operator's or class's is checked by
        // RemovalUsers against the declaration's text (an index declared again still names its class).
        boolean keepDeclared = removed.kind() != ObjectId.Kind.FUNCTION && removed.kind() != ObjectId.Kind.TYPE;
        List<User> users = new ArrayList<>();
        for (ObjectId n : recorded.nodes()) {
            if (dropped.stream().anyMatch(r -> same(n, r)) || recorded.prerequisitesOf(n).stream().noneMatch(p -> dropped.stream().anyMatch(r -> same(p, r)))) continue;
            User user = user(recorded, catalog, desired, all, n, removedInRun, keepDeclared);
            if (user != null && !users.contains(user)) users.add(user);
        }
        return users;
    }

    /**
     * Whether the run's declarations of {@code table} (the table, its later constraints and columns, its indexes) still
     * name the removed operator, class or family: its bare name as a substring of the declaration (an operator's
     * symbol, {@code ===}; a class's name). A declaration that no longer names it takes the use away before the removal.
     */
    static boolean declaredTableMentions(List<Declaration> all, QualifiedName table, ObjectId removed) {
        String name = removed.name();
        int cut = removed.kind() == ObjectId.Kind.OPERATOR ? name.indexOf('(') : name.indexOf(" USING ");
        String bare = cut < 0 ? name : name.substring(0, cut);
        return all.stream().anyMatch(d -> (d instanceof Declaration.TableDecl t && t.name().equals(table)
                || d instanceof Declaration.ConstraintsDecl k && k.table().equals(table)
                || d instanceof Declaration.ColumnDecl c && c.table().equals(table)
                || d instanceof Declaration.IndexDecl i && i.table().equals(table)) && d.toString().contains(bare));
    }

    /**
     * The plan's graph with pg_depend's edges added (a routine named without its arguments, as the plan names it), for
     * {@link RemovalOrder}: a domain or view removed in the run after the function it calls is then dropped first.
     */
    static DependencyGraph<ObjectId> withRecorded(DependencyGraph<ObjectId> graph, DependencyGraph<ObjectId> recorded) {
        if (recorded.nodes().isEmpty()) return graph;
        DependencyGraph<ObjectId> merged = new DependencyGraph<>();
        for (ObjectId n : graph.nodes()) {
            merged.add(n);
            for (ObjectId p : graph.prerequisitesOf(n)) merged.edge(n, p);
        }
        for (ObjectId n : recorded.nodes()) {
            for (ObjectId p : recorded.prerequisitesOf(n)) {
                ObjectId from = planned(n);
                ObjectId to = planned(p);
                if (!from.equals(to)) merged.edge(from, to);
            }
        }
        return merged;
    }

    private static ObjectId planned(ObjectId recorded) {
        return recorded.kind() == ObjectId.Kind.FUNCTION ? routine(recorded) : recorded;
    }

    /** A recorded node names a routine with its identity arguments ({@code f(integer)}); the plan's without. */
    private static boolean same(ObjectId recorded, ObjectId planned) {
        if (recorded.kind() == ObjectId.Kind.FUNCTION) return planned.kind() == ObjectId.Kind.FUNCTION && routine(recorded).equals(planned);
        return recorded.equals(planned);
    }

    private static ObjectId routine(ObjectId recorded) {
        int paren = recorded.name().indexOf('(');
        return DeclaredCalls.routineId(new QualifiedName(recorded.schema(), paren < 0 ? recorded.name() : recorded.name().substring(0, paren)));
    }

    private static User user(DependencyGraph<ObjectId> recorded, Catalog catalog, DesiredState desired, List<Declaration> all,
                             ObjectId n, Set<ObjectId> removedInRun, boolean keepDeclared) {
        if (removedInRun.contains(n)) return null;
        boolean declared = desired.declares(n);
        if (declared && !(keepDeclared && (n.kind().onTable() || n.kind() == ObjectId.Kind.TABLE || n.kind() == ObjectId.Kind.INDEX))) return null;
        return switch (n.kind()) {
            case TABLE, CONSTRAINT, TRIGGER, POLICY, RULE -> {
                QualifiedName table = new QualifiedName(n.schema(), n.name());
                yield keptTable(catalog, table, removedInRun) ? new User(partOf(n) + "table " + table, table, declared) : null;
            }
            case INDEX -> {
                Index index = catalog.indexes().get(new QualifiedName(n.schema(), n.name()));
                boolean gone = all.stream().anyMatch(d -> d instanceof RemovalDecl r && r.kind() == schemasync.model.ObjectKind.INDEX
                        && r.object().equals(new QualifiedName(n.schema(), n.name())));
                yield index == null || gone || !keptTable(catalog, index.table(), removedInRun) ? null
                        : new User("index " + n.schema() + "." + n.name() + " on table " + index.table(), index.table(), declared);
            }
            // A routine the catalog does not list is internal to another object (a range type's constructors, pg_depend 'i'
            // besides their 'n' on the argument types): it goes with its type and keeps nothing.
            case FUNCTION -> removedInRun.contains(routine(n)) || desired.declares(routine(n)) || !listed(catalog, n) ? null
                    : new User("routine " + n.schema() + "." + n.name(), null, false);
            case TYPE -> new User("type " + n.schema() + "." + n.name(), null, false);
            case VIEW -> new User("view " + n.schema() + "." + n.name(), null, false);
            case MATERIALIZED_VIEW -> new User("materialized view " + n.schema() + "." + n.name(), null, false);
            case OPERATOR -> all.stream().anyMatch(d -> d instanceof OperatorDecl.OperatorRemoval r && r.name().schema().equals(n.schema())
                    && n.name().startsWith(r.name().name() + "(")) ? null : new User("operator " + n.schema() + "." + n.name(), null, false);
            // A cast is named by its two types as format_type prints them, a removal as written: any cast removal in the
            // run may be this one (no refusal rather than a wrong one).
            case CAST -> all.stream().anyMatch(OperatorDecl.CastRemoval.class::isInstance) ? null : new User("cast " + n.name(), null, false);
            // A class goes with its family's removal ('a'); a member of a family (a loose one) with the family.
            case OPERATOR_CLASS -> recorded.prerequisitesOf(n).stream().anyMatch(p -> p.kind() == ObjectId.Kind.OPERATOR_FAMILY && removedInRun.contains(p)) ? null
                    : new User("operator class " + n.schema() + "." + n.name(), null, false);
            case OPERATOR_FAMILY -> new User("operator family " + n.schema() + "." + n.name(), null, false);
            case TEXT_SEARCH_CONFIGURATION -> new User("text search configuration " + n.schema() + "." + n.name(), null, false);
            case TEXT_SEARCH_DICTIONARY -> new User("text search dictionary " + n.schema() + "." + n.name(), null, false);
            default -> null; // schemas, extensions, sequences: nothing a routine or type removal is refused for
        };
    }

    private static boolean listed(Catalog catalog, ObjectId routine) {
        String signature = routine.schema() + "." + routine.name();
        return catalog.functions().containsKey(signature) || catalog.aggregates().containsKey(signature);
    }

    private static boolean keptTable(Catalog catalog, QualifiedName table, Set<ObjectId> removedInRun) {
        return catalog.tables().containsKey(table) && !removedInRun.contains(ObjectId.of(ObjectId.Kind.TABLE, table.schema(), table.name()));
    }

    private static String partOf(ObjectId n) {
        return switch (n.kind()) {
            case CONSTRAINT -> "constraint " + n.subName() + " of ";
            case TRIGGER -> "trigger " + n.subName() + " on ";
            case POLICY -> "policy " + n.subName() + " on ";
            case RULE -> "rule " + n.subName() + " on ";
            default -> "";
        };
    }
}
