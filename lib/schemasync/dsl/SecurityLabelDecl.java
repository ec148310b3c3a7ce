package schemasync.dsl;

import schemasync.catalog.QualifiedName;
import schemasync.catalog.SecurityLabelTarget;
import schemasync.model.Identifiers;

/**
 * {@code ensureSecurityLabel("selinux", SecurityLabelOn.COLUMN, "shop.orders.note", "system_u:object_r:sepgsql_secret_table_t:s0")}.
 * {@code name} is the object (a column's table; a schema as {@code schema.schema}; a publication or event trigger with
 * an empty schema, as {@code CommentTarget.databaseWide}), {@code column} a column's name or null.
 */
public record SecurityLabelDecl(String provider, SecurityLabelOn on, QualifiedName name, String column, String label,
                                Origin origin) implements Declaration.Kind {

    /** The key pg_seclabels gives the label: its objtype and the object's identity, quoted where PostgreSQL quotes it. */
    public SecurityLabelTarget target() {
        return new SecurityLabelTarget(provider, on.objectType(), object());
    }

    /** The object as pg_seclabels prints it (quote_ident on each part; format_type qualifies a type the same way). */
    public String object() {
        if (on == SecurityLabelOn.SCHEMA || on.databaseWide()) return Identifiers.quote(name.name());
        String relation = Identifiers.quote(name.schema()) + "." + Identifiers.quote(name.name());
        return on == SecurityLabelOn.COLUMN ? relation + "." + Identifiers.quote(column) : relation;
    }

    /** The relation SECURITY LABEL locks (SHARE UPDATE EXCLUSIVE), or null for a schema, type or database object. */
    public QualifiedName lockedRelation() {
        return on.relation() ? name : null;
    }
}
