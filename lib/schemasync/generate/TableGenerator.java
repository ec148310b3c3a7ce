package schemasync.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import schemasync.catalog.Column;
import schemasync.catalog.Constraint;
import schemasync.catalog.Differ;
import schemasync.catalog.Index;
import schemasync.catalog.IndexParts;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Sequence;
import schemasync.catalog.SqlText;
import schemasync.catalog.Table;
import schemasync.dsl.IndexMethod;
import schemasync.catalog.SequenceOptions;
import schemasync.generate.TableCall.ColumnDef;
import schemasync.generate.TableCall.ConstraintDef;

/**
 * One ordinary table as DSL calls: {@code ensureTable} with its columns, primary key, UNIQUE, CHECK
 * and FOREIGN KEY constraints and comments, then {@code ensureIndex} for its other indexes. Whatever
 * the DSL cannot say exactly (an index with storage parameters, a foreign key to a table the blocks
 * do not declare) becomes a guarded custom step with PostgreSQL's own text.
 */
final class TableGenerator {
    private final Generator g;
    /** Column defaults a later block sets (split out of a creation-order cycle); the table is declared without them. */
    private final java.util.function.BiPredicate<QualifiedName, String> deferredDefault;

    TableGenerator(Generator g) {
        this(g, (table, column) -> false);
    }

    TableGenerator(Generator g, java.util.function.BiPredicate<QualifiedName, String> deferredDefault) {
        this.g = g;
        this.deferredDefault = deferredDefault;
    }

    /** Whether a later block sets this column's default (split out of a creation-order cycle): its declaration leaves it out. */
    boolean defaultDeferred(QualifiedName table, String column) {
        return deferredDefault.test(table, column);
    }

    /** An identity's sequence options where they differ from PostgreSQL's defaults for the column's type. */
    private SequenceOptions identityOptions(QualifiedName table, Column c) {
        if (c.identity() == Column.Identity.NONE) return SequenceOptions.NONE;
        for (Sequence s : g.catalog().sequences().values()) {
            Sequence.Owner o = s.owner();
            if (o != null && o.identity() && o.table().equals(table) && o.column().equals(c.name())) {
                return new SequenceOptions(s.increment(), s.minValue(), s.maxValue(), s.start(), s.cache(), s.cycle())
                        .withoutDefaults(c.type());
            }
        }
        return SequenceOptions.NONE;
    }

    /**
     * @param declared tables declared through the DSL before this one (foreign keys may reference them)
     * @param deferred foreign keys to leave for the cycle-breaking block (their names)
     */
    List<Call> table(Table t, Set<QualifiedName> declared, Set<String> deferred, Map<String, QualifiedName> serials) {
        return table(t, declared, deferred, serials, null);
    }

    /** @param partitionBy the key of a partitioned table (as after PARTITION BY), else null */
    List<Call> table(Table t, Set<QualifiedName> declared, Set<String> deferred, Map<String, QualifiedName> serials,
                     String partitionBy) {
        List<Call> calls = new ArrayList<>();
        List<Call> after = new ArrayList<>();
        List<ColumnDef> columns = new ArrayList<>();
        for (Column c : t.columns()) {
            QualifiedName seq = serials.get(t.name() + "." + c.name());
            if (seq != null) {
                String serial = switch (c.type()) {
                    case "bigint" -> "bigserial";
                    case "smallint" -> "smallserial";
                    default -> "serial";
                };
                // serial implies NOT NULL (ColumnSpec says so): writing .notNull() would only add noise.
                columns.add(new ColumnDef(c.name(), new TypeRef(serial, null, List.of(), false), false, Column.Identity.NONE, null,
                        c.comment(), SequenceOptions.NONE, null, null, false, notNullName(t, c)));
            } else {
                // A primary key makes its columns NOT NULL (the DSL says so too): .notNull() there is noise.
                boolean inPrimaryKey = t.primaryKey() != null && t.primaryKey().columns().contains(c.name());
                columns.add(new ColumnDef(c.name(), TypeRef.of(c.type()), c.notNull() && !inPrimaryKey, c.identity(),
                        deferredDefault.test(t.name(), c.name()) ? null : c.defaultExpr(), c.comment(), identityOptions(t.name(), c),
                        c.generated(), c.collation(), c.virtual(), notNullName(t, c)));
            }
        }
        List<String> pk = t.primaryKey() == null ? List.of() : t.primaryKey().columns();
        // .named(...) only when it is not the name PostgreSQL would choose (the DSL then chooses the same).
        String pkName = t.primaryKey() == null || t.primaryKey().name().equals(defaultName(t.name().name(), "pkey")) ? null
                : t.primaryKey().name();
        List<ConstraintDef> constraints = new ArrayList<>();
        java.util.Map<Integer, List<String>> keyStorage = new java.util.TreeMap<>();
        for (Constraint c : t.constraints()) {
            if (deferred.contains(t.name() + "." + c.name())) continue;
            ConstraintDef d = constraint(t, c, declared);
            if (d != null) {
                List<String> indexStorage = g.catalog().optionsOf(t.name().sibling(c.name())).storage();
                if (d instanceof TableCall.Unique && !indexStorage.isEmpty()) keyStorage.put(constraints.size(), indexStorage);
                constraints.add(d);
            } else {
                after.add(g.custom("constraint " + t.name() + "." + c.name(), reason(c, declared),
                        CustomSql.constraintMissing(t.name(), c.name()), CustomSql.addConstraint(t.name(), c.name(), c.definition()),
                        g.dslName(t.name()) + "." + c.name()));
            }
        }
        schemasync.catalog.RelationOptions options = g.catalog().optionsOf(t.name());
        schemasync.catalog.TableLineage lineage = g.catalog().lineageOf(t.name());
        calls.add(new TableCall(g.dslName(t.name()), columns, pk, pkName, constraints, t.comment(), partitionBy, options.storage(),
                options.unlogged(), options.columns(), g.indexesOf(t.name()).stream()
                .filter(i -> i.constraintBacked() && g.catalog().optionsOf(i.name()).clustered()).map(i -> i.name().name())
                .findFirst().orElse(null), t.primaryKey() == null ? List.of()
                : g.catalog().optionsOf(t.name().sibling(t.primaryKey().name())).storage(), keyStorage,
                t.primaryKey() == null ? schemasync.catalog.KeyOptions.NONE : t.primaryKey().options(),
                lineage == null ? List.of() : lineage.inherits().stream().map(g::dslName).toList(),
                lineage == null || lineage.ofType() == null ? null : g.dslName(lineage.ofType()),
                lineage == null ? List.of() : lineage.inheritedColumns()));
        for (Index i : g.indexesOf(t.name())) {
            if (i.constraintBacked()) continue;
            Call index = index(i);
            if (index != null) calls.add(index);
            else after.add(g.custom("index " + i.name(), "options the DSL does not express", CustomSql.relationMissing(i.name()),
                    g.indexDefinition(i.name()), g.dslName(i.name())));
        }
        calls.addAll(after);
        return calls;
    }

    static String reason(Constraint c, Set<QualifiedName> declared) {
        if (c.kind() == Constraint.Kind.FOREIGN_KEY && !declared.contains(c.foreignKey().table())) {
            return "references a table the DSL does not declare";
        }
        return "options the DSL does not express";
    }

    /** The constraint as DSL, or null when the DSL would declare something else. */
    ConstraintDef constraint(Table t, Constraint c, Set<QualifiedName> declared) {
        switch (c.kind()) {
            case UNIQUE -> {
                // What unique(...) declares, spelled from the constraint's own fields as pg_get_constraintdef spells it (which
                // leaves the index's storage parameters out: they are .indexWith(...), from RelationOptions); a constraint
                // whose text says more stays PostgreSQL's.
                String spelled = "UNIQUE " + (c.nullsNotDistinct() ? "NULLS NOT DISTINCT " : "") + "("
                        + String.join(", ", c.columns().stream().map(SqlText::quoteIdent).toList())
                        + (c.keyOptions().withoutOverlaps() ? " WITHOUT OVERLAPS)" : ")")
                        + c.keyOptions().sql();
                if (!Differ.constraint(new Constraint(c.name(), c.kind(), c.columns(), c.check(), c.foreignKey(), c.nullsNotDistinct(),
                        c.validated(), spelled, c.keyOptions(), c.notEnforced()), c).isEmpty()) return null;
                String dflt = defaultName(t.name().name() + "_" + String.join("_", c.columns()), "key");
                return new TableCall.Unique(c.name().equals(dflt) && !needsTruncation(t, c, "key") ? null : c.name(), c.columns(),
                        c.nullsNotDistinct(), c.keyOptions());
            }
            case EXCLUSION -> {
                // pg_get_constraintdef's whole clause; the DSL takes it after EXCLUDE.
                String def = c.check();
                if (def == null || !def.startsWith("EXCLUDE ")) return null;
                return new TableCall.Exclude(c.name(), def.substring("EXCLUDE ".length()));
            }
            case CHECK -> {
                String def = c.check();
                if (!def.startsWith("CHECK (")) return null;
                if (def.endsWith(" NOT VALID")) def = def.substring(0, def.length() - " NOT VALID".length());
                // "((a > 0)) NO INHERIT": the DSL's check() takes the trailing NO INHERIT as it is.
                return new TableCall.Check(c.name(), def.substring("CHECK ".length()), !c.validated(), c.notEnforced());
            }
            default -> {
                Constraint.ForeignKey fk = c.foreignKey();
                if (!declared.contains(fk.table()) && !fk.table().equals(t.name())) return null;
                if (!Set.of("NO ACTION", "CASCADE").contains(fk.onUpdate())) return null;
                if (!Set.of("NO ACTION", "CASCADE", "SET NULL", "RESTRICT").contains(fk.onDelete())) return null;
                if (!Set.of("SIMPLE", "FULL").contains(fk.match())) return null;
                if (fk.initiallyDeferred() && !fk.deferrable()) return null;
                // PostgreSQL 15+: ON DELETE SET NULL (columns) narrows the action; the DSL has no such form.
                if (!fk.deleteSetColumns().isEmpty()) return null;
                Table target = fk.table().equals(t.name()) ? t : g.catalog().tables().get(fk.table());
                boolean toPrimaryKey = target != null && target.primaryKey() != null && g.declaresPrimaryKey(target)
                        && target.primaryKey().columns().equals(fk.columns());
                String dflt = defaultName(t.name().name() + "_" + String.join("_", c.columns()), "fkey");
                return new TableCall.ForeignKey(c.name().equals(dflt) && !needsTruncation(t, c, "fkey") ? null : c.name(),
                        c.columns(), g.dslName(fk.table()), toPrimaryKey ? List.of() : fk.columns(),
                        fk.onDelete().equals("NO ACTION") ? null : fk.onDelete(), fk.onUpdate().equals("CASCADE"),
                        fk.match().equals("FULL"), fk.deferrable(), fk.initiallyDeferred(), !c.validated(), c.notEnforced(),
                        fk.period());
            }
        }
    }

    /** A NOT NULL constraint's name that is not PostgreSQL's default (PostgreSQL 18), else null. */
    private String notNullName(Table t, Column c) {
        return g.catalog().notNullNames().get(new schemasync.catalog.NotNullNames.Key(t.name(), c.name()));
    }

    /** The DSL names an unnamed constraint {@code table_cols_key} without truncating: name it when longer. */
    private static boolean needsTruncation(Table t, Constraint c, String suffix) {
        return QualifiedName.utf8Length(t.name().name() + "_" + String.join("_", c.columns()) + "_" + suffix)
                > QualifiedName.MAX_IDENTIFIER_BYTES;
    }

    /** PostgreSQL's default name {@code <base>_<suffix>} when it fits in 63 bytes (else: never a match). */
    static String defaultName(String base, String suffix) {
        String name = base + "_" + suffix;
        return QualifiedName.utf8Length(name) <= QualifiedName.MAX_IDENTIFIER_BYTES ? name : "\0";
    }

    /**
     * The index as an {@code ensureIndex} call, built from its parts as pg_index holds them ({@link IndexParts}); null
     * when the call would declare another index. The call says the index exactly when its parts, spelled as
     * PostgreSQL spells an index, equal the catalog's index under the index differ: anything the parts do not carry
     * (a method the DSL lacks, a clause PostgreSQL adds) leaves a difference, and the index stays PostgreSQL's text.
     */
    Call index(Index i) {
        IndexMethod method;
        try {
            method = IndexMethod.valueOf(i.method().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
        IndexParts read = g.catalog().indexParts().get(i.name());
        if (read == null) return null;
        IndexParts parts = null;
        for (IndexParts candidate : List.of(read, read.expressionsInOwnCollation())) {
            Index declared = new Index(i.name(), i.table(), i.unique(), method.amname(), candidate.definition(method.amname()),
                    i.valid(), i.constraintBacked());
            if (Differ.index(declared, i).isEmpty()) {
                parts = candidate;
                break;
            }
        }
        if (parts == null) return null;
        List<Call.Key> keys = parts.keys().stream()
                .map(k -> k.plainColumn() ? new Call.Key(k.column(), null) : new Call.Key(null, k.sql())).toList();
        schemasync.catalog.RelationOptions options = g.catalog().optionsOf(i.name());
        return new Call.IndexCall(i.name().name(), g.dslName(i.table()), i.unique(), method, keys, parts.include(),
                parts.predicate(), options.storage(), options.clustered(), parts.nullsNotDistinct());
    }
}
