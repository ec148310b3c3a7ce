package schemasync.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import schemasync.catalog.Catalog;
import schemasync.catalog.CommentTarget;
import schemasync.catalog.QualifiedName;

/** The last block: {@code ensureComment} for every commented object that is not a table or a column. */
final class CommentCalls {
    private CommentCalls() {
    }

    /**
     * Comments on everything but tables and columns (those are part of ensureTable), once every object
     * exists. The public schema's stock comment is in every new database already: not written.
     */
    static void write(Generator g, Catalog catalog) {
        g.startBlock("Comments", "Comments on schemas, views, sequences, indexes, types, routines, constraints, triggers, policies"
                + ", statistics, rules, foreign tables and their columns");
        List<CommentTarget> targets = new ArrayList<>(catalog.comments().keySet());
        targets.sort(Comparator.comparing((CommentTarget t) -> t.kind().ordinal())
                .thenComparing(CommentTarget::toString));
        for (CommentTarget t : targets) {
            String text = catalog.comments().get(t);
            switch (t.kind()) {
                case SCHEMA -> {
                    if (t.object().name().equals(QualifiedName.DEFAULT_SCHEMA) && text.equals("standard public schema")) continue;
                    g.add(new Call.CommentCall(t.kind(), t.object().name(), null, text));
                }
                case FUNCTION, PROCEDURE, AGGREGATE ->
                        g.add(new Call.CommentCall(t.kind(), g.dslName(t.object()) + "(" + t.detail() + ")", null, text));
                case CONSTRAINT, DOMAIN_CONSTRAINT, TRIGGER, POLICY, VIEW_COLUMN, RULE, FOREIGN_TABLE_COLUMN ->
                        g.add(new Call.CommentCall(t.kind(), g.dslName(t.object()), t.detail(), text));
                default -> g.add(new Call.CommentCall(t.kind(), g.dslName(t.object()), null, text));
            }
        }
    }
}
