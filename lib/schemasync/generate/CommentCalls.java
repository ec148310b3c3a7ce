package schemasync.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import schemasync.catalog.Catalog;
import schemasync.catalog.CommentTarget;
import schemasync.catalog.QualifiedName;

/** The last block: {@code ensureComment} for every commented object that is not a table or a column. */
final class CommentCalls {
    private CommentCalls() {
    }

    /**
     * Comments on everything but tables and columns (those are part of ensureTable), once every object
     * exists; event triggers' are written with them, in the last block ({@link #writeEventTriggers}). The public
     * schema's stock comment is in every new database already, and an extension's comment its control file gives is
     * set by CREATE EXTENSION itself ({@code extensionDefaults}, from pg_available_extensions): neither is written, so
     * the blocks declare only what someone chose.
     */
    static void write(Generator g, Catalog catalog, Map<String, String> extensionDefaults) {
        g.startBlock("Comments", "Comments on schemas, views, sequences, indexes, types, routines, constraints, triggers, policies"
                + ", statistics, rules, foreign tables and their columns, collations, operators, casts, operator classes and"
                + " families, extensions, foreign servers and publications");
        for (CommentTarget t : sorted(catalog)) {
            if (t.kind() == CommentTarget.Kind.EVENT_TRIGGER) continue;
            String text = catalog.comments().get(t);
            if (t.kind() == CommentTarget.Kind.SCHEMA && t.object().name().equals(QualifiedName.DEFAULT_SCHEMA)
                    && text.equals("standard public schema")) continue;
            if (t.kind() == CommentTarget.Kind.EXTENSION && text.equals(extensionDefaults.get(t.object().name()))) continue;
            g.add(call(g, t, text));
        }
    }

    /** Comments on event triggers, in the event triggers' own block (the last): they are created after the comments. */
    static void writeEventTriggers(Generator g, Catalog catalog) {
        for (CommentTarget t : sorted(catalog)) {
            if (t.kind() == CommentTarget.Kind.EVENT_TRIGGER) g.add(call(g, t, catalog.comments().get(t)));
        }
    }

    private static List<CommentTarget> sorted(Catalog catalog) {
        List<CommentTarget> targets = new ArrayList<>(catalog.comments().keySet());
        targets.sort(Comparator.comparing((CommentTarget t) -> t.kind().ordinal()).thenComparing(CommentTarget::toString));
        return targets;
    }

    private static Call.CommentCall call(Generator g, CommentTarget t, String text) {
        return switch (t.kind()) {
            case SCHEMA -> new Call.CommentCall(t.kind(), t.object().name(), null, text);
            case EXTENSION, SERVER, PUBLICATION, EVENT_TRIGGER -> new Call.CommentCall(t.kind(), t.object().name(), null, text);
            case FUNCTION, PROCEDURE, AGGREGATE, OPERATOR ->
                    new Call.CommentCall(t.kind(), g.dslName(t.object()) + "(" + t.detail() + ")", null, text);
            case CAST -> new Call.CommentCall(t.kind(), t.object().name() + " AS " + t.detail(), null, text);
            case OPERATOR_CLASS, OPERATOR_FAMILY -> new Call.CommentCall(t.kind(), g.dslName(t.object()) + " USING " + t.detail(), null, text);
            case CONSTRAINT, DOMAIN_CONSTRAINT, TRIGGER, POLICY, VIEW_COLUMN, RULE, FOREIGN_TABLE_COLUMN, MATERIALIZED_VIEW_COLUMN,
                 TYPE_ATTRIBUTE -> new Call.CommentCall(t.kind(), g.dslName(t.object()), t.detail(), text);
            default -> new Call.CommentCall(t.kind(), g.dslName(t.object()), null, text);
        };
    }
}
