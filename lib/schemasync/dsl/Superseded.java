package schemasync.dsl;
import schemasync.catalog.ConstraintSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import schemasync.catalog.QualifiedName;
import schemasync.dsl.Declaration.ColumnDecl;
import schemasync.dsl.Declaration.FunctionDecl;
import schemasync.dsl.Declaration.IndexDecl;
import schemasync.dsl.Declaration.RemovalDecl;
import schemasync.dsl.Declaration.TableDecl;
import schemasync.dsl.Declaration.TriggerDecl;
import schemasync.dsl.Declaration.ViewDecl;

/**
 * The one rule of ordered blocks: a block that reached production is never edited, so a later block
 * that declares a view or a function/procedure again (same name, same signature) replaces the earlier
 * declaration (an {@code ensureEnum} again: its labels, at the earliest block's place). The earlier one is dropped
 * before validation and planning: on an empty database the
 * object is created once, from the latest declaration, at the latest block's turn (after a rename it
 * reads); on a database where the earlier block ran, the object is compared with the latest one and
 * replaced (CREATE OR REPLACE) when it differs. Likewise an {@code ensureNo...} removes the earlier
 * declarations of what it drops (a table, a column or a constraint of an earlier ensureTable, an index,
 * a view, a function, a trigger): on an empty database the object is never created, on an existing one
 * it is dropped (the same for a materialized view, sequence, domain, composite type, procedure, aggregate
 * or partition: {@link Removals}). In the same block, either stays a contradiction for the validator to report; a
 * declaration after a removal too (the removal stays in force).
 */
final class Superseded {
    private Superseded() {
    }

    static List<Declaration> dropEarlier(List<Declaration> declarations) {
        declarations = laterEnumLabels(declarations);
        Map<String, Integer> latestBlock = new HashMap<>();
        for (Declaration d : declarations) {
            String key = key(d);
            if (key != null) latestBlock.merge(key, d.origin().position(), Math::max);
        }
        Set<String> redeclared = new HashSet<>();
        List<Declaration> kept = new ArrayList<>(declarations.size());
        for (Declaration d : declarations) {
            String key = key(d);
            if (key != null && d.origin().position() < latestBlock.get(key)) {
                redeclared.add(key);
                continue;
            }
            kept.add(d);
        }
        List<Declaration> left = redeclared.isEmpty() ? removedLater(declarations) : removedLater(kept);
        return OperatorDecl.removedLater(left); // operators and casts: named by more than a qualified name
    }

    /**
     * A later block's {@code ensureEnum} of the same type (adding a label, which an edit of the shipped block
     * would otherwise be the only way to say): the type keeps the earliest block's place, since tables of
     * earlier blocks use it and must be created after it, and takes the latest labels and block name. On a
     * database where the earlier block ran, the planner adds the new labels (ALTER TYPE ... ADD VALUE).
     */
    private static List<Declaration> laterEnumLabels(List<Declaration> declarations) {
        Map<QualifiedName, TypeDecl.EnumDecl> latest = new HashMap<>();
        Map<QualifiedName, Integer> firstBlock = new HashMap<>();
        for (Declaration d : declarations) {
            if (!(d instanceof TypeDecl.EnumDecl e)) continue;
            firstBlock.merge(e.name(), e.origin().position(), Math::min);
            latest.merge(e.name(), e, (a, b) -> b.origin().position() >= a.origin().position() ? b : a);
        }
        if (latest.values().stream().noneMatch(e -> e.origin().position() != firstBlock.get(e.name()))) return declarations;
        List<Declaration> kept = new ArrayList<>(declarations.size());
        Set<QualifiedName> placed = new HashSet<>();
        for (Declaration d : declarations) {
            if (d instanceof TypeDecl.EnumDecl e && firstBlock.get(e.name()) != latest.get(e.name()).origin().position()) {
                if (e.origin().position() != firstBlock.get(e.name()) || !placed.add(e.name())) continue; // a later one: folded in
                TypeDecl.EnumDecl last = latest.get(e.name());
                kept.add(new TypeDecl.EnumDecl(e.name(), last.labels(),
                        new Origin(last.origin().blockId(), last.origin().description(), e.origin().position())));
                continue;
            }
            kept.add(d);
        }
        return kept;
    }

    /** Drops or trims the declarations of earlier blocks that a later removal takes away. */
    private static List<Declaration> removedLater(List<Declaration> declarations) {
        List<RemovalDecl> removals = declarations.stream().filter(d -> d instanceof RemovalDecl)
                .map(d -> (RemovalDecl) d).toList();
        if (removals.isEmpty()) return declarations;
        List<Declaration> kept = new ArrayList<>(declarations.size());
        for (Declaration d : declarations) {
            Declaration left = d;
            for (RemovalDecl r : removals) {
                if (left == null || r.origin().position() <= d.origin().position()) continue;
                left = without(left, r);
            }
            if (left != null) kept.add(left);
        }
        return kept;
    }

    /** The declaration once the removal took its object away: itself, a trimmed table, or null. */
    private static Declaration without(Declaration d, RemovalDecl r) {
        QualifiedName o = r.object();
        if (d instanceof OwnerDecl w && OwnerRemovals.removes(r, w)) return null; // DROP takes the owner along
        switch (r.kind()) {
            case TABLE -> {
                if (d instanceof TableDecl t && t.name().equals(o) || d instanceof ColumnDecl c && c.table().equals(o)
                        || d instanceof Declaration.ConstraintsDecl k && k.table().equals(o)
                        || d instanceof IndexDecl i && o.equals(i.table()) || d instanceof TriggerDecl g && o.equals(g.table())
                        || d instanceof Declaration.TableOptionsDecl t && t.table().equals(o)
                        || d instanceof Declaration.IndexOptionsDecl x && o.equals(x.table())) {
                    return null;
                }
            }
            case COLUMN -> {
                if (d instanceof ColumnDecl c && c.table().equals(o) && c.column().name().equals(r.column())) return null;
                if (d instanceof TableDecl t && t.name().equals(o) && t.columns().stream().anyMatch(c -> c.name().equals(r.column()))) {
                    return new TableDecl(t.name(), t.columns().stream().filter(c -> !c.name().equals(r.column())).toList(),
                            t.primaryKey(), t.primaryKeyName(), t.constraints(), t.comment(), t.partitionBy(), t.primaryKeyOptions(),
                            t.origin(), t.form());
                }
            }
            case CONSTRAINT -> {
                if (d instanceof TableDecl t && t.name().equals(o) && t.constraints().stream().anyMatch(c -> r.column().equals(c.name()))) {
                    return new TableDecl(t.name(), t.columns(), t.primaryKey(), t.primaryKeyName(),
                            t.constraints().stream().filter(c -> !r.column().equals(c.name())).toList(), t.comment(),
                            t.partitionBy(), t.primaryKeyOptions(), t.origin(), t.form());
                }
                if (d instanceof Declaration.ConstraintsDecl k && k.table().equals(o)
                        && k.constraints().stream().anyMatch(c -> r.column().equals(c.name()))) {
                    List<ConstraintSpec> left = k.constraints().stream().filter(c -> !r.column().equals(c.name())).toList();
                    return left.isEmpty() ? null : new Declaration.ConstraintsDecl(k.table(), left, k.origin());
                }
            }
            case INDEX -> {
                if (d instanceof IndexDecl i && i.name().equals(o)) return null;
                if (d instanceof Declaration.IndexOptionsDecl x && x.index().equals(o)) return null;
            }
            case VIEW -> {
                if (d instanceof ViewDecl v && v.name().equals(o)) return null;
            }
            case FUNCTION -> {
                if (d instanceof FunctionDecl f && f.name().equals(o) && arguments(f.arguments()).equals(arguments(r.column()))) return null;
            }
            case TRIGGER -> {
                if (d instanceof TriggerDecl g && o.equals(g.table()) && g.name().equals(r.column())) return null;
            }
            default -> {
                if (Removals.removes(r, d)) return null;
            }
        }
        return d;
    }

    /** What a later declaration replaces: the same view, or the same routine signature (spaces and case aside). */
    private static String key(Declaration d) {
        if (d instanceof ViewDecl v) return "view " + v.name();
        if (d instanceof StatisticsRuleDecl.StatisticsDecl s) return "statistics " + s.name();
        if (d instanceof TextSearchDecl.DictionaryDecl t) return "text search dictionary " + t.name();
        if (d instanceof TextSearchDecl.ConfigurationDecl t) return "text search configuration " + t.name();
        if (d instanceof StatisticsRuleDecl.RuleDecl u) return "rule " + u.name() + " on " + u.table();
        if (d instanceof FunctionDecl f) {
            return f.word() + " " + f.name() + "(" + arguments(f.arguments()) + ")";
        }
        return null;
    }

    private static String arguments(String arguments) {
        return arguments == null ? "" : arguments.replaceAll("\\s+", " ").trim().toLowerCase(java.util.Locale.ROOT);
    }
}
