package schemasync.dsl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import schemasync.catalog.QualifiedName;
import schemasync.dsl.Declaration.FunctionDecl;
import schemasync.dsl.Declaration.ViewDecl;

/**
 * The one rule of ordered blocks: a block that reached production is never edited, so a later block
 * that declares a view or a function/procedure again (same name, same signature) replaces the earlier
 * declaration (an {@code ensureEnum} again: its labels, at the earliest block's place). The earlier one is dropped
 * before validation and planning: on an empty database the
 * object is created once, from the latest declaration, at the latest block's turn (after a rename it
 * reads); on a database where the earlier block ran, the object is compared with the latest one and
 * replaced (CREATE OR REPLACE) when it differs. Likewise an {@code ensureNo...} removes the earlier
 * declarations of what it drops, under the name it has by then ({@link LaterRemovals}, the one removal replay the
 * planner and the schema docs both read): on an empty database the object is never created, on an existing one
 * it is dropped. In the same block, either stays a contradiction for the validator to report; a
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
        List<Declaration> left = LaterRemovals.apply(redeclared.isEmpty() ? declarations : kept);
        // operators, casts, operator families and classes: named by more than a qualified name
        return OperatorClassDecl.removedLater(OperatorDecl.removedLater(left));
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

    /** What a later declaration replaces: the same view, or the same routine signature (spaces and case aside). */
    private static String key(Declaration d) {
        if (d instanceof ViewDecl v) return "view " + v.name();
        if (d instanceof StatisticsRuleDecl.StatisticsDecl s) return "statistics " + s.name();
        if (d instanceof TextSearchDecl.DictionaryDecl t) return "text search dictionary " + t.name();
        if (d instanceof TextSearchDecl.ConfigurationDecl t) return "text search configuration " + t.name();
        if (d instanceof ConversionDecl c) return "conversion " + c.name();
        if (d instanceof SecurityLabelDecl l && l.provider() != null && l.on() != null && l.name() != null && (l.on() != SecurityLabelOn.COLUMN || l.column() != null)) return "security label " + l.target();
        if (d instanceof StatisticsRuleDecl.RuleDecl u) return "rule " + u.name() + " on " + u.table();
        if (d instanceof FunctionDecl f) {
            return f.word() + " " + f.name() + "(" + Removals.arguments(f.arguments()) + ")";
        }
        return null;
    }
}
