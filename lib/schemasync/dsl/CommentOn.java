package schemasync.dsl;

import schemasync.catalog.CommentTarget.Kind;

/** What {@code ensureComment(CommentOn.VIEW, "active_users", "...")} comments: readable names for the kinds. */
public final class CommentOn {
    public static final Kind SCHEMA = Kind.SCHEMA;
    public static final Kind VIEW = Kind.VIEW;
    public static final Kind MATERIALIZED_VIEW = Kind.MATERIALIZED_VIEW;
    public static final Kind SEQUENCE = Kind.SEQUENCE;
    public static final Kind INDEX = Kind.INDEX;
    /** An enum, domain or composite type. */
    public static final Kind TYPE = Kind.TYPE;
    /** {@code "name(argument types)"}. */
    public static final Kind FUNCTION = Kind.FUNCTION;
    public static final Kind PROCEDURE = Kind.PROCEDURE;
    public static final Kind AGGREGATE = Kind.AGGREGATE;
    /** With the table and the constraint's name. */
    public static final Kind CONSTRAINT = Kind.CONSTRAINT;
    /** With the domain and the constraint's name. */
    public static final Kind DOMAIN_CONSTRAINT = Kind.DOMAIN_CONSTRAINT;
    public static final Kind TRIGGER = Kind.TRIGGER;
    public static final Kind POLICY = Kind.POLICY;

    private CommentOn() {
    }
}
