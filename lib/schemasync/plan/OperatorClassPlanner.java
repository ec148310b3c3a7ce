package schemasync.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import schemasync.catalog.OperatorClass;
import schemasync.catalog.OperatorFamily;
import schemasync.catalog.OperatorObjects;
import schemasync.dsl.Declaration;
import schemasync.dsl.OperatorClassDecl;
import schemasync.model.Difference;
import schemasync.normalize.OperatorSpellings;
import schemasync.plan.PlanItem.Drift;
import schemasync.plan.PlanItem.Unchanged;
import schemasync.plan.Summary.Verb;
import schemasync.render.SqlRenderer;
import schemasync.step.Step;

/**
 * Operator families and classes: created when missing, compared in PostgreSQL's spelling ({@link OperatorSpellings}).
 * A class cannot be altered in place (but for its name, schema and owner): a difference is reported with the DROP and
 * CREATE that would match it, never run, since dropping a class drops the indexes using it. A family's loose members
 * could be changed by ALTER OPERATOR FAMILY ... ADD / DROP: a difference is reported with those statements, left for a
 * reviewed step (an index may rely on a cross-type member). Removals drop without CASCADE. Reached through
 * {@link KindPlanner}.
 */
final class OperatorClassPlanner {
    private final PlanContext context;

    OperatorClassPlanner(PlanContext context) {
        this.context = context;
    }

    static boolean handles(Declaration d) {
        return d instanceof OperatorClassDecl.FamilyDeclared || d instanceof OperatorClassDecl.FamilyRemoval
                || d instanceof OperatorClassDecl.ClassDeclared || d instanceof OperatorClassDecl.ClassRemoval;
    }

    private OperatorSpellings spelled() {
        return context.shapes().types().kinds().operators();
    }

    Decisions plan(Declaration d) {
        if (d instanceof OperatorClassDecl.FamilyDeclared f) return family(f);
        if (d instanceof OperatorClassDecl.ClassDeclared c) return operatorClass(c);
        if (d instanceof OperatorClassDecl.FamilyRemoval r) {
            String key = OperatorClass.key(r.name(), OperatorSpellings.method(r.method()));
            OperatorFamily have = context.state().operatorFamilies().get(key);
            return StandaloneObjects.removal(r.origin(), "operator family", key, have == null ? null : new Step.DropOperatorFamily(have));
        }
        OperatorClassDecl.ClassRemoval r = (OperatorClassDecl.ClassRemoval) d;
        String key = OperatorClass.key(r.name(), OperatorSpellings.method(r.method()));
        OperatorClass have = context.state().operatorClasses().get(key);
        return StandaloneObjects.removal(r.origin(), "operator class", key, have == null ? null : new Step.DropOperatorClass(have));
    }

    private Decisions family(OperatorClassDecl.FamilyDeclared f) {
        Decisions out = new Decisions();
        OperatorFamily want = spelled().family(f.family());
        OperatorFamily have = context.state().operatorFamilies().get(want.key());
        if (have == null) {
            StandaloneObjects.requireSchema(context, f.origin(), "operator family", want.key(), want.name().schema());
            List<Step> steps = new ArrayList<>(List.of(new Step.CreateOperatorFamily(want)));
            if (!want.members().isEmpty()) steps.add(new Step.AddOperatorFamilyMembers(want));
            out.change(f.origin(), "operator family", want.key(), Summary.will(Verb.CREATE), null, steps.toArray(Step[]::new));
            return out;
        }
        List<Difference> differences = OperatorObjects.family(want, have);
        if (differences.isEmpty()) {
            out.add(new Unchanged(f.origin(), "operator family", want.key(), "exists, skipped"));
            return out;
        }
        return StandaloneObjects.compared(f.origin(), "operator family", want.key(), differences, want.describe(), have.describe(),
                "ALTER OPERATOR FAMILY would match it, in a reviewed step (an index may use a member): " + alterFamily(want, have));
    }

    /** The ADD and DROP statements that would turn {@code have}'s loose members into {@code want}'s. */
    private static String alterFamily(OperatorFamily want, OperatorFamily have) {
        String name = OperatorClass.qualified(want.name()) + " USING " + want.method();
        List<String> statements = new ArrayList<>();
        List<OperatorClass.Member> extra = have.members().stream().filter(m -> !want.members().contains(m)).toList();
        List<OperatorClass.Member> missing = want.members().stream().filter(m -> !have.members().contains(m)).toList();
        if (!extra.isEmpty()) {
            statements.add("ALTER OPERATOR FAMILY " + name + " DROP "
                    + String.join(", ", extra.stream().map(OperatorClass.Member::identity).toList()));
        }
        if (!missing.isEmpty()) {
            statements.add("ALTER OPERATOR FAMILY " + name + " ADD "
                    + String.join(", ", missing.stream().map(OperatorClass.Member::describe).toList()));
        }
        return String.join("; ", statements);
    }

    private Decisions operatorClass(OperatorClassDecl.ClassDeclared c) {
        Decisions out = new Decisions();
        OperatorClass want = spelled().operatorClass(c.operatorClass());
        OperatorClass have = context.state().operatorClasses().get(want.key());
        if (have == null) {
            StandaloneObjects.requireSchema(context, c.origin(), "operator class", want.key(), want.name().schema());
            out.change(c.origin(), "operator class", want.key(), Summary.will(Verb.CREATE), null, new Step.CreateOperatorClass(want));
            return out;
        }
        List<Difference> differences = OperatorObjects.operatorClass(want, have);
        if (differences.isEmpty()) {
            out.add(new Unchanged(c.origin(), "operator class", want.key(), "exists, skipped"));
            return out;
        }
        return StandaloneObjects.compared(c.origin(), "operator class", want.key(), differences, want.describe(), have.describe(),
                "an operator class cannot be altered; it would take " + SqlRenderer.render(new Step.DropOperatorClass(have)) + "; "
                + SqlRenderer.render(new Step.CreateOperatorClass(want)) + " (the DROP fails while an index uses it: ensureNoOperatorClass"
                + " in one block, after the indexes, and declare it again in a later one)");
    }

    /** Families and classes no block declares or removes: reported, never dropped. */
    Decisions reportUndeclared() {
        Decisions out = new Decisions();
        Set<String> families = new HashSet<>();
        Set<String> classes = new HashSet<>();
        for (Declaration d : context.declared().declarations()) {
            if (d instanceof OperatorClassDecl.FamilyDeclared f) families.add(spelled().family(f.family()).key());
            else if (d instanceof OperatorClassDecl.FamilyRemoval r) families.add(OperatorClass.key(r.name(), OperatorSpellings.method(r.method())));
            else if (d instanceof OperatorClassDecl.ClassRemoval r) classes.add(OperatorClass.key(r.name(), OperatorSpellings.method(r.method())));
            else if (d instanceof OperatorClassDecl.ClassDeclared c) {
                OperatorClass k = spelled().operatorClass(c.operatorClass());
                classes.add(k.key());
                // CREATE OPERATOR CLASS makes its family when it does not exist: declared with the class.
                families.add(OperatorClass.key(k.family(), k.method()));
            }
        }
        for (OperatorFamily f : context.before().operators().families().values()) {
            if (families.contains(f.key()) || context.declared().isIgnored(f.name())) continue;
            out.add(new Drift(null, "operator family", f.key(), "undeclared operator family (" + f.describe()
                    + "): no block declares it; left alone", null));
        }
        for (OperatorClass k : context.before().operators().classes().values()) {
            if (classes.contains(k.key()) || context.declared().isIgnored(k.name())) continue;
            out.add(new Drift(null, "operator class", k.key(), "undeclared operator class (" + k.describe()
                    + "): no block declares it; left alone", null));
        }
        return out;
    }
}
