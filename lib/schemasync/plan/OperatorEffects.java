package schemasync.plan;

import schemasync.catalog.CommentTarget;

import schemasync.catalog.Operator;
import schemasync.catalog.QualifiedName;

/**
 * What CREATE and DROP OPERATOR do to the catalog beyond their own row (PostgreSQL's OperatorUpd): creating an
 * operator whose commutator or negator already exists without one links that operator back to it; dropping one
 * clears the links that pointed at it. A commutator or negator that does not exist yet becomes a shell operator,
 * which the catalog does not read (as pg_dump skips it).
 */
final class OperatorEffects {
    private OperatorEffects() {
    }

    static void create(CatalogEdit c, Operator o) {
        c.operators.put(o.key(), o);
        if (o.commutator() != null) {
            // The commutator takes (right, left).
            String key = Operator.key(o.commutator(), o.rightType(), o.leftType());
            Operator other = c.operators.get(key);
            if (other != null && other.commutator() == null && !key.equals(o.key())) {
                c.operators.put(key, with(other, o.name(), other.negator()));
            }
        }
        if (o.negator() != null) {
            String key = Operator.key(o.negator(), o.leftType(), o.rightType());
            Operator other = c.operators.get(key);
            if (other != null && other.negator() == null && !key.equals(o.key())) {
                c.operators.put(key, with(other, other.commutator(), o.name()));
            }
        }
    }

    static void drop(CatalogEdit c, Operator o) {
        Operator dropped = c.operators.remove(o.key());
        if (dropped == null) return;
        c.comments.remove(CommentTarget.operator(dropped.name(), dropped.leftType(), dropped.rightType())); // DROP takes its comment
        c.operators.replaceAll((key, other) -> {
            boolean commutes = other.commutator() != null
                    && Operator.key(other.commutator(), other.rightType(), other.leftType()).equals(dropped.key());
            boolean negates = other.negator() != null
                    && Operator.key(other.negator(), other.leftType(), other.rightType()).equals(dropped.key());
            return commutes || negates ? with(other, commutes ? null : other.commutator(), negates ? null : other.negator()) : other;
        });
    }

    private static Operator with(Operator o, QualifiedName commutator, QualifiedName negator) {
        return new Operator(o.name(), o.leftType(), o.rightType(), o.function(), commutator, negator, o.restrict(), o.join(),
                o.hashes(), o.merges());
    }
}
