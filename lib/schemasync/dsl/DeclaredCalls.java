package schemasync.dsl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import schemasync.catalog.Catalog;
import schemasync.catalog.ColumnSpec;
import schemasync.catalog.ConstraintSpec;
import schemasync.catalog.KeyPart;
import schemasync.catalog.QualifiedName;
import schemasync.model.DependencyGraph;
import schemasync.model.Identifiers;
import schemasync.model.ObjectId;

/**
 * Which declarations call which routines the run creates: the declared side's call edges, read without a server.
 * PostgreSQL resolves a function call in a column default, generated column, CHECK, index expression, policy or
 * domain, and a trigger's function, when it creates that object. Both the normalizer's rolled-back twins and the
 * plan order creation by these edges ({@link BlockCreationOrder}), and the plan refuses an edge that still points
 * forward ({@code plan.DeclaredCallOrder}); so the one recogniser lives here, before both.
 *
 * <p>A trigger's edge comes from its function; the other calls are recognised in the declared text as {@code name(}
 * or {@code schema.name(}: an unqualified name counts only for routines of {@code public} (where an unqualified call
 * resolves under the default search_path), so a false match can only mean a missed refusal, never a wrong one for a
 * qualified call. Routines that exist already, under any arguments, are never "created by the run".
 */
public final class DeclaredCalls {
    private DeclaredCalls() {
    }

    /** A routine a declaration creates, as errors name it: its name, signature and word (function, procedure, aggregate). */
    public record Routine(QualifiedName name, String signature, String word) {
    }

    /**
     * The declared side's call edges: declaration (by its index in the blocks; a table and its later
     * columns are separate lines) → the routine declaration it calls, for every routine the run creates.
     */
    public static DependencyGraph<Integer> calls(Catalog catalog, List<Declaration> all) {
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

    /** The routine the declaration creates, or null. */
    public static Routine routine(Declaration d) {
        if (d instanceof Declaration.FunctionDecl f) return new Routine(f.name(), f.signature(), f.word());
        if (d instanceof Declaration.AggregateDecl a) return new Routine(a.name(), a.signature(), "aggregate");
        return null;
    }

    private static boolean exists(Catalog catalog, QualifiedName name) {
        return catalog.functions().values().stream().anyMatch(f -> f.name().equals(name))
                || catalog.aggregates().values().stream().anyMatch(f -> f.name().equals(name));
    }

    /** What the declaration creates, as the error names it, or null when it creates nothing that can call a routine. */
    public static String user(Catalog catalog, Declaration d) {
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

    /** Whether the declaration's SQL texts (or a trigger's function) call {@code routine}: the one recogniser. */
    public static boolean usesRoutine(Declaration d, QualifiedName routine) {
        if (d instanceof Declaration.TriggerDecl g) return routineId(calledName(g.function())).equals(routineId(routine));
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
    public static Pattern callOf(QualifiedName routine) {
        return named(routine, "\\s*\\(");
    }

    /** {@code schema.name} or, for an object of public, {@code name}, as a whole word (a type in a signature). */
    public static Pattern wordOf(QualifiedName object) {
        return named(object, "(?![A-Za-z0-9_$\"])");
    }

    private static Pattern named(QualifiedName routine, String after) {
        String name = "(?:" + Pattern.quote(routine.name()) + "|\"" + Pattern.quote(routine.name()) + "\")";
        String schema = "(?:" + Pattern.quote(routine.schema()) + "|\"" + Pattern.quote(routine.schema()) + "\")\\s*\\.\\s*";
        String prefix = routine.schema().equals(QualifiedName.DEFAULT_SCHEMA) ? "(?:" + schema + ")?" : schema;
        boolean plain = routine.name().equals(routine.name().toLowerCase(Locale.ROOT));
        return Pattern.compile("(?<![A-Za-z0-9_$.\"])" + prefix + name + after, plain ? Pattern.CASE_INSENSITIVE : 0);
    }

    /** The routine a trigger declaration's {@code function} text calls: {@code audit.stamp()} → {@code audit.stamp}. */
    public static String calledName(String function) {
        String f = function.strip();
        int paren = f.indexOf('(');
        return (paren < 0 ? f : f.substring(0, paren)).strip();
    }

    /**
     * A routine's graph node by its (possibly quoted, possibly unqualified: public) name, arguments left out, read as
     * PostgreSQL reads it: bare parts fold to lower case, quoted parts are exact ({@code "my.schema"."Stamp"}).
     */
    public static ObjectId routineId(String name) {
        List<String> parts = Identifiers.splitQualified(name);
        QualifiedName n = switch (parts.size()) {
            case 1 -> new QualifiedName(QualifiedName.DEFAULT_SCHEMA, parts.get(0));
            case 2 -> new QualifiedName(parts.get(0), parts.get(1));
            default -> QualifiedName.parse(name.strip()); // not a name the validator lets through; keep the node
        };
        return routineId(n);
    }

    /** A routine's graph node, arguments left out ({@code FUNCTION public.f}), as removals and triggers name it. */
    public static ObjectId routineId(QualifiedName name) {
        return ObjectId.of(ObjectId.Kind.FUNCTION, name.schema(), name.name());
    }
}
