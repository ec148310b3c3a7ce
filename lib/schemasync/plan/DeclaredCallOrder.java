package schemasync.plan;

import schemasync.dsl.AccessDecl;
import schemasync.dsl.TypeDecl;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Pattern;
import schemasync.SchemaSyncException;
import schemasync.catalog.Catalog;
import schemasync.catalog.ColumnSpec;
import schemasync.catalog.ConstraintSpec;
import schemasync.catalog.KeyPart;
import schemasync.catalog.QualifiedName;
import schemasync.dsl.Declaration;
import schemasync.model.DependencyGraph;

/**
 * One apply creates objects block by block. PostgreSQL resolves a function call in a column default,
 * generated column, CHECK, index expression, policy or domain, and a trigger's function, when it
 * creates that object: a routine a later block declares does not exist yet, and the apply would fail
 * half-way with "function … does not exist". Inside one block {@link BlockCreationOrder} already plans the
 * routine first; this refuses what remains before anything runs, naming both objects and their blocks:
 * a routine of a later block, or one the same block declares past a rename, removal, column change or
 * custom step (which nothing is moved across).
 *
 * <p>Why not move the routine into the earlier block instead: creating it needs what its own signature
 * names (argument and result types; a standard SQL body's tables, parsed at creation), which the blocks
 * between may declare or change; and each step is planned over the state the earlier steps leave. A
 * routine's body is no user here: the apply creates routines with check_function_bodies off and checks
 * their bodies before its commit, so a plain SQL or PL/pgSQL body may read what a later block declares.
 * The order of blocks is the user's; the fix is one move, which the error says.
 *
 * <p>The check is over a dependency graph of the declared side ({@link #calls}): an edge from each
 * declaration to each routine declaration it calls; an edge that points forward in the planning order
 * is refused. A trigger's edge comes from its function; the other calls are recognised in the declared text as {@code name(} or {@code schema.name(}: an
 * unqualified name counts only for routines of {@code public} (where an unqualified call resolves
 * under the default search_path), so a false match can only mean a missed refusal, never a wrong one
 * for a qualified call. Routines that exist already, under any arguments, are never "later".
 */
final class DeclaredCallOrder {
    private DeclaredCallOrder() {
    }

    private record Routine(QualifiedName name, String signature, String word) {
    }

    /**
     * @param order the planning order (indexes into {@code all})
     * @return {@code order}, once no declaration calls a routine declared after it
     */
    static List<Integer> checked(Catalog catalog, List<Declaration> all, List<Integer> order) {
        DependencyGraph<Integer> calls = calls(catalog, all);
        if (calls.nodes().isEmpty()) return order;
        Map<Integer, Integer> position = new HashMap<>();
        for (int p = 0; p < order.size(); p++) position.put(order.get(p), p);
        List<String> problems = new ArrayList<>();
        for (int user : order) {
            Declaration d = all.get(user);
            List<Integer> later = calls.prerequisitesOf(user).stream().filter(r -> position.get(r) > position.get(user))
                    .sorted(Comparator.comparing(position::get)).toList();
            for (int r : later) {
                Declaration routine = all.get(r);
                Routine called = routine(routine);
                problems.add(user(catalog, d) + " (block " + d.origin().blockId() + ") calls " + called.word() + " " + called.signature()
                        + ", which " + (routine.origin().blockId().equals(d.origin().blockId()) ? "the same block declares after a rename, removal, column change or custom step that it is not moved across"
                        : "block " + routine.origin().blockId() + " declares later")
                        + ": declare the " + called.word() + " before it (in block " + d.origin().blockId() + " or an earlier one)");
            }
        }
        if (!problems.isEmpty()) {
            throw SchemaSyncException.badInput("PostgreSQL resolves a function call when it creates the object that makes it,"
                    + " so a routine must be declared before its first user (nothing was changed):\n  - "
                    + String.join("\n  - ", problems));
        }
        return order;
    }

    /**
     * The declared side's call edges: declaration (by its index in the blocks; a table and its later
     * columns are separate lines) → the routine declaration it calls, for every routine the run creates.
     * A trigger's edge comes from its function field; the others from the declared SQL texts.
     */
    static DependencyGraph<Integer> calls(Catalog catalog, List<Declaration> all) {
        Map<Integer, Routine> created = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            Routine r = routine(all.get(i));
            if (r != null && !exists(catalog, r.name())) created.put(i, r);
        }
        DependencyGraph<Integer> graph = new DependencyGraph<>();
        if (created.isEmpty()) return graph;
        for (int i = 0; i < all.size(); i++) {
            Declaration d = all.get(i);
            if (user(catalog, d) == null) continue;
            for (Map.Entry<Integer, Routine> r : created.entrySet()) {
                if (usesRoutine(d, r.getValue().name())) graph.edge(i, r.getKey());
            }
        }
        return graph;
    }

    private static Routine routine(Declaration d) {
        if (d instanceof Declaration.FunctionDecl f) return new Routine(f.name(), f.signature(), f.word());
        if (d instanceof Declaration.AggregateDecl a) return new Routine(a.name(), a.signature(), "aggregate");
        return null;
    }

    private static boolean exists(Catalog catalog, QualifiedName name) {
        return catalog.functions().values().stream().anyMatch(f -> f.name().equals(name))
                || catalog.aggregates().values().stream().anyMatch(f -> f.name().equals(name));
    }

    /** What the declaration creates, as the error names it, or null when it creates nothing that can call a routine. */
    static String user(Catalog catalog, Declaration d) {
        if (d instanceof Declaration.TableDecl t) return catalog.tables().containsKey(t.name()) ? null : "table " + t.name();
        if (d instanceof Declaration.ColumnDecl c) {
            boolean have = catalog.tables().containsKey(c.table()) && catalog.tables().get(c.table()).column(c.column().name()).isPresent();
            return have ? null : "column " + c.table() + "." + c.column().name();
        }
        if (d instanceof Declaration.ConstraintsDecl k) return "constraints of table " + k.table();
        if (d instanceof Declaration.IndexDecl i) return catalog.indexes().containsKey(i.name()) ? null : "index " + i.name();
        if (d instanceof AccessDecl.PolicyDecl p) return "policy " + p.name() + " on " + p.table();
        if (d instanceof Declaration.TriggerDecl g) return "trigger " + g.name() + " on " + g.table();
        if (d instanceof TypeDecl.DomainDecl t) return catalog.domains().containsKey(t.name()) ? null : "domain " + t.name();
        return null;
    }

    /** Whether the declaration's SQL texts (or a trigger's function) call {@code routine}: the one recogniser, shared with {@link PlanGraph}. */
    static boolean usesRoutine(Declaration d, QualifiedName routine) {
        if (d instanceof Declaration.TriggerDecl g) return PlanGraph.routine(PlanGraph.calledName(g.function())).equals(PlanGraph.routine(routine));
        List<String> texts = new ArrayList<>();
        if (d instanceof Declaration.TableDecl t) {
            t.columns().forEach(c -> columnTexts(c, texts));
            t.constraints().forEach(c -> constraintTexts(c, texts));
        } else if (d instanceof Declaration.ColumnDecl c) {
            columnTexts(c.column(), texts);
        } else if (d instanceof Declaration.ConstraintsDecl k) {
            k.constraints().forEach(c -> constraintTexts(c, texts));
        } else if (d instanceof Declaration.IndexDecl i) {
            for (KeyPart k : i.keys()) {
                if (k instanceof KeyPart.ExpressionKey e) texts.add(e.sql());
                else if (k instanceof KeyPart.RawKey r) texts.add(r.sql());
            }
            texts.add(i.where());
        } else if (d instanceof AccessDecl.PolicyDecl p) {
            texts.add(p.using());
            texts.add(p.withCheck());
        } else if (d instanceof TypeDecl.DomainDecl t) {
            texts.add(t.defaultSql());
            t.checks().forEach(c -> texts.add(c.expression()));
        }
        Pattern call = callOf(routine);
        return texts.stream().anyMatch(s -> s != null && call.matcher(s).find());
    }

    private static void columnTexts(ColumnSpec c, List<String> texts) {
        texts.add(c.defaultSql());
        texts.add(c.generatedSql());
    }

    private static void constraintTexts(ConstraintSpec c, List<String> texts) {
        texts.add(c.checkSql());
    }

    /** {@code schema.name(} (either part optionally quoted) or, for a routine of public, {@code name(}. */
    static Pattern callOf(QualifiedName routine) {
        return named(routine, "\\s*\\(");
    }

    /** {@code schema.name} or, for an object of public, {@code name}, as a whole word (a type in a signature). */
    static Pattern wordOf(QualifiedName object) {
        return named(object, "(?![A-Za-z0-9_$\"])");
    }

    private static Pattern named(QualifiedName routine, String after) {
        String name = "(?:" + Pattern.quote(routine.name()) + "|\"" + Pattern.quote(routine.name()) + "\")";
        String schema = "(?:" + Pattern.quote(routine.schema()) + "|\"" + Pattern.quote(routine.schema()) + "\")\\s*\\.\\s*";
        String prefix = routine.schema().equals(QualifiedName.DEFAULT_SCHEMA) ? "(?:" + schema + ")?" : schema;
        boolean plain = routine.name().equals(routine.name().toLowerCase(Locale.ROOT));
        return Pattern.compile("(?<![A-Za-z0-9_$.\"])" + prefix + name + after, plain ? Pattern.CASE_INSENSITIVE : 0);
    }
}
