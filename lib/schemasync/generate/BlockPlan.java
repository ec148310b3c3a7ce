package schemasync.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import schemasync.catalog.Catalog;
import schemasync.catalog.Column;
import schemasync.catalog.Constraint;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Sequence;
import schemasync.catalog.Table;

/**
 * The order and boundaries of the generated blocks: schemas and extensions; each schema's types;
 * one block per table in foreign-key order (a partitioned table with its partitions as one custom
 * step), with blocks of the routines whose standard SQL body reads a table between them (after what they
 * read, before their caller); foreign keys and CHECKs that close a cycle ({@code ensureConstraints}); then per schema functions, views, triggers, row-level
 * security and policies, grants.
 */
final class BlockPlan {
    private static final Comparator<QualifiedName> BY_NAME =
            Comparator.comparing(QualifiedName::schema).thenComparing(QualifiedName::name);

    private final Generator g;
    private final Source source;
    private final Catalog catalog;
    /**
     * Partitions (not their root): the DSL declares them with ensurePartition but has no ensureTable for
     * one, so their triggers, grants and policies stay custom steps.
     */
    private final Set<QualifiedName> customTables = new HashSet<>();
    /** Every table of a partition tree, root included: its sequences are declared, never serial. */
    private final Set<QualifiedName> partitionTrees = new HashSet<>();
    /** Domains and composite types over a range type whose function is a user's, written after that range. */
    private final List<QualifiedName> typesOverUserRanges;
    /**
     * Domains, composite and range types placed among the tables by the graph ({@link PlacedTypes}) or written with the
     * views (over a view's row type): not in the types blocks.
     */
    private final Set<QualifiedName> placedTypes;
    /** "schema.table.column" of serial columns → their sequence. */
    private final Map<String, QualifiedName> serials = new HashMap<>();

    /** The partition trees of the catalog, roots and partitions. */
    private final PartitionTree partitions;

    BlockPlan(Generator g, Source source) {
        this.g = g;
        this.source = source;
        this.catalog = source.catalog();
        this.typesOverUserRanges = source.creationOrder().typesOver(catalog.rangeTypes().values().stream()
                .filter(RangeBlocks::usesUserFunction).map(schemasync.catalog.RangeType::name).collect(java.util.stream.Collectors.toSet()));
        this.partitions = new PartitionTree(catalog);
        this.placedTypes = new HashSet<>(source.creationOrder().placedTypes());
        placedTypes.addAll(source.creationOrder().views().typesOverViews()); // with the views
        partitions.members().forEach((name, p) -> {
            partitionTrees.add(name);
            if (p.parent() != null) customTables.add(name);
        });
    }

    void write() {
        schemasAndExtensions();
        ExternalBlocks externals = new ExternalBlocks(g, catalog);
        externals.servers();
        RoutineBlocks routines = new RoutineBlocks(g, source);
        routines.routinesTypesUse();
        for (String schema : g.schemas()) types(schema);
        // Created before the ranges and the operators, casts and operator classes naming them; a range comes before every
        // table, so its functions cannot wait for one, but an operator's may (it is placed by the graph, after its function).
        Set<String> operatorsUse = new HashSet<>(OperatorCalls.functionsUsed(source));
        operatorsUse.addAll(OperatorClassCalls.functionsUsed(source)); // a class's support functions
        routines.routinesTablesUse(RangeBlocks.functionsRangesUse(source), operatorsUse);
        RangeBlocks.rangesOverUserFunctions(g, catalog, placedTypes);
        typesOverUserRanges.stream().filter(n -> !placedTypes.contains(n)).forEach(this::type); // after the ranges' block

        tables(routines, externals);
        externals.foreignTables();
        for (String schema : g.schemas()) routines.routines(schema);
        ConversionCalls.write(g, catalog.conversions());
        new ViewBlocks(g, source).write(routines, this::type);
        for (String schema : g.schemas()) triggers(schema);
        for (String schema : g.schemas()) policies(schema);
        StatisticsRuleCalls.write(g, catalog);
        externals.publications();
        GrantBlocks grants = new GrantBlocks(g, catalog, customTables, this::sortedTables);
        for (String schema : g.schemas()) grants.grants(schema);
        grants.objectGrants();
        CommentCalls.write(g, catalog, source.extensionComments());
        OwnerCalls.write(g, catalog, g.applyingRole());
        SecurityLabels.write(g, source.securityLabels()); // ensureSecurityLabel (a routine's: a custom step), once every object and its owner exist
        externals.eventTriggers(); // last, as pg_dump puts them: they would fire on the DDL of every later block
        OwnerCalls.writeEventTriggers(g, catalog, g.applyingRole());
        CommentCalls.writeEventTriggers(g, catalog);
        SecurityLabels.writeEventTriggers(g, source.securityLabels());
        g.finishBlock();
    }

    private void schemasAndExtensions() {
        g.startBlock("Schemas and extensions", "Schemas and extensions the rest of the schema needs");
        for (String s : catalog.schemas()) if (!s.equals(QualifiedName.DEFAULT_SCHEMA)) g.add(new Call.SchemaCall(s));
        for (Catalog.Extension x : new TreeMap<>(catalog.extensions()).values()) {
            if (x.name().equals("plpgsql")) continue; // in every database from template1
            g.add(new Call.ExtensionCall(x.name(), x.schema().equals(QualifiedName.DEFAULT_SCHEMA) ? null : x.schema()));
        }
        // Collations need only their schema; every type, domain and column using one comes after.
        catalog.collations().keySet().stream().sorted(BY_NAME)
                .forEach(n -> g.add(KindCalls.CollationCall.of(g.dslName(n), catalog.collations().get(n))));
        // Text search objects need only their schema, the extension of a template they name and each other (user
        // templates and parsers are not carried): here, before every type, routine and table that may name one, since a
        // domain's default and a standard SQL body may name a configuration too, and PostgreSQL resolves a regconfig
        // constant at CREATE.
        TextSearchCalls.write(g, catalog.textSearch());
    }

    private void types(String schema) {
        g.startBlock(schema + " types", "Types of schema " + schema + ": enums, domains, composite and range types, sequences");
        catalog.enums().keySet().stream().filter(n -> n.schema().equals(schema)).sorted(BY_NAME)
                .forEach(n -> g.add(new TypeCalls.EnumCall(g.dslName(n), catalog.enums().get(n))));
        // Range types over built-in functions only: domains and composites of them follow; the others follow their functions.
        catalog.rangeTypes().keySet().stream().filter(n -> n.schema().equals(schema) && !RangeBlocks.usesUserFunction(
                catalog.rangeTypes().get(n)) && !placedTypes.contains(n)).sorted(BY_NAME).forEach(n -> g.add(KindCalls.RangeTypeCall.of(g.dslName(n),
                catalog.rangeTypes().get(n))));
        catalog.domains().keySet().stream().filter(n -> n.schema().equals(schema) && !typesOverUserRanges.contains(n)
                        && !placedTypes.contains(n))
                .sorted(BY_NAME).forEach(this::type);
        catalog.composites().keySet().stream().filter(n -> n.schema().equals(schema) && !typesOverUserRanges.contains(n)
                        && !placedTypes.contains(n))
                .sorted(BY_NAME).forEach(this::type);
        for (Sequence s : catalog.sequences().values()) {
            if (!s.name().schema().equals(schema) || s.owner() != null && s.owner().identity()) continue; // identity: implicit
            if (isSerial(s)) {
                serials.put(s.owner().table() + "." + s.owner().column(), s.name());
                continue;
            }
            g.add(sequence(s));
        }
    }

    /** {@code ensureDomain}, {@code ensureCompositeType} or {@code ensureRangeType}. */
    private void type(QualifiedName n) {
        schemasync.catalog.Domain d = catalog.domains().get(n);
        if (catalog.rangeTypes().containsKey(n)) {
            g.add(KindCalls.RangeTypeCall.of(g.dslName(n), catalog.rangeTypes().get(n)));
        } else if (d != null) {
            g.add(new TypeCalls.DomainCall(g.dslName(n), d.baseType(), d.notNull(), d.defaultExpr(),
                    d.collation() == null ? null : d.collation().schema(), d.collation() == null ? null : d.collation().name(),
                    d.checks().stream().map(schemasync.catalog.Domain.Check::name).toList(),
                    d.checks().stream().map(c -> c.expression().substring("CHECK ".length())).toList(),
                    d.checks().stream().filter(c -> !c.validated()).map(schemasync.catalog.Domain.Check::name).toList()));
        } else {
            g.add(new TypeCalls.CompositeCall(g.dslName(n), catalog.composites().get(n).attributes().stream().map(a -> a.collation() == null
                    ? List.of(a.name(), a.type()) : List.of(a.name(), a.type(), a.collation().schema(), a.collation().name())).toList()));
        }
    }

    /** {@code ensureSequence} with the options that differ from PostgreSQL's defaults for its type. */
    private Call sequence(Sequence s) {
        long typeMax = switch (s.dataType()) {
            case "smallint" -> Short.MAX_VALUE;
            case "integer" -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
        boolean ascending = s.increment() > 0;
        String owner = s.owner() == null ? null : g.dslName(s.owner().table()) + "." + s.owner().column();
        if (!ascending) {
            return new TypeCalls.SequenceCall(g.dslName(s.name()), s.dataType(), s.increment(), s.minValue(), s.maxValue(), s.start(),
                    s.cache(), s.cycle(), owner);
        }
        return new TypeCalls.SequenceCall(g.dslName(s.name()), s.dataType().equals("bigint") ? null : s.dataType(),
                s.increment() == 1 ? null : s.increment(), s.minValue() == 1 ? null : s.minValue(),
                s.maxValue() == typeMax ? null : s.maxValue(), s.start() == s.minValue() ? null : s.start(),
                s.cache() == 1 ? null : s.cache(), s.cycle(), owner);
    }

    /**
     * A sequence that {@code serial} would create exactly: owned by an integer column whose default is
     * its nextval, under PostgreSQL's own name for it. Its options (start, cache) are not compared.
     */
    private boolean isSerial(Sequence s) {
        Sequence.Owner o = s.owner();
        if (o == null || o.identity() || partitionTrees.contains(o.table())) return false;
        if (!s.name().schema().equals(o.table().schema())) return false;
        if (!s.name().name().equals(TableGenerator.defaultName(o.table().name() + "_" + o.column(), "seq"))) return false;
        Table t = catalog.tables().get(o.table());
        Column c = t == null ? null : t.column(o.column()).orElse(null);
        if (c == null || !Set.of("integer", "bigint", "smallint").contains(c.type())) return false;
        String expected = "nextval('" + sqlName(s.name()) + "'::regclass)";
        return expected.equals(c.defaultExpr()) && seqMatchesSerial(s, c.type());
    }

    /** serial makes its sequence AS the column's type, from 1 by 1, cache 1, no cycle. */
    private static boolean seqMatchesSerial(Sequence s, String columnType) {
        return s.start() == 1 && s.increment() == 1 && s.minValue() == 1 && s.cache() == 1 && !s.cycle()
                && s.dataType().equals(columnType) && s.maxValue() == switch (columnType) {
                    case "smallint" -> Short.MAX_VALUE;
                    case "integer" -> Integer.MAX_VALUE;
                    default -> Long.MAX_VALUE;
                };
    }

    /** How regclass prints a name (schema-qualified under the reader's search_path). */
    static String sqlName(QualifiedName n) {
        return schemasync.catalog.SqlText.quoteIdent(n.schema()) + "." + schemasync.catalog.SqlText.quoteIdent(n.name());
    }

    private void tables(RoutineBlocks routines, ExternalBlocks externals) {
        CreationOrder.Tables tables = source.creationOrder().tables(this::rootOf, routines.routinesBetweenTables());
        List<QualifiedName> order = tables.order();
        Set<String> deferred = tables.deferredConstraints();
        Set<QualifiedName> laterIndexNames = tables.deferredIndexes();
        List<Call> laterIndexes = new ArrayList<>();
        TableGenerator tg = new TableGenerator(g, tables::defaultDeferred);
        Set<QualifiedName> declared = new HashSet<>();
        for (QualifiedName name : order) {
            Table t = catalog.tables().get(name);
            routines.routinesBefore("Functions before " + (name.schema().equals("public") ? "" : name.schema() + " ") + name.name(),
                    tables.routinesBefore().getOrDefault(name, List.of()));
            // Operators, casts, operator classes and text search objects by the graph: before the tables using them.
            PlacedTypes.write(g, catalog, tables.placedBefore().getOrDefault(name, List.of()), this::type);
            if (t == null) { // a foreign table a routine between the tables reads: before that routine
                externals.foreignTable(name);
                continue;
            }
            g.startBlock((name.schema().equals("public") ? "" : name.schema() + " ") + name.name(),
                    "Table " + name + (t.comment() == null ? "" : ": " + firstLine(t.comment())));
            if (partitions.isRoot(name)) {
                new PartitionedTables(g).write(t, partitions, tg, declared, deferred, serials);
            } else {
                List<Call> calls = new ArrayList<>(tg.table(t, declared, deferred, serials));
                calls.removeIf(c -> c instanceof Call.IndexCall i && laterIndexNames.contains(name.sibling(i.name()))
                        && laterIndexes.add(c));
                // One the DSL cannot say is a custom step: it waits for the function just the same.
                calls.removeIf(c -> c instanceof Call.CustomCall k && laterIndexNames.stream()
                        .anyMatch(i -> k.id().equals(Generator.stepId("index " + i))) && laterIndexes.add(c));
                g.addAll(calls);
            }
            if (t.primaryKey() != null) g.primaryKeyDeclared(name);
            declared.add(name);
        }
        routines.routinesBefore("Functions after the tables", tables.routinesAfter());
        PlacedTypes.write(g, catalog, tables.placedAfter(), this::type);
        if (!laterIndexes.isEmpty()) {
            g.startBlock("Indexes closing cycles", "Indexes calling a function whose standard SQL body reads their table,"
                    + " created once both exist");
            g.addAll(laterIndexes);
        }
        if (!tables.deferredDefaults().isEmpty()) {
            g.startBlock("Defaults closing cycles", "Column defaults calling a function whose standard SQL body reads their table:"
                    + " set once both exist (pg_dump's ALTER TABLE ... SET DEFAULT)");
            tables.deferredDefaults().forEach((table, columns) -> columns.forEach(column -> g.add(new CycleCalls.DefaultCall(
                    g.dslName(table), column, catalog.tables().get(table).column(column).orElseThrow().defaultExpr(),
                    DefaultSplit.onlyThisTable(catalog, table, column)))));
        }
        if (!deferred.isEmpty()) {
            if (deferred.stream().allMatch(k -> isForeignKey(k))) {
                g.startBlock("Foreign keys closing cycles", "Foreign keys between tables that reference each other, added once both exist");
            } else {
                g.startBlock("Constraints closing cycles", "Foreign keys between tables that reference each other, and CHECKs calling a"
                        + " function that reads their table, added once both exist");
            }
            // ensureConstraints per table, as pg_dump adds foreign keys after all tables; a custom step only for
            // a key the DSL cannot say.
            Map<QualifiedName, List<TableCall.ConstraintDef>> byTable = new TreeMap<>(BY_NAME);
            for (String key : deferred) {
                QualifiedName table = new QualifiedName(key.substring(0, key.indexOf('.')), key.substring(key.indexOf('.') + 1, key.lastIndexOf('.')));
                Table t = catalog.tables().get(table);
                Constraint c = t.constraint(key.substring(key.lastIndexOf('.') + 1)).orElseThrow();
                TableCall.ConstraintDef def = tg.constraint(t, c, declared);
                if (def != null) {
                    byTable.computeIfAbsent(table, k -> new ArrayList<>()).add(def);
                } else {
                    g.add(g.custom("constraint " + table + "." + c.name(), TableGenerator.reason(c, declared),
                            CustomSql.constraintMissing(table, c.name()), CustomSql.addConstraint(table, c.name(), c.definition()),
                            g.dslName(table) + "." + c.name()));
                }
            }
            byTable.forEach((table, defs) -> g.add(new Call.ConstraintsCall(g.dslName(table), defs)));
        }
    }

    /** "schema.table.constraint" names a foreign key. */
    private boolean isForeignKey(String key) {
        QualifiedName table = new QualifiedName(key.substring(0, key.indexOf('.')), key.substring(key.indexOf('.') + 1, key.lastIndexOf('.')));
        return catalog.tables().get(table).constraint(key.substring(key.lastIndexOf('.') + 1))
                .map(c -> c.kind() == Constraint.Kind.FOREIGN_KEY).orElse(false);
    }

    /** A partition's root partitioned table (the block that creates it); any other table itself. */
    private QualifiedName rootOf(QualifiedName table) {
        return partitions.rootOf(table);
    }

    private void triggers(String schema) {
        g.startBlock(schema + " triggers", "Triggers of schema " + schema);
        for (Source.TriggerOn on : source.triggers()) {
            if (!on.table().schema().equals(schema)) continue;
            Table.Trigger t = on.trigger();
            // A partition's own trigger (not a clone of its parent's) is ensureTrigger on the partition.
            boolean dslTable = catalog.tables().containsKey(on.table())
                    && (!customTables.contains(on.table()) || catalog.partitioning().containsKey(on.table()));
            Call call = dslTable ? TriggerCalls.of(g, on.table(), t) : null;
            if (call != null) {
                g.add(call);
            } else {
                g.add(g.custom("trigger " + t.name() + " on " + on.table(), dslTable && t.constraintTrigger()
                        ? "a constraint trigger FROM another table (the comparison cannot spell it before that table exists)"
                        : dslTable ? "a clause the DSL does not express"
                        : "on a partition (ensureTrigger declares triggers on the partitioned table)",
                        CustomSql.triggerMissing(on.table(), t.name()), t.definitionOn(on.table()), g.dslName(on.table()) + "." + t.name()));
            }
        }
    }

    private void policies(String schema) {
        g.startBlock(schema + " row level security", "Row-level security and policies of schema " + schema);
        for (Table t : sortedTables(schema)) {
            // A partition's own row-level security and policies are ensureRowLevelSecurity / ensurePolicy on its name.
            if (customTables.contains(t.name()) && !catalog.partitioning().containsKey(t.name())) {
                if (t.rowSecurity() != Table.RowSecurity.OFF || !t.policies().isEmpty()) {
                    g.notCarried("row-level security and policies of " + t.name() + ": on a table a custom step creates");
                }
                continue;
            }
            if (t.rowSecurity() != Table.RowSecurity.OFF) {
                g.add(new AccessCalls.RowSecurityCall(g.dslName(t.name()), t.rowSecurity() == Table.RowSecurity.FORCED));
            }
            t.policies().stream().sorted(Comparator.comparing(Table.Policy::name)).forEach(p -> g.add(new AccessCalls.PolicyCall(p.name(),
                    g.dslName(t.name()), p.permissive(), p.command(), p.roles(), p.using(), p.withCheck())));
        }
    }

    List<Table> sortedTables(String schema) {
        return catalog.tables().values().stream().filter(t -> t.name().schema().equals(schema))
                .sorted(Comparator.comparing(Table::name, BY_NAME)).toList();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 100 ? line.substring(0, 97) + "..." : line;
    }
}
