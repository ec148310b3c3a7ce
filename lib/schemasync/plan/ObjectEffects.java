package schemasync.plan;

import schemasync.step.Step;
import java.util.ArrayList;
import java.util.List;
import schemasync.catalog.Catalog;
import schemasync.catalog.Domain;
import schemasync.catalog.Sequence;

/**
 * What the steps on enums, sequences, comments, domains, routines and privileges do to a catalog ({@link Effects} delegates here, so that each
 * kind's effect stays short to read). {@code c.spelled}: PostgreSQL's spelling of what the step creates, in the
 * planner's working copy ({@link Spelled}); a replay has none and keeps the step's own spelling.
 */
final class ObjectEffects {
    private ObjectEffects() {
    }

    static void createDomain(CatalogEdit c, Step.CreateDomain d) {
        // NOT VALID checks are separate AddDomainConstraint steps.
        java.util.Set<String> validated = new java.util.HashSet<>();
        d.domain().checks().stream().filter(Domain.Check::validated).forEach(k -> validated.add(k.name()));
        Domain domain = c.spelled.of(Domain.class).orElse(d.domain());
        c.domains.put(domain.name(), new Domain(domain.name(), domain.baseType(), domain.notNull(), domain.defaultExpr(),
                domain.collation(), domain.checks().stream().filter(k -> validated.contains(k.name())).toList()));
    }

    static void addDomainConstraint(CatalogEdit c, Step.AddDomainConstraint a) {
        Domain d = c.domains.get(a.domain());
        List<Domain.Check> checks = new ArrayList<>(d.checks());
        checks.removeIf(k -> k.name().equals(a.check().name()));
        String expression = c.spelled.of(Domain.Check.class).filter(k -> k.name().equals(a.check().name()))
                .or(() -> c.spelled.of(Domain.class).flatMap(k -> k.check(a.check().name()))).map(Domain.Check::expression)
                .orElse(a.check().expression());
        checks.add(new Domain.Check(a.check().name(), expression, !a.notValid()));
        c.domains.put(d.name(), new Domain(d.name(), d.baseType(), d.notNull(), d.defaultExpr(), d.collation(), checks));
    }

    static void validateDomainConstraint(CatalogEdit c, Step.ValidateDomainConstraint v) {
        Domain d = c.domains.get(v.domain());
        c.domains.put(d.name(), new Domain(d.name(), d.baseType(), d.notNull(), d.defaultExpr(), d.collation(), d.checks().stream()
                .map(k -> k.name().equals(v.name()) ? new Domain.Check(k.name(), k.expression(), true) : k).toList()));
    }

    static void createFunction(CatalogEdit c, Step.CreateFunction f) {
        // The key holds the identity arguments as PostgreSQL prints them; CatalogOutline compares names only.
        Spelled.Routine spelled = c.spelled.of(Spelled.Routine.class).orElse(null);
        if (spelled != null) c.functions.put(spelled.key(), spelled.routine());
        else c.functions.put(f.name() + "(" + f.arguments() + ")", new Catalog.Function(f.name(), f.arguments(), f.definition()));
    }

    static void grantPrivileges(CatalogEdit c, Step.GrantPrivileges g) {
        var held = c.spelled.of(Spelled.HeldGrants.class).map(Spelled.HeldGrants::grants);
        if (g.target().kind() == schemasync.catalog.GrantTarget.Kind.TABLE && c.tables.containsKey(g.target().qualifiedName())) {
            c.table(g.target().qualifiedName(), t -> t.withGrants(CatalogEdit.granted(held.orElse(t.grants()), g.role(), g.privileges(),
                    g.revoke())));
        } else {
            c.grants.put(g.target(), CatalogEdit.granted(held.orElse(c.grants.get(g.target())), g.role(), g.privileges(), g.revoke()));
        }
    }

    static void alterDefaultPrivileges(CatalogEdit c, Step.AlterDefaultPrivileges a) {
        var held = c.spelled.of(Spelled.HeldGrants.class).map(Spelled.HeldGrants::grants);
        c.defaultPrivileges.put(a.target(), CatalogEdit.granted(held.orElse(c.defaultPrivileges.get(a.target())), a.role(), a.privileges(),
                a.revoke()));
    }

    static void createAggregate(CatalogEdit c, Step.CreateAggregate a) {
        Spelled.Routine spelled = c.spelled.of(Spelled.Routine.class).orElse(null);
        if (spelled != null) c.aggregates.put(spelled.key(), spelled.routine());
        else c.aggregates.put(a.name() + "(" + a.arguments() + ")", new Catalog.Function(a.name(), a.arguments(), a.definition()));
    }

    static void createEnum(CatalogEdit c, Step.CreateEnum e) {
        c.enums.put(e.name(), List.copyOf(e.labels()));
    }

    static void addEnumValue(CatalogEdit c, Step.AddEnumValue a) {
        List<String> labels = new ArrayList<>(c.enums.get(a.name()));
        int at = labels.indexOf(a.neighbour());
        labels.add(at < 0 ? labels.size() : a.before() ? at : at + 1, a.label());
        c.enums.put(a.name(), List.copyOf(labels));
    }

    static void createSequence(CatalogEdit c, Step.CreateSequence q) {
        var o = q.sequence().options();
        c.sequences.put(q.sequence().name(), c.spelled.of(Sequence.class).orElseGet(() -> new Sequence(q.sequence().name(), q.sequence().dataType() == null ? "bigint"
                : q.sequence().dataType(), value(o.start()), value(o.increment()), value(o.minValue()), value(o.maxValue()),
                value(o.cache()), Boolean.TRUE.equals(o.cycles()), null)));
    }

    static void setSequenceOwner(CatalogEdit c, Step.SetSequenceOwner o) {
        c.sequences.computeIfPresent(o.sequence(), (k, q) -> q.withOwner(new Sequence.Owner(o.table(), o.column(), false)));
    }

    static void commentOnObject(CatalogEdit c, Step.CommentOnObject s) {
        if (s.comment() == null) c.comments.remove(s.target());
        else c.comments.put(s.target(), s.comment());
    }

    private static long value(Long option) {
        return option == null ? 0 : option;
    }
}
