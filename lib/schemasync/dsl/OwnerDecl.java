package schemasync.dsl;

import schemasync.catalog.OwnerTarget;
import schemasync.catalog.QualifiedName;

/**
 * {@code ensureOwner}: the object is owned by {@code role} (a role the cluster already has: roles are
 * referenced, never created). Planned by {@code plan.OwnerPlanner}; an owner no block declares is not compared.
 */
public record OwnerDecl(OwnerTarget target, String role, Origin origin) implements Declaration.Kind {
    public QualifiedName name() {
        return target.name();
    }
}
