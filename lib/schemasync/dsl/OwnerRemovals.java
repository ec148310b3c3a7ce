package schemasync.dsl;

import schemasync.catalog.OwnerTarget.Kind;
import schemasync.dsl.Declaration.RemovalDecl;

/**
 * A later block's removal ({@code ensureNoTable}, {@code ensureNoView}, ...) takes an earlier {@code ensureOwner}
 * of the removed object along, as DROP takes the owner along: otherwise the next plan would look for the owner of
 * an object that no longer exists. Applied by {@link LaterRemovals}; an operator's removal is not a RemovalDecl
 * (named by its types), so {@link OperatorDecl#removedLater} takes its owner along.
 */
final class OwnerRemovals {
    private OwnerRemovals() {
    }

    static boolean removes(RemovalDecl r, OwnerDecl o) {
        Kind owned = o.target().kind();
        if (owned == null || !o.target().name().equals(r.object())) return false;
        return switch (r.kind()) {
            case TABLE, PARTITION -> owned == Kind.TABLE;
            case VIEW -> owned == Kind.VIEW;
            case MATERIALIZED_VIEW -> owned == Kind.MATERIALIZED_VIEW;
            case SEQUENCE -> owned == Kind.SEQUENCE;
            case DOMAIN -> owned == Kind.DOMAIN;
            case COMPOSITE_TYPE, RANGE_TYPE -> owned == Kind.TYPE;
            case COLLATION -> owned == Kind.COLLATION;
            case STATISTICS -> owned == Kind.STATISTICS;
            case TEXT_SEARCH_DICTIONARY -> owned == Kind.TEXT_SEARCH_DICTIONARY;
            case TEXT_SEARCH_CONFIGURATION -> owned == Kind.TEXT_SEARCH_CONFIGURATION;
            case CONVERSION -> owned == Kind.CONVERSION;
            // A routine by its signature: the removal's detail holds its argument types (spaces and case aside).
            case FUNCTION, PROCEDURE, AGGREGATE -> owned.routine() && Removals.arguments(o.target().arguments()).equals(Removals.arguments(r.column()));
            default -> false;
        };
    }

}
