package schemasync.dsl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import schemasync.SchemaSyncException;
import schemasync.catalog.Catalog;
import schemasync.catalog.QualifiedName;
import schemasync.model.DependencyGraph;

/**
 * Inside one block, a declaration that another one needs at its creation is planned before it, even
 * when the block writes it later. PostgreSQL resolves, when it creates an object, the routines its
 * default, generated column, CHECK, index expression, policy or domain CHECK calls, a trigger's
 * function, and the types its columns, attributes, base type or signature name (a table's row type is created with the
 * table: a routine whose argument or result is one comes after that table, {@link RoutineSignature}); so a block
 * {@code ensureTable(t, default f())} then {@code ensureFunction(f)} creates f first.
 *
 * <p>The order is the written one with only what is needed pulled forward: each declaration, in written
 * order, is preceded by its not-yet-planned prerequisites (recursively: a routine pulled forward brings
 * the types of its signature and the schema it lives in). Independent declarations keep their order.
 * Nothing moves across a rename, removal, column change or custom step (a custom step is opaque SQL,
 * and a rename or removal changes which names exist), nor across blocks: a routine a later block (or a
 * later part of the block, past such a step) declares stays a refusal of the plan's {@code DeclaredCallOrder}.
 * The normalizer's rolled-back twins create the run's prerequisites in this order too
 * ({@code normalize.ShadowPrerequisites}), so what the plan orders also normalizes.
 * A cycle (a domain whose CHECK calls a function taking that domain) is refused with both named.
 */
public final class BlockCreationOrder {
    private BlockCreationOrder() {
    }

    /** {@code order} (indexes into {@code all}, block by block) with each block's creation prerequisites pulled forward. */
    public static List<Integer> of(Catalog catalog, List<Declaration> all, List<Integer> order) {
        DependencyGraph<Integer> calls = DeclaredCalls.calls(catalog, all);
        List<Integer> out = new ArrayList<>(order.size());
        List<Integer> segment = new ArrayList<>();
        for (int p = 0; p < order.size(); p++) {
            int i = order.get(p);
            boolean sameBlock = segment.isEmpty() || Objects.equals(all.get(segment.get(0)).origin(), all.get(i).origin());
            if (!sameBlock) flush(catalog, all, calls, segment, out);
            if (isBarrier(all.get(i))) {
                flush(catalog, all, calls, segment, out);
                out.add(i);
            } else {
                segment.add(i);
            }
        }
        flush(catalog, all, calls, segment, out);
        return out;
    }

    /** Changes to what exists (and opaque SQL) keep their place: what follows them may need their effect. */
    public static boolean isBarrier(Declaration d) {
        return d instanceof Declaration.RenameDecl || d instanceof Declaration.RemovalDecl || d instanceof Declaration.CustomStepDecl
                || d instanceof Declaration.ColumnChangeDecl || d instanceof OperatorDecl.OperatorRemoval
                || d instanceof OperatorDecl.CastRemoval || d instanceof schemasync.dsl.OperatorClassDecl.ClassRemoval
                || d instanceof schemasync.dsl.OperatorClassDecl.FamilyRemoval;
    }

    private static void flush(Catalog catalog, List<Declaration> all, DependencyGraph<Integer> calls, List<Integer> segment, List<Integer> out) {
        if (segment.isEmpty()) return;
        // Only a routine, type or schema is ever pulled forward (and a table a routine's signature names, so a routine is
        // there): a segment without one (a table and its indexes, the common block) keeps its written order, without
        // matching every declaration's texts against the others.
        if (segment.stream().noneMatch(i -> pulledForward(all.get(i)))) {
            out.addAll(segment);
            segment.clear();
            return;
        }
        Map<Integer, Integer> position = new HashMap<>();
        for (int p = 0; p < segment.size(); p++) position.put(segment.get(p), p);
        Map<Integer, List<Integer>> needs = new HashMap<>();
        for (int i : segment) {
            Set<Integer> prerequisites = new LinkedHashSet<>();
            for (int r : calls.contains(i) ? calls.prerequisitesOf(i) : Set.<Integer>of()) if (position.containsKey(r)) prerequisites.add(r);
            prerequisites.addAll(typesAndSchemas(all, segment, i));
            prerequisites.remove(i);
            needs.put(i, prerequisites.stream().sorted(Comparator.comparing(position::get)).toList());
        }
        Set<Integer> done = new HashSet<>();
        List<Integer> path = new ArrayList<>();
        for (int i : segment) visit(catalog, all, i, needs, done, path, out);
        segment.clear();
    }

    private static void visit(Catalog catalog, List<Declaration> all, int i, Map<Integer, List<Integer>> needs, Set<Integer> done,
            List<Integer> path, List<Integer> out) {
        if (done.contains(i)) return;
        int onPath = path.indexOf(i);
        if (onPath >= 0) {
            List<String> cycle = new ArrayList<>();
            for (int c : path.subList(onPath, path.size())) cycle.add(describe(catalog, all.get(c)));
            cycle.add(describe(catalog, all.get(i)));
            throw SchemaSyncException.badInput("Block " + all.get(i).origin().blockId() + " declares objects that need each other"
                    + " to be created (nothing was changed): " + String.join(" needs ", cycle)
                    + ". PostgreSQL cannot create either first: break the cycle (e.g. add the CHECK or default in a later line"
                    + " with ensureConstraints or ensureColumn).");
        }
        path.add(i);
        for (int p : needs.get(i)) visit(catalog, all, p, needs, done, path, out);
        path.remove(path.size() - 1);
        done.add(i);
        out.add(i);
    }

    /** Whether the declaration is of a kind another one of its segment may need first: a routine, a type or a schema. */
    private static boolean pulledForward(Declaration d) {
        return d instanceof Declaration.SchemaDecl || routineName(d) != null || typeName(d) != null;
    }

    /** The segment's type, schema and (for a routine's signature) table declarations that {@code all.get(i)} names at its creation. */
    private static List<Integer> typesAndSchemas(List<Declaration> all, List<Integer> segment, int i) {
        Declaration d = all.get(i);
        List<Integer> found = new ArrayList<>();
        QualifiedName own = ownName(d);
        Set<QualifiedName> signature = RoutineSignature.names(d); // a table named there: its row type, created with it
        for (int j : segment) {
            if (j == i) continue;
            Declaration other = all.get(j);
            if (other instanceof Declaration.SchemaDecl s && own != null && own.schema().equals(s.name())) found.add(j);
            QualifiedName type = typeName(other);
            if (type != null && namesType(d, type)) found.add(j);
            // A table's row type: in a routine's signature (not its body), or a column's, attribute's or base type.
            if (other instanceof Declaration.TableDecl t && (signature.contains(t.name())
                    || routineName(d) == null && namesType(d, t.name()))) {
                found.add(j);
            }
            if (d instanceof Declaration.AggregateDecl a && routineName(other) != null
                    && DeclaredCalls.wordOf(routineName(other)).matcher(a.definition()).find()) {
                found.add(j); // SFUNC / FINALFUNC: CREATE AGGREGATE resolves its support functions
            }
        }
        return found;
    }

    /** Whether the declaration, at its creation, names {@code type}: a column, attribute, base, subtype or signature type. */
    private static boolean namesType(Declaration d, QualifiedName type) {
        List<String> typeTexts = new ArrayList<>();
        if (d instanceof Declaration.TableDecl t) t.columns().forEach(c -> typeTexts.add(c.type()));
        else if (d instanceof Declaration.ColumnDecl c) typeTexts.add(c.column().type());
        else if (d instanceof TypeDecl.DomainDecl t) typeTexts.add(t.baseType());
        else if (d instanceof TypeDecl.CompositeTypeDecl t) t.attributes().forEach(a -> typeTexts.add(a.type()));
        else if (d instanceof KindDecl.RangeTypeDecl r) typeTexts.add(r.subtype());
        for (String text : typeTexts) if (text != null && type.equals(typeOf(text))) return true;
        // A signature names its types in the argument list and RETURNS clause: a word match also counts a body's
        // mention, which can only pull a type forward that nothing needed there, never create a routine too early.
        if (d instanceof Declaration.FunctionDecl f) return mentions(type, f.arguments() + " " + f.definition());
        if (d instanceof Declaration.AggregateDecl a) return mentions(type, a.arguments() + " " + a.definition());
        return false;
    }

    private static boolean mentions(QualifiedName type, String text) {
        return DeclaredCalls.wordOf(type).matcher(text).find();
    }

    /** {@code mood[]}, {@code "app"."mood"} → the qualified type (unqualified: public, as the DSL declares it). */
    static QualifiedName typeOf(String text) {
        String bare = text.strip().replaceAll("(\\[\\d*\\])+$", "").replaceAll("\\(.*\\)$", "").replace("\"", "").strip();
        if (bare.isEmpty() || bare.contains(" ")) return null;
        return QualifiedName.parse(bare);
    }

    private static QualifiedName typeName(Declaration d) {
        if (d instanceof TypeDecl.DomainDecl t) return t.name();
        if (d instanceof TypeDecl.EnumDecl t) return t.name();
        if (d instanceof TypeDecl.CompositeTypeDecl t) return t.name();
        if (d instanceof KindDecl.RangeTypeDecl t) return t.name();
        return null;
    }

    private static QualifiedName routineName(Declaration d) {
        if (d instanceof Declaration.FunctionDecl f) return f.name();
        if (d instanceof Declaration.AggregateDecl a) return a.name();
        return null;
    }

    /** The name of what the declaration creates, for the kinds that can be pulled forward (its schema must exist first). */
    private static QualifiedName ownName(Declaration d) {
        QualifiedName routine = routineName(d);
        return routine != null ? routine : typeName(d);
    }

    private static String describe(Catalog catalog, Declaration d) {
        if (d instanceof Declaration.FunctionDecl f) return f.word() + " " + f.signature();
        if (d instanceof Declaration.AggregateDecl a) return "aggregate " + a.signature();
        if (d instanceof TypeDecl.DomainDecl t) return "domain " + t.name();
        if (d instanceof TypeDecl.EnumDecl t) return "enum " + t.name();
        if (d instanceof TypeDecl.CompositeTypeDecl t) return "composite type " + t.name();
        if (d instanceof KindDecl.RangeTypeDecl t) return "range type " + t.name();
        String user = DeclaredCalls.user(catalog, d);
        return user != null ? user : d.getClass().getSimpleName();
    }
}
