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

    /**
     * An operator's two declared types ({@code "money2, money2"} → {@code [money2, money2]}), a missing side (NONE or
     * blank) as null; null when the text is not two types (commas inside parentheses, as in numeric(10,2), do not split).
     */
    public static String[] operatorTypes(String arguments) {
        if (arguments == null) return null;
        int depth = 0;
        int comma = -1;
        for (int i = 0; i < arguments.length(); i++) {
            char ch = arguments.charAt(i);
            if (ch == '(') depth++;
            else if (ch == ')') depth--;
            else if (ch == ',' && depth == 0) {
                if (comma >= 0) return null;
                comma = i;
            }
        }
        if (comma < 0) return null;
        String left = side(arguments.substring(0, comma));
        String right = side(arguments.substring(comma + 1));
        return left == null && right == null ? null : new String[] {left, right};
    }

    private static String side(String type) {
        String t = type.strip();
        return t.isEmpty() || t.equalsIgnoreCase("NONE") ? null : t;
    }
}
