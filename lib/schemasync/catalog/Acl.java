package schemasync.catalog;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads PostgreSQL's aclitem text ({@code grantee=privileges/grantor}, e.g. {@code app=arw/owner};
 * an empty grantee is PUBLIC; a name with special characters is double-quoted). A NULL relacl means
 * the owner's default privileges only: no grants to anyone else.
 */
final class Acl {
    /** Table privilege letters (aclitem abbreviations); 'm' is MAINTAIN (PostgreSQL 17). */
    private static final Map<Character, String> TABLE_PRIVILEGES = Map.of('r', "SELECT", 'a', "INSERT", 'w', "UPDATE",
            'd', "DELETE", 'D', "TRUNCATE", 'x', "REFERENCES", 't', "TRIGGER", 'm', "MAINTAIN");

    private Acl() {
    }

    /** Grants to roles other than the owner (whose privileges are implicit and not declared). */
    static Set<Grant> grants(String[] acl, String owner) {
        Set<Grant> grants = new HashSet<>();
        if (acl == null) return grants;
        for (String item : acl) {
            int eq = grantee(item);
            String role = unquote(item.substring(0, eq));
            if (role.equals(owner)) continue;
            String privileges = item.substring(eq + 1, item.lastIndexOf('/'));
            for (char c : privileges.toCharArray()) {
                String privilege = TABLE_PRIVILEGES.get(c);
                if (privilege != null) grants.add(new Grant(role.isEmpty() ? "public" : role, privilege));
            }
        }
        return grants;
    }

    /** Index of the '=' that ends the grantee, skipping a quoted name. */
    private static int grantee(String item) {
        boolean quoted = false;
        for (int i = 0; i < item.length(); i++) {
            char c = item.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (c == '=' && !quoted) return i;
        }
        throw new IllegalArgumentException("not an aclitem: " + item);
    }

    private static String unquote(String name) {
        return schemasync.model.Identifiers.unquote(name);
    }
}
