package schemasync.dsl;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import schemasync.catalog.DefaultTarget;
import schemasync.catalog.GrantTarget;
import schemasync.dsl.Declaration.AggregateDecl;
import schemasync.dsl.AccessDecl.DefaultPrivilegesDecl;
import schemasync.dsl.AccessDecl.GrantDecl;

/**
 * Checks of grants, revocations, default privileges and aggregates, before any connection: known
 * privilege words for the object kind, names within 63 bytes, and no privilege both granted and
 * revoked (whichever block comes last would win on every run, flipping it back and forth).
 */
final class PrivilegeValidator {
    private final Validator validator;
    /** "target role privilege" → the block that grants or revokes it, and which. */
    private final Map<String, Origin> granted = new HashMap<>();
    private final Map<String, Origin> revoked = new HashMap<>();
    private final Set<String> aggregates = new TreeSet<>();

    PrivilegeValidator(Validator validator) {
        this.validator = validator;
    }

    void validate(Declaration d) {
        if (d instanceof GrantDecl g) grant(g);
        else if (d instanceof DefaultPrivilegesDecl p) defaults(p);
        else if (d instanceof AggregateDecl a) aggregate(a);
    }

    private void grant(GrantDecl g) {
        GrantTarget t = g.target();
        String what = (g.revoke() ? "revocation" : "grant") + " on " + t;
        switch (t.kind()) {
            case SCHEMA -> validator.name(g.origin(), "schema", t.schema());
            case COLUMN -> {
                validator.qualified(g.origin(), "table", t.qualifiedName());
                validator.name(g.origin(), "column", t.detail());
            }
            case FUNCTION -> {
                validator.qualified(g.origin(), "function", t.qualifiedName());
                if (t.detail() == null) validator.problem(g.origin(), what + ": write the signature as name(argument types),"
                        + " e.g. \"app_add(integer, integer)\"");
            }
            default -> validator.qualified(g.origin(), t.kind().word(), t.qualifiedName());
        }
        validator.name(g.origin(), "role", g.role());
        privileges(g.origin(), what, t.kind().word(), t.kind().privileges, g.privileges());
        for (String p : g.privileges()) contradiction(g.origin(), t + " " + g.role() + " " + p, g.revoke(),
                p + " on " + t + " to " + g.role());
    }

    private void defaults(DefaultPrivilegesDecl p) {
        String what = "default privileges on " + p.objects();
        List<String> allowed = p.objects() == null ? null : DefaultTarget.PRIVILEGES.get(p.objects());
        if (allowed == null) {
            validator.problem(p.origin(), "default privileges: objects must be TABLES, SEQUENCES, FUNCTIONS, TYPES or SCHEMAS,"
                    + " not '" + p.objects() + "'");
            return;
        }
        if (p.forRole() != null) validator.name(p.origin(), "role of " + what, p.forRole());
        if (p.schema() != null) validator.name(p.origin(), "schema of " + what, p.schema());
        // PostgreSQL: "cannot use IN SCHEMA clause when using GRANT/REVOKE ON SCHEMAS".
        if (p.schema() != null && p.objects().equals("SCHEMAS")) validator.problem(p.origin(), what + " cannot be limited to a schema");
        validator.name(p.origin(), "role", p.role());
        privileges(p.origin(), what, p.objects().toLowerCase(java.util.Locale.ROOT), allowed, p.privileges());
        for (String privilege : p.privileges()) {
            contradiction(p.origin(), "default " + p.forRole() + " " + p.schema() + " " + p.objects() + " " + p.role() + " " + privilege,
                    p.revoke(), "default " + privilege + " on " + p.objects() + " to " + p.role());
        }
    }

    private void aggregate(AggregateDecl a) {
        validator.qualified(a.origin(), "aggregate", a.name());
        if (a.arguments() == null) {
            validator.problem(a.origin(), "aggregate " + a.name() + ": write the signature as name(argument types), e.g. \"group_concat(text)\"");
        } else if (!aggregates.add(a.signature())) {
            validator.problem(a.origin(), "aggregate " + a.signature() + " is declared twice");
        }
        if (a.definition() == null || a.definition().isBlank()) {
            validator.problem(a.origin(), "aggregate " + a.name() + " has no definition (e.g. \"SFUNC = f, STYPE = text\")");
        }
    }

    private void privileges(Origin origin, String what, String kind, List<String> allowed, List<String> privileges) {
        if (privileges.isEmpty()) validator.problem(origin, what + " names no privileges");
        for (String p : privileges) {
            if (!allowed.contains(p)) validator.problem(origin, what + ": unknown " + kind + " privilege '" + p + "' (one of "
                    + String.join(", ", allowed) + ")");
        }
    }

    private void contradiction(Origin origin, String key, boolean revoke, String description) {
        Origin other = (revoke ? granted : revoked).get(key);
        if (other != null) {
            validator.problem(origin, description + " is " + (revoke ? "granted by " : "revoked by ") + other
                    + " and " + (revoke ? "revoked" : "granted") + " here: keep one");
        }
        (revoke ? revoked : granted).putIfAbsent(key, origin);
    }
}
