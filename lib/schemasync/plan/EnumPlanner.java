package schemasync.plan;

import schemasync.step.Step;
import schemasync.catalog.Differ;

import schemasync.plan.Summary.Verb;

import java.util.ArrayList;
import java.util.List;
import schemasync.dsl.TypeDecl.EnumDecl;
import schemasync.plan.PlanItem.Drift;
import schemasync.plan.PlanItem.Unchanged;

/**
 * Extensions and enum types (the types columns are made of). Enum types: created when missing; a missing label is added in its declared position (AFTER the
 * declared label before it, or BEFORE the one after it); labels the database has beyond the
 * declaration are reported, never dropped (PostgreSQL cannot drop an enum label anyway).
 */
final class EnumPlanner {
    private final PlanContext context;

    EnumPlanner(PlanContext context) {
        this.context = context;
    }

    Decisions plan(EnumDecl e) {
        Decisions out = new Decisions();
        List<String> have = context.state().enums().get(e.name());
        String object = e.name().toString();
        if (have == null) {
            Step create = new Step.CreateEnum(e.name(), e.labels());
            out.change(e.origin(), "type", object, Summary.will(Verb.CREATE), null, create);
            return out;
        }
        if (Differ.enumLabels(e.labels(), have).isEmpty()) {
            out.add(new Unchanged(e.origin(), "type", object, "exists, skipped"));
            return out;
        }
        List<String> common = e.labels().stream().filter(have::contains).toList();
        List<String> haveCommon = have.stream().filter(e.labels()::contains).toList();
        if (!common.equals(haveCommon)) {
            out.add(new Drift(e.origin(), "type", object, "declared labels " + e.labels() + ", database has "
                    + have + " in another order: not changed (PostgreSQL cannot reorder enum labels)", null));
            return out;
        }
        List<String> labels = new ArrayList<>(have);
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < e.labels().size(); i++) {
            String label = e.labels().get(i);
            if (labels.contains(label)) continue;
            Step step = i > 0 ? new Step.AddEnumValue(e.name(), label, false, e.labels().get(i - 1))
                    : new Step.AddEnumValue(e.name(), label, true, firstExisting(e.labels(), labels));
            steps.add(step);
            int at = i > 0 ? labels.indexOf(e.labels().get(i - 1)) + 1 : labels.indexOf(firstExisting(e.labels(), labels));
            labels.add(at, label);
        }
        if (!steps.isEmpty()) {
            out.change(e.origin(), "type", object, Summary.will(Verb.ADD).plus(" " + steps.size() + " label(s)"), null, steps.toArray(Step[]::new));
        }
        List<String> extra = have.stream().filter(l -> !e.labels().contains(l)).toList();
        if (!extra.isEmpty()) {
            out.add(new Drift(e.origin(), "type", object, "database also has " + extra
                    + ", which no block declares: left alone (enum labels are never dropped)", null));
        } else if (steps.isEmpty()) {
            out.add(new Unchanged(e.origin(), "type", object, "exists, skipped"));
        }
        return out;
    }

    /** Extensions: installed when missing; another schema or version is reported (ALTER EXTENSION is left to you). */
    Decisions extension(schemasync.dsl.Declaration.ExtensionDecl x) {
        Decisions out = new Decisions();
        schemasync.catalog.Catalog.Extension have = context.state().extensions().get(x.name());
        if (have == null) {
            Step create = new Step.CreateExtension(x.name(), x.schema(), x.version());
            out.change(x.origin(), "extension", x.name(), Summary.will(Verb.CREATE), null, create);
        } else if (!Differ.extension(new schemasync.catalog.Catalog.Extension(x.name(), x.schema() == null ? have.schema() : x.schema(),
                x.version() == null ? have.version() : x.version()), have).isEmpty()) { // undeclared: whatever is installed
            out.add(new Drift(x.origin(), "extension", x.name(), "declared" + (x.schema() == null ? "" : " in schema "
                    + x.schema()) + (x.version() == null ? "" : " version " + x.version()) + ", database has it in schema "
                    + have.schema() + " version " + have.version() + ": not changed (ALTER EXTENSION ... UPDATE / SET SCHEMA"
                    + " is yours to run)", null));
        } else {
            out.add(new Unchanged(x.origin(), "extension", x.name(), "installed, skipped"));
        }
        return out;
    }

    private static String firstExisting(List<String> declared, List<String> existing) {
        return declared.stream().filter(existing::contains).findFirst().orElseThrow();
    }
}
