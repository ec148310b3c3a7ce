package schemasync.plan;

import java.util.ArrayList;
import java.util.List;
import schemasync.catalog.CommentTarget;
import schemasync.catalog.OperatorClass;
import schemasync.catalog.OwnerTarget;
import schemasync.catalog.OperatorFamily;

/**
 * What the steps of operator families and classes do to the catalog beyond their own row: CREATE OPERATOR CLASS
 * without an existing family makes the family of that name (and DROP OPERATOR CLASS leaves it); DROP OPERATOR FAMILY
 * takes the family's classes along; a DROP takes the comments of what it drops.
 */
final class OperatorClassEffects {
    private OperatorClassEffects() {
    }

    static void createFamily(CatalogEdit c, OperatorFamily f) {
        c.operatorFamilies.put(f.key(), new OperatorFamily(f.name(), f.method(), List.of()));
    }

    static void addMembers(CatalogEdit c, OperatorFamily f) {
        OperatorFamily had = c.operatorFamilies.get(f.key());
        List<OperatorClass.Member> members = new ArrayList<>(had == null ? List.of() : had.members());
        members.addAll(f.members());
        c.operatorFamilies.put(f.key(), new OperatorFamily(f.name(), f.method(), members));
    }

    static void dropFamily(CatalogEdit c, OperatorFamily f) {
        c.operatorFamilies.remove(f.key());
        for (OperatorClass k : List.copyOf(c.operatorClasses.values())) {
            if (k.family().equals(f.name()) && k.method().equals(f.method())) {
                c.operatorClasses.remove(k.key());
                OwnerEffects.droppedOperatorClass(c, OwnerTarget.Kind.OPERATOR_CLASS, k.name(), k.method());
                c.comments.remove(new CommentTarget(CommentTarget.Kind.OPERATOR_CLASS, k.name(), k.method()));
            }
        }
        OwnerEffects.droppedOperatorClass(c, OwnerTarget.Kind.OPERATOR_FAMILY, f.name(), f.method());
        c.comments.remove(new CommentTarget(CommentTarget.Kind.OPERATOR_FAMILY, f.name(), f.method()));
    }

    static void createClass(CatalogEdit c, OperatorClass k) {
        c.operatorClasses.put(k.key(), k);
        String family = OperatorClass.key(k.family(), k.method());
        if (c.operatorFamilies.get(family) == null) {
            c.operatorFamilies.put(family, new OperatorFamily(k.family(), k.method(), List.of()));
        }
    }

    static void dropClass(CatalogEdit c, OperatorClass k) {
        c.operatorClasses.remove(k.key());
        OwnerEffects.droppedOperatorClass(c, OwnerTarget.Kind.OPERATOR_CLASS, k.name(), k.method());
        c.comments.remove(new CommentTarget(CommentTarget.Kind.OPERATOR_CLASS, k.name(), k.method()));
    }
}
