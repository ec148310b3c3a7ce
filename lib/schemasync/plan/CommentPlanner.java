package schemasync.plan;

import schemasync.step.Step;
import schemasync.catalog.Differ;

import schemasync.plan.Summary.Verb;

import schemasync.catalog.CommentTarget;
import schemasync.catalog.CommentTarget.Kind;
import schemasync.catalog.QualifiedName;
import schemasync.dsl.Declaration.CommentDecl;
import schemasync.plan.PlanItem.Unchanged;

/**
 * Comments on everything but tables and their columns (schemas, views, sequences, indexes, types, routines,
 * constraints, triggers, policies, operators, casts, classes, the database's extensions, servers, ...): set when missing or different (COMMENT ON is metadata only: it locks nothing a query
 * needs). Comments no block declares are left alone. A routine declared in a block is matched through
 * PostgreSQL's own spelling of its arguments; any other is matched as written.
 */
final class CommentPlanner {
    private final PlanContext context;

    CommentPlanner(PlanContext context) {
        this.context = context;
    }

    Decisions plan(CommentDecl c) {
        Decisions out = new Decisions();
        CommentTarget target = key(c.target());
        String object = target.toString();
        String kind = "comment on " + target.kind().word();
        if (!exists(target)) {
            throw schemasync.SchemaSyncException.badInput(c.origin() + ": " + kind + " " + object
                    + ": no such object exists, and no earlier block declares it");
        }
        String have = context.state().comments().get(target);
        if (Differ.comment(c.text(), have).isEmpty()) {
            out.add(new Unchanged(c.origin(), kind, object, "is set, skipped"));
            return out;
        }
        Step comment = new Step.CommentOnObject(target, c.text());
        out.change(c.origin(), kind, object, have == null ? Summary.will(Verb.SET) : Summary.text("will replace (database has '" + have + "')"), null,
                comment);
        return out;
    }

    /**
     * A declared routine keyed as the catalog keys it: {@code integer}, not {@code int}; an operator's or a cast's types
     * as format_type prints them, when the normalizer resolved them ({@code money2} → {@code shop.money2}; a text it did
     * not resolve is compared as written: generate writes the catalog's own spelling).
     */
    private CommentTarget key(CommentTarget t) {
        java.util.Map<String, String> spelled = context.shapes().types().kinds().operators().types();
        if (t.kind() == Kind.CAST) return CommentTarget.cast(spelled.getOrDefault(t.object().name(), t.object().name()),
                spelled.getOrDefault(t.detail(), t.detail()));
        if (t.kind() == Kind.OPERATOR) {
            String[] types = schemasync.dsl.OwnerDecl.operatorTypes(t.detail());
            if (types == null) return t;
            return CommentTarget.operator(t.object(), types[0] == null ? null : spelled.getOrDefault(types[0], types[0]),
                    types[1] == null ? null : spelled.getOrDefault(types[1], types[1]));
        }
        if (!t.kind().routine()) return t;
        String existing = context.shapes().types().routineArguments().get(t.object() + "(" + t.detail() + ")");
        if (existing != null) return new CommentTarget(t.kind(), t.object(), existing);
        String catalogKey = context.shapes().functions().keys().get(t.object() + "(" + t.detail() + ")");
        if (catalogKey == null) return t;
        int open = catalogKey.indexOf('(');
        return new CommentTarget(t.kind(), t.object(), catalogKey.substring(open + 1, catalogKey.length() - 1));
    }

    /** Whether the object exists in the working copy; constraints, triggers and policies: their table does. */
    private boolean exists(CommentTarget t) {
        QualifiedName o = t.object();
        return switch (t.kind()) {
            case SCHEMA -> context.state().schemas().contains(o.name());
            case VIEW, VIEW_COLUMN -> context.state().views().containsKey(o); // PostgreSQL checks the column
            case SEQUENCE -> context.state().sequences().containsKey(o);
            case INDEX -> context.state().indexes().containsKey(o);
            case TYPE -> context.state().enums().containsKey(o) || context.state().domains().containsKey(o) || context.state().composites().containsKey(o);
            case DOMAIN_CONSTRAINT -> context.state().domains().containsKey(o);
            case CONSTRAINT, TRIGGER, POLICY -> context.state().tables().containsKey(context.renamesTable(o));
            case FUNCTION, PROCEDURE -> context.state().functions().containsKey(o + "(" + t.detail() + ")");
            case STATISTICS -> context.state().statistics().containsKey(o);
            case RULE -> context.state().rules().containsKey(schemasync.catalog.Rule.key(o, t.detail()));
            case FOREIGN_TABLE, FOREIGN_TABLE_COLUMN -> context.state().externals().foreignTables.containsKey(o); // PostgreSQL checks the column
            case TEXT_SEARCH_DICTIONARY -> context.state().textSearch().dictionaries().containsKey(o);
            case TEXT_SEARCH_CONFIGURATION -> context.state().textSearch().configurations().containsKey(o);
            case COLLATION -> context.state().collations().containsKey(o);
            case OPERATOR -> context.state().operators().containsKey(t.toString());
            case CAST -> context.state().casts().containsKey(t.toString());
            case OPERATOR_CLASS -> context.state().operatorClasses().containsKey(t.toString());
            case OPERATOR_FAMILY -> context.state().operatorFamilies().containsKey(t.toString());
            case MATERIALIZED_VIEW_COLUMN -> context.state().materializedViews().containsKey(o); // PostgreSQL checks the column
            case TYPE_ATTRIBUTE -> context.state().composites().containsKey(o); // and the attribute
            case EXTENSION -> context.state().extensions().containsKey(o.name());
            case SERVER -> context.state().externals().servers.containsKey(o.name());
            case PUBLICATION -> context.state().externals().publications.containsKey(o.name());
            case EVENT_TRIGGER -> context.state().externals().eventTriggers.containsKey(o.name());
            case CONVERSION -> context.state().conversions().containsKey(o);
            default -> true;
        };
    }
}
