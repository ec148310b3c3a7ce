package schemasync.generate;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DataType;
import schemasync.catalog.Column.Identity;
import schemasync.dsl.ColumnType;
import schemasync.dsl.Default;
import schemasync.dsl.ForeignKeyBuilder;
import schemasync.dsl.SchemaChanges;
import schemasync.catalog.SequenceOptions;
import schemasync.dsl.TableBuilder;

/** {@code db.ensureTable(name, t -> t.column(...)...primaryKey(...).unique(...).check(...).foreignKey(...))}. */
record TableCall(String name, List<ColumnDef> columns, List<String> primaryKey, String primaryKeyName,
                 List<ConstraintDef> constraints, String comment, String partitionBy, List<String> storage, boolean unlogged,
                 java.util.Map<String, schemasync.catalog.ColumnOptions> columnOptions, String clusterOn,
                 List<String> primaryKeyStorage, java.util.Map<Integer, List<String>> constraintStorage,
                 schemasync.catalog.KeyOptions primaryKeyOptions, List<String> inherits, String ofType,
                 List<schemasync.catalog.TableLineage.InheritedColumn> inheritedColumns)
        implements Call {

    TableCall(String name, List<ColumnDef> columns, List<String> primaryKey, String primaryKeyName,
              List<ConstraintDef> constraints, String comment, String partitionBy) {
        this(name, columns, primaryKey, primaryKeyName, constraints, comment, partitionBy, List.of(), false, java.util.Map.of(), null,
                List.of(), java.util.Map.of(), schemasync.catalog.KeyOptions.NONE, List.of(), null, List.of());
    }

    /** {@code .withoutOverlaps().include("b").initiallyDeferred()}: a key's WITHOUT OVERLAPS, INCLUDE and DEFERRABLE, each when set. */
    static String keyOptions(schemasync.catalog.KeyOptions o) {
        return (o.withoutOverlaps() ? ".withoutOverlaps()" : "") + (o.include().isEmpty() ? "" : ".include(" + JavaCode.strings(o.include()) + ")")
                + (o.initiallyDeferred() ? ".initiallyDeferred()" : o.deferrable() ? ".deferrable()" : "");
    }

    static TableBuilder keyOptions(TableBuilder b, schemasync.catalog.KeyOptions o) {
        if (o.withoutOverlaps()) b = b.withoutOverlaps();
        if (!o.include().isEmpty()) b = b.include(o.include().toArray(String[]::new));
        if (o.initiallyDeferred()) return b.initiallyDeferred();
        return o.deferrable() ? b.deferrable() : b;
    }

    /** {@code .indexWith("fillfactor", "70")...}: the storage parameters of a key's index, after the key. */
    static String indexStorage(List<String> options) {
        return String.join("", options.stream().map(o -> ".indexWith(" + JavaCode.literal(schemasync.catalog.RelationOptions.key(o))
                + ", " + JavaCode.literal(o.substring(o.indexOf('=') + 1)) + ")").toList());
    }

    static TableBuilder indexStorage(TableBuilder b, List<String> options) {
        for (String o : options) b = b.indexWith(schemasync.catalog.RelationOptions.key(o), o.substring(o.indexOf('=') + 1));
        return b;
    }

    /** {@code .statistics(1000).storage("EXTERNAL").compression("lz4").columnOption("n_distinct", "-1")}, each when set. */
    static String columnOptions(schemasync.catalog.ColumnOptions o) {
        if (o == null) return "";
        StringBuilder s = new StringBuilder();
        if (o.statistics() != null) s.append(".statistics(").append(o.statistics()).append(")");
        if (o.storage() != null) s.append(".storage(").append(JavaCode.literal(o.storage())).append(")");
        if (o.compression() != null) s.append(".compression(").append(JavaCode.literal(o.compression())).append(")");
        for (String a : o.attributes()) {
            s.append(".columnOption(").append(JavaCode.literal(schemasync.catalog.RelationOptions.key(a))).append(", ")
                    .append(JavaCode.literal(a.substring(a.indexOf('=') + 1))).append(")");
        }
        return s.toString();
    }

    /** {@code .with("fillfactor", "70")} per storage parameter ({@code name=value}). */
    static String storage(List<String> storage) {
        StringBuilder s = new StringBuilder();
        for (String o : storage) {
            s.append(".with(").append(JavaCode.literal(schemasync.catalog.RelationOptions.key(o))).append(", ")
                    .append(JavaCode.literal(o.substring(o.indexOf('=') + 1))).append(")");
        }
        return s.toString();
    }

    /**
     * {@code identityOptions}: the identity's sequence options that differ from PostgreSQL's defaults for the type;
     * {@code generated}: a generated column's expression (VIRTUAL when {@code virtual}, else STORED); {@code collation}: when
     * not the type's default; {@code notNullName}: a NOT NULL constraint's own name (PostgreSQL 18), declared
     * {@code .notNullNamed(column, name)}.
     */
    record ColumnDef(String name, TypeRef type, boolean notNull, Identity identity, String defaultSql, String comment,
                     SequenceOptions identityOptions, String generated, schemasync.catalog.QualifiedName collation,
                     boolean virtual, String notNullName) {
    }

    sealed interface ConstraintDef permits Unique, Check, Exclude, ForeignKey {
    }

    /** {@code clause}: what follows EXCLUDE ({@code USING gist (room WITH =, during WITH &&) ...}). */
    record Exclude(String name, String clause) implements ConstraintDef {
    }

    /** {@code name} is null when it is PostgreSQL's default name (the DSL then gives the same one). */
    record Unique(String name, List<String> columns, boolean nullsNotDistinct, schemasync.catalog.KeyOptions options) implements ConstraintDef {
    }

    /**
     * {@code notValid}: NOT VALID in the source (existing rows never checked), declared {@code .notValid()};
     * {@code notEnforced}: NOT ENFORCED (PostgreSQL 18), declared {@code .notEnforced()}.
     */
    record Check(String name, String expression, boolean notValid, boolean notEnforced) implements ConstraintDef {
        Check(String name, String expression, boolean notValid) {
            this(name, expression, notValid, false);
        }
    }

    /**
     * Actions as the DSL spells them; referencedColumns empty when they are the referenced primary key; {@code period}:
     * the last columns are PERIOD (PostgreSQL 18), declared {@code .period()}.
     */
    record ForeignKey(String name, List<String> columns, String references, List<String> referencedColumns,
                      String onDelete, boolean onUpdateCascade, boolean matchFull, boolean deferrable,
                      boolean initiallyDeferred, boolean notValid, boolean notEnforced, boolean period) implements ConstraintDef {
        ForeignKey(String name, List<String> columns, String references, List<String> referencedColumns, String onDelete,
                   boolean onUpdateCascade, boolean matchFull, boolean deferrable, boolean initiallyDeferred, boolean notValid) {
            this(name, columns, references, referencedColumns, onDelete, onUpdateCascade, matchFull, deferrable, initiallyDeferred,
                    notValid, false, false);
        }
    }

    public void render(JavaCode code) {
        code.line(0, "db.ensureTable(" + JavaCode.literal(name) + ", t -> t");
        List<String> chain = new ArrayList<>();
        if (!inherits.isEmpty()) chain.add(".inherits(" + JavaCode.strings(inherits) + ")");
        if (ofType != null) chain.add(".ofType(" + JavaCode.literal(ofType) + ")");
        for (var c : inheritedColumns) {
            if (c.ownDefault()) chain.add(".inheritedDefault(" + JavaCode.literal(c.name()) + ", " + (c.defaultExpr() == null ? "null"
                    : JavaCode.literal(c.defaultExpr())) + ")");
            if (c.ownNotNull()) chain.add(".inheritedNotNull(" + JavaCode.literal(c.name()) + ")");
        }
        for (ColumnDef c : columns) {
            String type = columnType(c, code);
            String dflt = "";
            if (c.defaultSql() != null) {
                code.importStatic("schemasync.dsl.Default.dflt");
                dflt = ", dflt(" + JavaCode.literal(c.defaultSql()) + ")";
            }
            chain.add(".column(" + JavaCode.literal(c.name()) + ", " + type + dflt + ")");
            if (c.comment() != null) chain.add(".columnComment(" + JavaCode.literal(c.comment()) + ")");
            if (c.notNullName() != null) chain.add(".notNullNamed(" + JavaCode.literal(c.name()) + ", " + JavaCode.literal(c.notNullName()) + ")");
            String options = columnOptions(columnOptions.get(c.name()));
            if (!options.isEmpty()) chain.add(options);
        }
        if (!primaryKey.isEmpty()) {
            chain.add(".primaryKey(" + JavaCode.strings(primaryKey) + ")"
                    + (primaryKeyName == null ? "" : ".named(" + JavaCode.literal(primaryKeyName) + ")") + keyOptions(primaryKeyOptions)
                    + indexStorage(primaryKeyStorage));
        }
        for (int i = 0; i < constraints.size(); i++) {
            chain.add(constraint(constraints.get(i)) + indexStorage(constraintStorage.getOrDefault(i, List.of())));
        }
        if (comment != null) chain.add(".comment(" + JavaCode.literal(comment) + ")");
        if (partitionBy != null) chain.add(".partitionBy(" + JavaCode.literal(partitionBy) + ")");
        if (!storage.isEmpty()) chain.add(storage(storage));
        if (unlogged) chain.add(".unlogged()");
        if (clusterOn != null) chain.add(".clusterOn(" + JavaCode.literal(clusterOn) + ")");
        for (int i = 0; i < chain.size(); i++) code.line(1, chain.get(i) + (i == chain.size() - 1 ? ");" : ""));
        if (chain.isEmpty()) code.line(1, ");");
    }

    /** The type with {@code .generatedAlwaysAs(...)} and {@code .collate(...)} when the column has them. */
    private static String columnType(ColumnDef c, JavaCode code) {
        String type = baseColumnType(c, code);
        if (c.generated() == null && c.collation() == null) return type;
        if (!type.startsWith("ColumnType.of(") && c.type().jooq()) {
            code.importClass("schemasync.dsl.ColumnType");
            type = "ColumnType.of(" + type + ")";
        }
        if (c.generated() != null) type += (c.virtual() ? ".generatedVirtual(" : ".generatedAlwaysAs(") + JavaCode.literal(c.generated()) + ")";
        if (c.collation() != null) {
            type += ".collate(" + (c.collation().schema().equals("pg_catalog") ? "" : JavaCode.literal(c.collation().schema()) + ", ")
                    + JavaCode.literal(c.collation().name()) + ")";
        }
        return type;
    }

    private static String baseColumnType(ColumnDef c, JavaCode code) {
        TypeRef t = c.type();
        String base = t.java(code);
        String options = options(c.identityOptions());
        if (t.jooq()) {
            if (c.identity() == Identity.ALWAYS || c.identity() == Identity.BY_DEFAULT) {
                code.importClass("schemasync.dsl.ColumnType");
                return "ColumnType.of(" + base + ")" + (c.identity() == Identity.ALWAYS ? ".identityAlways(" : ".identityByDefault(")
                        + options + ")";
            }
            return c.notNull() ? base + ".notNull()" : base;
        }
        if (c.identity() == Identity.ALWAYS) return base + ".identityAlways(" + options + ")";
        if (c.identity() == Identity.BY_DEFAULT) return base + ".identityByDefault(" + options + ")";
        return c.notNull() ? base + ".notNull()" : base;
    }

    /** {@code seq -> seq.startWith(1000L).incrementBy(10L)}, or nothing when every option is the default. */
    private static String options(SequenceOptions o) {
        if (o.isEmpty()) return "";
        StringBuilder s = new StringBuilder("seq -> seq");
        if (o.increment() != null) s.append(".incrementBy(").append(o.increment()).append("L)");
        if (o.minValue() != null) s.append(".minValue(").append(o.minValue()).append("L)");
        if (o.maxValue() != null) s.append(".maxValue(").append(o.maxValue()).append("L)");
        if (o.start() != null) s.append(".startWith(").append(o.start()).append("L)");
        if (o.cache() != null) s.append(".cache(").append(o.cache()).append("L)");
        if (o.cycles() != null) s.append(o.cycles() ? ".cycle()" : ".noCycle()");
        return s.toString();
    }

    /** What {@link #columnType} evaluates to. */
    private static ColumnType columnType(ColumnDef c) {
        ColumnType type = baseColumnType(c);
        if (c.generated() != null) type = c.virtual() ? type.generatedVirtual(c.generated()) : type.generatedAlwaysAs(c.generated());
        if (c.collation() != null) type = type.collate(c.collation().schema(), c.collation().name());
        return type;
    }

    private static ColumnType baseColumnType(ColumnDef c) {
        TypeRef t = c.type();
        if (t.jooq()) {
            DataType<?> dt = t.dataType();
            if (c.identity() == Identity.ALWAYS) return ColumnType.of(dt).identityAlways(seq -> c.identityOptions());
            if (c.identity() == Identity.BY_DEFAULT) return ColumnType.of(dt).identityByDefault(seq -> c.identityOptions());
            return ColumnType.of(c.notNull() ? dt.notNull() : dt);
        }
        ColumnType ct = t.columnType();
        if (c.identity() == Identity.ALWAYS) return ct.identityAlways(seq -> c.identityOptions());
        if (c.identity() == Identity.BY_DEFAULT) return ct.identityByDefault(seq -> c.identityOptions());
        return c.notNull() ? ct.notNull() : ct;
    }

    public void declare(SchemaChanges db) {
        db.ensureTable(name, t -> {
            TableBuilder b = t;
            if (!inherits.isEmpty()) b = b.inherits(inherits.toArray(String[]::new));
            if (ofType != null) b = b.ofType(ofType);
            for (var c : inheritedColumns) {
                if (c.ownDefault()) b = b.inheritedDefault(c.name(), c.defaultExpr());
                if (c.ownNotNull()) b = b.inheritedNotNull(c.name());
            }
            for (ColumnDef c : columns) {
                b = c.defaultSql() == null ? b.column(c.name(), columnType(c)) : b.column(c.name(), columnType(c), Default.dflt(c.defaultSql()));
                if (c.comment() != null) b = b.columnComment(c.comment());
                if (c.notNullName() != null) b = b.notNullNamed(c.name(), c.notNullName());
                schemasync.catalog.ColumnOptions o = columnOptions.get(c.name());
                if (o != null) {
                    if (o.statistics() != null) b = b.statistics(o.statistics());
                    if (o.storage() != null) b = b.storage(o.storage());
                    if (o.compression() != null) b = b.compression(o.compression());
                    for (String a : o.attributes()) b = b.columnOption(schemasync.catalog.RelationOptions.key(a), a.substring(a.indexOf('=') + 1));
                }
            }
            if (!primaryKey.isEmpty()) b = b.primaryKey(primaryKey.toArray(String[]::new));
            if (primaryKeyName != null) b = b.named(primaryKeyName);
            if (!primaryKey.isEmpty()) b = indexStorage(keyOptions(b, primaryKeyOptions), primaryKeyStorage);
            for (int i = 0; i < constraints.size(); i++) {
                b = indexStorage(constraint(b, constraints.get(i)), constraintStorage.getOrDefault(i, List.of()));
            }
            if (comment != null) b = b.comment(comment);
            if (partitionBy != null) b = b.partitionBy(partitionBy);
            for (String o : storage) b = b.with(schemasync.catalog.RelationOptions.key(o), o.substring(o.indexOf('=') + 1));
            if (unlogged) b = b.unlogged();
            if (clusterOn != null) b = b.clusterOn(clusterOn);
            return b;
        });
    }

    /** One constraint as a link of the ensureTable (or ensurePartition) chain. */
    static String constraint(ConstraintDef d) {
        if (d instanceof Unique u) {
            return (u.nullsNotDistinct() ? ".uniqueNullsNotDistinct(" : ".unique(") + JavaCode.strings(u.columns()) + ")"
                    + keyOptions(u.options()) + (u.name() == null ? "" : ".named(" + JavaCode.literal(u.name()) + ")");
        }
        if (d instanceof Check k) {
            return ".check(" + JavaCode.literal(k.name()) + ", " + JavaCode.literal(k.expression()) + ")" + (k.notValid() ? ".notValid()" : "")
                    + (k.notEnforced() ? ".notEnforced()" : "");
        }
        if (d instanceof Exclude x) {
            return ".exclude(" + JavaCode.literal(x.name()) + ", " + JavaCode.literal(x.clause()) + ")";
        }
        ForeignKey f = (ForeignKey) d;
        StringBuilder s = new StringBuilder(".foreignKey(" + JavaCode.strings(f.columns()) + ").references("
                + JavaCode.literal(f.references()) + (f.referencedColumns().isEmpty() ? "" : ", " + JavaCode.strings(f.referencedColumns())) + ")");
        if (f.period()) s.append(".period()");
        if (f.onDelete() != null) {
            s.append(switch (f.onDelete()) {
                case "CASCADE" -> ".onDeleteCascade()";
                case "SET NULL" -> ".onDeleteSetNull()";
                default -> ".onDeleteRestrict()";
            });
        }
        if (f.onUpdateCascade()) s.append(".onUpdateCascade()");
        if (f.matchFull()) s.append(".matchFull()");
        if (f.initiallyDeferred()) s.append(".deferred()");
        else if (f.deferrable()) s.append(".deferrable()");
        if (f.name() != null) s.append(".named(").append(JavaCode.literal(f.name())).append(")");
        if (f.notValid()) s.append(".notValid()");
        if (f.notEnforced()) s.append(".notEnforced()");
        return s.toString();
    }

    /** What {@link #constraint(ConstraintDef)} evaluates to on {@code b}. */
    static TableBuilder constraint(TableBuilder b, ConstraintDef d) {
        if (d instanceof Unique u) {
            String[] cols = u.columns().toArray(String[]::new);
            b = u.nullsNotDistinct() ? b.uniqueNullsNotDistinct(cols) : b.unique(cols);
            b = keyOptions(b, u.options());
            return u.name() != null ? b.named(u.name()) : b;
        }
        if (d instanceof Check k) {
            b = b.check(k.name(), k.expression());
            b = k.notValid() ? b.notValid() : b;
            return k.notEnforced() ? b.notEnforced() : b;
        }
        if (d instanceof Exclude x) return b.exclude(x.name(), x.clause());
        ForeignKey f = (ForeignKey) d;
        ForeignKeyBuilder fk = b.foreignKey(f.columns().toArray(String[]::new))
                .references(f.references(), f.referencedColumns().toArray(String[]::new));
        if (f.period()) fk = fk.period();
        if (f.onDelete() != null) {
            fk = switch (f.onDelete()) {
                case "CASCADE" -> fk.onDeleteCascade();
                case "SET NULL" -> fk.onDeleteSetNull();
                default -> fk.onDeleteRestrict();
            };
        }
        if (f.onUpdateCascade()) fk = fk.onUpdateCascade();
        if (f.matchFull()) fk = fk.matchFull();
        if (f.initiallyDeferred()) fk = fk.deferred();
        else if (f.deferrable()) fk = fk.deferrable();
        b = f.name() == null ? fk : fk.named(f.name());
        b = f.notValid() ? b.notValid() : b;
        return f.notEnforced() ? b.notEnforced() : b;
    }
}
