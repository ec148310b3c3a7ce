package schemasync.normalize;

import java.util.Map;
import java.util.Set;
import schemasync.catalog.Column;
import schemasync.catalog.QualifiedName;

/**
 * The declared side in PostgreSQL's own spelling: what the catalog will report for each declared
 * column and index once applied (computed by schemasync.normalize from temporary objects in a
 * transaction that is always rolled back). The planner compares these, never the user's text.
 *
 * @param columns         per table, per column name: the column as PostgreSQL will report it
 * @param indexes         per declared index: the definition from USING on, as pg_get_indexdef renders it
 * @param rewritingAdds   columns whose ADD COLUMN would rewrite an existing table (volatile default)
 * @param checks          per table, per constraint name: the declared CHECK as pg_get_constraintdef renders it
 * @param views           existing declared views: the declared query as pg_get_viewdef renders it
 * @param viewRefusals    existing declared views PostgreSQL would not CREATE OR REPLACE, with its reason
 */
public record DeclaredShapes(Map<QualifiedName, Map<String, Column>> columns, Map<QualifiedName, String> indexes,
                             Set<ColumnRef> rewritingAdds, Map<QualifiedName, Map<String, String>> checks,
                             Map<QualifiedName, String> views, Map<QualifiedName, String> viewRefusals,
                             Functions functions, Map<QualifiedName, Map<String, String>> triggers,
                             Map<QualifiedName, Map<String, schemasync.catalog.Table.Policy>> policies,
                             Types types, Access access, Relations relations) {

    /**
     * Declared domains, composite types and sequences as the catalog will hold them, keyed by declared
     * name; {@code routineArguments}: for each existing routine a comment names ({@code schema.name(int)}),
     * its identity arguments as pg_get_function_identity_arguments prints them ({@code a integer}).
     */
    public record Types(Map<QualifiedName, schemasync.catalog.Domain> domains,
                        Map<QualifiedName, schemasync.catalog.CompositeType> composites,
                        Map<QualifiedName, schemasync.catalog.Sequence> sequences,
                        Map<String, String> routineArguments, Kinds kinds) {
        public Types(Map<QualifiedName, schemasync.catalog.Domain> domains,
                     Map<QualifiedName, schemasync.catalog.CompositeType> composites,
                     Map<QualifiedName, schemasync.catalog.Sequence> sequences, Map<String, String> routineArguments) {
            this(domains, composites, sequences, routineArguments, Kinds.none());
        }

        public Types {
            routineArguments = Map.copyOf(routineArguments);
            domains = Map.copyOf(domains);
            composites = Map.copyOf(composites);
            sequences = Map.copyOf(sequences);
        }

        /** A declared sequence's options as pg_sequence will hold them (no owner: OWNED BY is compared as declared). */
        public schemasync.catalog.Sequence sequence(QualifiedName name) {
            schemasync.catalog.Sequence sequence = sequences.get(name);
            if (sequence == null) throw new IllegalStateException("no normalized shape for sequence " + name);
            return sequence;
        }

        public schemasync.catalog.CompositeType composite(QualifiedName name) {
            schemasync.catalog.CompositeType type = composites.get(name);
            if (type == null) throw new IllegalStateException("no normalized shape for composite type " + name);
            return type;
        }

        public schemasync.catalog.Domain domain(QualifiedName name) {
            schemasync.catalog.Domain domain = domains.get(name);
            if (domain == null) throw new IllegalStateException("no normalized shape for domain " + name);
            return domain;
        }
    }

    /**
     * Declared collations and range types as pg_collation and pg_range will hold them (read back from
     * temporary twins), keyed by declared name.
     */
    public record Kinds(Map<QualifiedName, schemasync.catalog.Collation> collations,
                        Map<QualifiedName, schemasync.catalog.RangeType> rangeTypes,
                        Map<String, String> rules, Map<QualifiedName, java.util.List<String>> statisticsExpressions,
                        OperatorSpellings operators) {
        public Kinds {
            operators = operators == null ? OperatorSpellings.NONE : operators;
            collations = Map.copyOf(collations);
            rangeTypes = Map.copyOf(rangeTypes);
            rules = Map.copyOf(rules);
            statisticsExpressions = Map.copyOf(statisticsExpressions);
        }

        public Kinds(Map<QualifiedName, schemasync.catalog.Collation> collations,
                     Map<QualifiedName, schemasync.catalog.RangeType> rangeTypes) {
            this(collations, rangeTypes, Map.of(), Map.of());
        }

        public Kinds(Map<QualifiedName, schemasync.catalog.Collation> collations,
                     Map<QualifiedName, schemasync.catalog.RangeType> rangeTypes,
                     Map<String, String> rules, Map<QualifiedName, java.util.List<String>> statisticsExpressions) {
            this(collations, rangeTypes, rules, statisticsExpressions, OperatorSpellings.NONE);
        }

        /** The same with how PostgreSQL spells what declared operators and casts name. */
        public Kinds withOperators(OperatorSpellings spellings) {
            return new Kinds(collations, rangeTypes, rules, statisticsExpressions, spellings);
        }

        /**
         * The same with declared rules as pg_get_ruledef prints them (keyed by {@code Rule.key()}) and declared
         * statistics expressions as pg_get_statisticsobjdef_expressions prints them: read back only for objects that
         * exist and whose declared text reads otherwise (missing: compare as declared).
         */
        public Kinds withStatisticsAndRules(Map<String, String> ruleTexts, Map<QualifiedName, java.util.List<String>> expressions) {
            return new Kinds(collations, rangeTypes, ruleTexts, expressions, operators);
        }

        public static Kinds none() {
            return new Kinds(Map.of(), Map.of());
        }

        public schemasync.catalog.Collation collation(QualifiedName name) {
            schemasync.catalog.Collation collation = collations.get(name);
            if (collation == null) throw new IllegalStateException("no normalized shape for collation " + name);
            return collation;
        }

        public schemasync.catalog.RangeType rangeType(QualifiedName name) {
            schemasync.catalog.RangeType type = rangeTypes.get(name);
            if (type == null) throw new IllegalStateException("no normalized shape for range type " + name);
            return type;
        }
    }

    /**
     * What grants, default privileges and aggregates need from the server: the role running the tool
     * (ALTER DEFAULT PRIVILEGES without FOR ROLE means it), each routine signature a grant names
     * resolved to its catalog key {@code schema.name(identity arguments)}, and each declared aggregate
     * as the catalog reader rebuilds it (keys, options, or why CREATE AGGREGATE was refused).
     */
    public record Access(String currentUser, Map<String, String> routineKeys, Functions aggregates) {
        public Access {
            routineKeys = Map.copyOf(routineKeys);
        }
    }

    /**
     * Partitioning and materialized views as PostgreSQL spells them: per declared partitioned table (or
     * sub-partitioned partition) its key as pg_get_partkeydef renders it, per declared partition its bound
     * as pg_get_expr(relpartbound) renders it (read from temporary twins of the parent and partitions),
     * per existing declared materialized view its query as pg_get_viewdef renders it (read from a
     * temporary view with the same query) or why that failed.
     */
    public record Relations(Map<QualifiedName, String> partitionKeys, Map<QualifiedName, String> partitionBounds,
                            Map<QualifiedName, String> materializedViews, Map<QualifiedName, String> materializedViewFailures,
                            Map<QualifiedName, Map<String, java.util.List<String>>> checkColumns) {
        public Relations {
            partitionKeys = Map.copyOf(partitionKeys);
            partitionBounds = Map.copyOf(partitionBounds);
            materializedViews = Map.copyOf(materializedViews);
            materializedViewFailures = Map.copyOf(materializedViewFailures);
            checkColumns = Map.copyOf(checkColumns);
        }

        /** Relations without the CHECKs' columns (a planner test whose CHECKs mention no column it drops). */
        public Relations(Map<QualifiedName, String> partitionKeys, Map<QualifiedName, String> partitionBounds,
                         Map<QualifiedName, String> materializedViews, Map<QualifiedName, String> materializedViewFailures) {
            this(partitionKeys, partitionBounds, materializedViews, materializedViewFailures, Map.of());
        }

        public static Relations none() {
            return new Relations(Map.of(), Map.of(), Map.of(), Map.of());
        }
    }

    /**
     * Declared functions as PostgreSQL stores them: per declared signature, the catalog's signature
     * key ({@code schema.name(identity arguments)}), pg_get_functiondef's text, or why CREATE OR
     * REPLACE FUNCTION was refused.
     */
    public record Functions(Map<String, String> keys, Map<String, String> definitions, Map<String, String> refusals) {
        public Functions {
            keys = Map.copyOf(keys);
            definitions = Map.copyOf(definitions);
            refusals = Map.copyOf(refusals);
        }
    }


    public DeclaredShapes {
        columns = Map.copyOf(columns);
        indexes = Map.copyOf(indexes);
        rewritingAdds = Set.copyOf(rewritingAdds);
        checks = Map.copyOf(checks);
        views = Map.copyOf(views);
        viewRefusals = Map.copyOf(viewRefusals);
        triggers = Map.copyOf(triggers);
        policies = Map.copyOf(policies);
    }

    /** A declared policy as pg_policy will hold it (roles by name, expressions by pg_get_expr). */
    public schemasync.catalog.Table.Policy policy(QualifiedName table, String name) {
        var policy = policies.getOrDefault(table, Map.of()).get(name);
        if (policy == null) throw new IllegalStateException("no normalized shape for policy " + table + "." + name);
        return policy;
    }

    /** A declared trigger as pg_get_triggerdef renders it, the table written {@code ON <table>}. */
    public String trigger(QualifiedName table, String name) {
        String definition = triggers.getOrDefault(table, Map.of()).get(name);
        if (definition == null) throw new IllegalStateException("no normalized shape for trigger " + table + "." + name);
        return definition;
    }

    /** A declared CHECK constraint as pg_get_constraintdef renders it: {@code CHECK ((price > (0)::numeric))}. */
    public String check(QualifiedName table, String name) {
        String check = checks.getOrDefault(table, Map.of()).get(name);
        if (check == null) throw new IllegalStateException("no normalized shape for check " + table + "." + name);
        return check;
    }

    /**
     * The columns a declared CHECK mentions, as PostgreSQL records them for its shadow (conkey); empty when not spelled
     * on a shadow.
     */
    public java.util.List<String> checkColumns(QualifiedName table, String name) {
        return relations.checkColumns().getOrDefault(table, Map.of()).getOrDefault(name, java.util.List.of());
    }

    public record ColumnRef(QualifiedName table, String column) {
    }

    /**
     * The shadow column holding the target of the ensureColumnChanged at this position among all
     * declarations (a name no real column is likely to have, under 63 bytes).
     */
    public static String changedColumn(int declarationIndex) {
        return "schema_sync_changed_" + declarationIndex;
    }

    /**
     * The key under which {@link #columns} holds a child's own default on an inherited column
     * ({@code inheritedDefault}) as PostgreSQL spells it: the shadow column of the inherited column with that default,
     * read back like any declared column's (a name no real column has: it holds a quote).
     */
    public static String inheritedDefault(String column) {
        return "\"inherited default\" " + column;
    }

    /** The normalized target of an ensureColumnChanged (type and default as the catalog will show them), or null. */
    public Column changed(QualifiedName table, int declarationIndex) {
        Map<String, Column> byName = columns.get(table);
        return byName == null ? null : byName.get(changedColumn(declarationIndex));
    }

    public Column column(QualifiedName table, String name) {
        Map<String, Column> byName = columns.get(table);
        Column c = byName == null ? null : byName.get(name);
        if (c == null) throw new IllegalStateException("no normalized shape for column " + table + "." + name);
        return c;
    }

    public String index(QualifiedName name) {
        String definition = indexes.get(name);
        if (definition == null) throw new IllegalStateException("no normalized shape for index " + name);
        return definition;
    }
}
