package schemasync.plan;

import schemasync.step.Step;
import schemasync.catalog.Differ;

import schemasync.plan.Summary.Verb;

import schemasync.model.HazardKind;
import java.util.ArrayList;
import java.util.List;
import schemasync.catalog.Domain;
import schemasync.dsl.TypeDecl.DomainDecl;
import schemasync.plan.PlanItem.Unchanged;

/**
 * Domains: created when missing. On an existing domain, a declared check it lacks is added NOT VALID
 * (only new values are checked, no table is read) and then validated as a separate step; anything
 * else that differs (base type, NOT NULL, default, collation, a check's expression, a check the
 * declaration does not name) is reported with both sides and never altered: ALTER DOMAIN ... SET NOT
 * NULL or ADD CONSTRAINT scans every table using the domain, and a new base type means a new domain.
 */
final class TypePlanner {
    private final PlanContext context;

    TypePlanner(PlanContext context) {
        this.context = context;
    }

    Decisions domain(DomainDecl d) {
        Decisions out = new Decisions();
        String object = d.name().toString();
        Domain have = context.state().domains().get(d.name());
        if (have == null) {
            if (!context.state().schemas().contains(d.name().schema())) {
                throw schemasync.SchemaSyncException.badInput(d.origin() + ": domain " + d.name() + " is in schema "
                        + d.name().schema() + ", which does not exist: declare ensureSchema(\"" + d.name().schema() + "\") first");
            }
            List<Step> steps = new ArrayList<>(List.of(new Step.CreateDomain(d.domain())));
            for (DomainDecl.Check c : d.checks()) if (c.notValid()) steps.add(new Step.AddDomainConstraint(d.name(), c.check(), true));
            out.change(d.origin(), "domain", object, Summary.will(Verb.CREATE), null, Spelled.as(context.shapes().types().domain(d.name())),
                    steps.toArray(Step[]::new));
            return out;
        }
        Domain want = context.shapes().types().domain(d.name());
        java.util.Set<String> differs = Differ.fields(Differ.domain(want, have));
        if (differs.contains("base type")) {
            out.drift(d.origin(), "domain", object, "declared AS " + want.baseType() + ", database has " + have.baseType()
                    + ": not changed (a domain's base type cannot be altered)", null);
        }
        if (differs.contains("collation")) {
            out.drift(d.origin(), "domain", object, "declared COLLATE " + collation(want) + ", database has "
                    + collation(have) + ": not changed (a domain's collation cannot be altered)", null);
        }
        if (differs.contains("not null")) {
            out.drift(d.origin(), "domain", object, (want.notNull() ? "declared NOT NULL, database allows NULL"
                    : "database has NOT NULL, the declaration allows NULL") + ": not changed (ALTER DOMAIN ... SET NOT NULL"
                    + " reads every table using the domain)", want.notNull() ? HazardKind.FULL_SCAN_UNDER_LOCK : null);
        }
        if (differs.contains("default")) {
            out.drift(d.origin(), "domain", object, "declared DEFAULT " + orNone(want.defaultExpr()) + ", database has "
                    + orNone(have.defaultExpr()) + ": not changed", null);
        }
        for (DomainDecl.Check c : d.checks()) {
            Domain.Check wanted = want.check(c.name()).orElseThrow();
            Domain.Check existing = have.check(c.name()).orElse(null);
            String checkObject = object + "." + c.name();
            if (existing == null && c.notValid()) {
                out.change(d.origin(), "domain check", checkObject, Summary.will(Verb.ADD).plus(" NOT VALID (as declared: stored values are"
                        + " not checked)"), null, Spelled.as(wanted), new Step.AddDomainConstraint(d.name(), c.check(), true));
            } else if (existing == null) {
                out.change(d.origin(), "domain check", checkObject, Summary.will(Verb.ADD).plus(" NOT VALID, ").then(Verb.VALIDATE), null,
                        Spelled.as(wanted), new Step.AddDomainConstraint(d.name(), c.check(), true),
                        new Step.ValidateDomainConstraint(d.name(), c.name()));
            } else if (Differ.fields(Differ.domainCheck(wanted, existing)).contains("expression")) {
                out.drift(d.origin(), "domain check", checkObject, "declared " + wanted.expression() + ", database has "
                        + existing.expression() + ": not changed", null);
            } else if (!existing.validated() && !c.notValid()) {
                out.change(d.origin(), "domain check", checkObject, Summary.text("is NOT VALID: ").plusWill(Verb.VALIDATE), null,
                        new Step.ValidateDomainConstraint(d.name(), c.name()));
            }
        }
        for (Domain.Check c : have.checks()) {
            if (d.checks().stream().noneMatch(x -> x.name().equals(c.name()))) {
                out.drift(d.origin(), "domain check", object + "." + c.name(), "database has " + c.expression()
                        + ", which no block declares: left alone", null);
            }
        }
        if (out.isEmpty()) out.add(new Unchanged(d.origin(), "domain", object, "exists, skipped"));
        return out;
    }

    /** Composite types: created when missing; other attributes (names, types, order, collations) reported. */
    Decisions composite(schemasync.dsl.TypeDecl.CompositeTypeDecl t) {
        Decisions out = new Decisions();
        String object = t.name().toString();
        schemasync.catalog.CompositeType have = context.state().composites().get(t.name());
        if (have == null) {
            if (!context.state().schemas().contains(t.name().schema())) {
                throw schemasync.SchemaSyncException.badInput(t.origin() + ": composite type " + t.name() + " is in schema "
                        + t.name().schema() + ", which does not exist: declare ensureSchema(\"" + t.name().schema() + "\") first");
            }
            out.change(t.origin(), "composite type", object, Summary.will(Verb.CREATE), null,
                    Spelled.as(context.shapes().types().composite(t.name())), new Step.CreateCompositeType(t.type()));
            return out;
        }
        schemasync.catalog.CompositeType want = context.shapes().types().composite(t.name());
        if (Differ.composite(want, have).isEmpty()) {
            out.add(new Unchanged(t.origin(), "composite type", object, "exists, skipped"));
        } else {
            // ALTER TYPE ... ADD/ALTER ATTRIBUTE rewrites every table column of the type: left to the user.
            out.drift(t.origin(), "composite type", object, "declared " + want.describe() + ", database has "
                    + have.describe() + ": not changed", null);
        }
        return out;
    }

    private static String collation(Domain d) {
        return d.collation() == null ? "(the base type's)" : Domain.collation(d.collation());
    }

    private static String orNone(String expression) {
        return expression == null ? "none" : expression;
    }
}
