package schemasync.dsl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import schemasync.dsl.Declaration.FunctionDecl;
import schemasync.dsl.Declaration.ViewDecl;

/**
 * The one rule of ordered blocks: a block that reached production is never edited, so a later block
 * that declares a view or a function/procedure again (same name, same signature) replaces the earlier
 * declaration. The earlier one is dropped before validation and planning: on an empty database the
 * object is created once, from the latest declaration, at the latest block's turn (after a rename it
 * reads); on a database where the earlier block ran, the object is compared with the latest one and
 * replaced (CREATE OR REPLACE) when it differs. Twice in the same block stays an error.
 */
final class Superseded {
    private Superseded() {
    }

    static List<Declaration> dropEarlier(List<Declaration> declarations) {
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
        return redeclared.isEmpty() ? declarations : kept;
    }

    /** What a later declaration replaces: the same view, or the same routine signature (spaces and case aside). */
    private static String key(Declaration d) {
        if (d instanceof ViewDecl v) return "view " + v.name();
        if (d instanceof FunctionDecl f) {
            return f.word() + " " + f.name() + "(" + f.arguments().replaceAll("\\s+", " ").trim().toLowerCase(java.util.Locale.ROOT) + ")";
        }
        return null;
    }
}
