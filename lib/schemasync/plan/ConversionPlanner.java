package schemasync.plan;

import schemasync.catalog.CommentTarget;
import schemasync.catalog.Conversion;
import schemasync.dsl.ConversionDecl;
import schemasync.dsl.Declaration;
import schemasync.dsl.DesiredState;
import schemasync.model.ObjectKind;
import schemasync.plan.PlanItem.Drift;
import schemasync.plan.Summary.Verb;
import schemasync.step.Step;

/**
 * Encoding conversions: created when missing. One that differs (its encodings, its function, DEFAULT or not) is
 * replaced, DROP then CREATE in the apply's transaction: PostgreSQL has no ALTER CONVERSION for any of them, nothing
 * in the schema depends on a conversion (pg_depend records none: a session looks the default conversion up when it
 * sets its client_encoding), so the replacement costs no lock on a relation and no other object; its comment is set
 * again, its owner becomes the applying role (an {@code ensureOwner} later in the run sets it back). Removals drop it.
 */
final class ConversionPlanner {
    private ConversionPlanner() {
    }

    static boolean handles(Declaration d) {
        return d instanceof ConversionDecl || d instanceof Declaration.RemovalDecl r && r.kind() == ObjectKind.CONVERSION;
    }

    static Decisions plan(PlanContext context, Declaration d) {
        if (d instanceof ConversionDecl c) return conversion(context, c);
        Declaration.RemovalDecl r = (Declaration.RemovalDecl) d;
        Step.DropObject drop = new Step.DropObject(ObjectKind.CONVERSION, r.object(), null);
        return StandaloneObjects.removal(r.origin(), "conversion", drop.object(),
                context.state().conversions().containsKey(r.object()) ? drop : null);
    }

    private static Decisions conversion(PlanContext context, ConversionDecl c) {
        Decisions out = new Decisions();
        Conversion want = c.conversion();
        Conversion have = context.state().conversions().get(c.name());
        String object = c.name().toString();
        if (have == null) {
            StandaloneObjects.requireSchema(context, c.origin(), "conversion", c.name());
            return out.change(c.origin(), "conversion", object, Summary.will(Verb.CREATE), null, new Step.CreateConversion(want));
        }
        var differences = Conversion.diff(want, have);
        if (differences.isEmpty()) return out.unchanged(c.origin(), "conversion", object, "exists, skipped");
        java.util.List<Step> steps = new java.util.ArrayList<>(java.util.List.of(
                new Step.DropObject(ObjectKind.CONVERSION, c.name(), null), new Step.CreateConversion(want)));
        // DROP takes the conversion's comment along (pg_description by oid): set it again on the new one, which a comment
        // declared in an earlier block would otherwise lose until the next run.
        CommentTarget commented = new CommentTarget(CommentTarget.Kind.CONVERSION, c.name(), null);
        String comment = context.state().comments().get(commented);
        if (comment != null) steps.add(new Step.CommentOnObject(commented, comment));
        return out.change(c.origin(), "conversion", object, Summary.text("will replace (database has " + have.describe()
                        + "; differs in " + StandaloneObjects.fields(differences) + ")"), null, steps.toArray(Step[]::new));
    }

    /** Conversions no block declares: reported, never dropped. */
    static Decisions reportUndeclared(PlanContext context) {
        Decisions out = new Decisions();
        for (Conversion v : context.before().conversions().values()) {
            if (context.desired().declares(DesiredState.conversion(v.name())) || context.declared().isIgnored(v.name())) continue;
            out.add(new Drift(null, "conversion", v.name().toString(), "undeclared conversion (" + v.describe()
                    + "): no block declares it; left alone", null));
        }
        return out;
    }
}
