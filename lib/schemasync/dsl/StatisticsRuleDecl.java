package schemasync.dsl;

import schemasync.catalog.ExternalObjects;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Rule;
import schemasync.catalog.Statistics;

/** The declarations of extended statistics and rules ({@link StatisticsRuleDeclarations}' verbs). */
public final class StatisticsRuleDecl {
    private StatisticsRuleDecl() {
    }

    /**
     * {@code ensureStatistics("public.s_city_zip", s -> s.on("public.address").columns("city", "postal_code"))}:
     * {@code shape} as written (its table null when {@code on(...)} was not called).
     */
    public record StatisticsDecl(QualifiedName name, StatisticsBuilder shape, Origin origin) implements Declaration.External {
        /** The object as pg_statistic_ext will hold it: no kinds named means PostgreSQL's default kinds. */
        public Statistics statistics() {
            int items = shape.columns().size() + shape.expressions().size();
            return new Statistics(name, table(), shape.kinds().isEmpty() ? Statistics.defaultKinds(items)
                    : shape.kinds().stream().map(StatisticsKind::word).toList(), shape.columns(), shape.expressions(), shape.target());
        }

        public QualifiedName table() {
            return shape.table() == null ? null : QualifiedName.parse(shape.table());
        }
    }

    /** {@code ensureRule("public.t", "r_name", "ON INSERT TO public.t DO INSTEAD NOTHING", r -> r.disabled())}. */
    public record RuleDecl(QualifiedName table, String name, String definition, ExternalObjects.Enabled enabled, Origin origin)
            implements Declaration.External {
        public RuleDecl(QualifiedName table, String name, String definition, Origin origin) {
            this(table, name, definition, ExternalObjects.Enabled.ORIGIN, origin);
        }

        public Rule rule() {
            return new Rule(table, name, definition, enabled);
        }
    }
}
