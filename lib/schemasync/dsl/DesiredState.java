package schemasync.dsl;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import schemasync.catalog.Catalog;
import schemasync.catalog.DefaultTarget;
import schemasync.catalog.GrantTarget;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Table;
import schemasync.model.ObjectId;
import schemasync.model.ObjectKind;

/**
 * What the blocks declare, folded once before planning: every object a block declares (present, or absent through an
 * {@code ensureNo…}) by its {@link ObjectId} with the block that declares it, the columns declared per table, where
 * the column changes are, which tables this run reshapes and which tables the blocks mention at all. Immutable.
 *
 * <p>Names are resolved through the declared renames here, once: a block that declared {@code users} before a
 * later block renamed it to {@code accounts} declares both names (the database has one of them, whichever side of
 * the rename it is on). The planner reads this instead of collecting the same facts while it plans, and the report of
 * undeclared objects asks it "is this object declared?".
 *
 * <p>The two facts that depend on the database are taken from the catalog before the run: a routine's identity (the
 * normalizer's key for a declared signature, given by the caller) and, for {@code ensureNo…} of a routine or a
 * column, what that name matches before the run.
 */
public final class DesiredState {
    private final Map<ObjectId, Origin> objects;
    private final Set<QualifiedName> partitions;
    private final Set<QualifiedName> touched;
    private final Set<QualifiedName> rebuiltIndexes;
    private final Map<QualifiedName, Set<String>> columns;
    private final Map<QualifiedName, Map<String, TreeMap<Integer, String>>> columnChanges;
    private final Set<QualifiedName> reshaped;
    /** Every grant and revocation as "target role privilege", the target under its current name; default privileges alike. */
    private final Set<String> grants;
    private final Set<String> defaultGrants;
    /** Objects some block grants or revokes on: their other privileges are reported. */
    private final Set<GrantTarget> grantTargets;
    /** The names declarations give, in the database as the catalog before the run holds them ({@link CurrentNames}). */
    private final CurrentNames names;

    private DesiredState(DesiredStateFold fold) {
        this.objects = Map.copyOf(fold.objects);
        this.partitions = Set.copyOf(fold.partitions);
        this.touched = Set.copyOf(fold.touched);
        this.rebuiltIndexes = Set.copyOf(fold.rebuiltIndexes);
        Map<QualifiedName, Set<String>> columnCopy = new HashMap<>();
        fold.columns.forEach((table, names) -> columnCopy.put(table, Set.copyOf(names)));
        this.columns = Map.copyOf(columnCopy);
        Map<QualifiedName, Map<String, TreeMap<Integer, String>>> changeCopy = new HashMap<>();
        fold.columnChanges.forEach((table, perColumn) -> {
            Map<String, TreeMap<Integer, String>> copy = new HashMap<>();
            perColumn.forEach((column, positions) -> copy.put(column, new TreeMap<>(positions)));
            changeCopy.put(table, Map.copyOf(copy));
        });
        this.columnChanges = Map.copyOf(changeCopy);
        this.reshaped = Set.copyOf(fold.reshaped);
        this.grants = Set.copyOf(fold.grants);
        this.defaultGrants = Set.copyOf(fold.defaultGrants);
        this.grantTargets = Set.copyOf(fold.grantTargets);
        this.names = fold.names;
    }

    /** Folds the declarations against the catalog before the run, with what PostgreSQL spells (the normalizer's answers). */
    public static DesiredState fold(List<Declaration> declarations, Catalog before, Spelling spelling) {
        return new DesiredState(new DesiredStateFold(declarations, before, spelling).run());
    }

    /** The fold of declarations alone (no database): routine signatures are their own keys. */
    public static DesiredState fold(List<Declaration> declarations, Catalog before) {
        return fold(declarations, before, new Spelling(UnaryOperator.identity(), UnaryOperator.identity(), UnaryOperator.identity(), null));
    }

    /**
     * What only the server can spell, asked of it before planning and given to the fold.
     *
     * @param functionKey     a declared function's or procedure's signature → the catalog's key for it; the identity when unknown
     * @param aggregateKey    the same for aggregates
     * @param grantRoutineKey a grant's routine as written → the catalog's key {@code schema.name(arguments)}; the identity when unknown
     * @param currentUser     the role the run connects as: default privileges without {@code FOR ROLE} are that role's
     */
    public record Spelling(UnaryOperator<String> functionKey, UnaryOperator<String> aggregateKey,
                           UnaryOperator<String> grantRoutineKey, String currentUser) {
    }

    /** A column of a table, by the names they have at some point of the blocks. */
    public record ColumnName(QualifiedName table, String column) {
    }

    // ---- Names: the one place a declared name is followed through the renames (the rule is CurrentNames'). ----

    /**
     * The name the table a declaration at {@code position} calls {@code declared} has in the database when that
     * declaration is planned: itself when the database holds it, else the name the renames declared after
     * {@code position} give it when the database already holds that one, else itself (this run creates it).
     */
    public QualifiedName currentTable(int position, QualifiedName declared) {
        return names.table(declared, position);
    }

    /** The same for an index. */
    public QualifiedName currentIndex(int position, QualifiedName declared) {
        return names.index(declared, position);
    }

    /** A declared column's name in the database (its table under {@link #currentTable}), by the same rule. */
    public String currentColumn(int position, QualifiedName declaredTable, String column) {
        return names.column(declaredTable, column, position);
    }

    /** SQL (an index definition) declared at {@code position} on {@code declaredTable}, with its columns' later names. */
    public String currentColumnsIn(int position, QualifiedName declaredTable, String sql) {
        return names.columnsInSql(sql, declaredTable, position);
    }

    /** The table renames declared after {@code position}, in order. */
    public List<Declaration.RenameDecl> laterTableRenames(int position) {
        return names.laterTableRenames(position);
    }

    /** A table or index declared at {@code declaredAt}, under the name the renames between it and {@code at} give it. */
    public QualifiedName nameAt(ObjectKind kind, QualifiedName declared, int declaredAt, int at) {
        return names.nameAt(kind, declared, declaredAt, at);
    }

    /** A column declared at {@code declaredAt}, with its table, under the names they have by {@code at}. */
    public ColumnName columnAt(QualifiedName table, String column, int declaredAt, int at) {
        return names.columnAt(table, column, declaredAt, at);
    }

    /** SQL written at {@code declaredAt} on {@code table}, with the renames of that table's columns up to {@code at}. */
    public String sqlAt(QualifiedName table, String sql, int declaredAt, int at) {
        return names.sqlAt(table, sql, declaredAt, at);
    }

    /** The type a block declares for the column called {@code column} of {@code table} at position {@code at}, or null. */
    public String declaredType(QualifiedName table, String column, int at) {
        return names.declaredType(table, column, at);
    }

    // ---- Privileges: what the grants and default privileges of the blocks declare. ----

    /** Whether a block grants or revokes this privilege to this role on the target (under the target's current name). */
    public boolean declaresGrant(GrantTarget target, String role, String privilege) {
        return grants.contains(target + " " + role + " " + privilege);
    }

    /** Whether a block declares this default privilege (given or revoked) for the role. */
    public boolean declaresDefaultGrant(DefaultTarget target, String role, String privilege) {
        return defaultGrants.contains(target + " " + role + " " + privilege);
    }

    /** Whether some block grants or revokes anything on the target: its other privileges are then reported. */
    public boolean grantsOn(GrantTarget target) {
        return grantTargets.contains(target);
    }

    /** Whether a block declares this object, present or absent ({@code ensureNo…}). */
    public boolean declares(ObjectId id) {
        return objects.containsKey(id);
    }

    /** The first block that declares the object, or null when none does. */
    public Origin origin(ObjectId id) {
        return objects.get(id);
    }

    /** Every declared object with its block. */
    public Map<ObjectId, Origin> objects() {
        return objects;
    }

    /** A table {@code ensureTable} declares whole (its policies, triggers and grants are then declared too). */
    public boolean declaresTable(QualifiedName table) {
        return declares(table(table));
    }

    /** A partition {@code ensurePartition} or {@code ensureNoPartition} names. */
    public boolean declaresPartition(QualifiedName partition) {
        return partitions.contains(partition);
    }

    /**
     * A table some block mentions at all (declares, adds a column or index to, renames, drops, changes): teams adopt
     * the tool table by table, so only the others are "undeclared"; a touched table's other indexes are reported.
     */
    public boolean touches(QualifiedName table) {
        return touched.contains(table);
    }

    /** Indexes declared with {@code rebuildWhenChanged()}, under every name their renames give them. */
    public Set<QualifiedName> rebuiltIndexes() {
        return rebuiltIndexes;
    }

    /** Every column some block declares on the table (or declares absent, or renames to), under any of its names. */
    public Set<String> columns(QualifiedName table) {
        return columns.getOrDefault(table, Set.of());
    }

    /** The block of an {@code ensureColumnChanged} of this column declared after {@code position}, or null. */
    public String laterChange(QualifiedName table, String column, int position) {
        TreeMap<Integer, String> positions = columnChanges.getOrDefault(table, Map.of()).get(column);
        var later = positions == null ? null : positions.higherEntry(position);
        return later == null ? null : later.getValue();
    }

    /** A table that exists before the run and that a block renames, drops, or renames or drops a column of. */
    public boolean reshapes(QualifiedName table) {
        return reshaped.contains(table);
    }

    public static ObjectId table(QualifiedName name) {
        return ObjectId.of(ObjectId.Kind.TABLE, name.schema(), name.name());
    }

    public static ObjectId index(QualifiedName name) {
        return ObjectId.of(ObjectId.Kind.INDEX, name.schema(), name.name());
    }

    public static ObjectId view(QualifiedName name) {
        return ObjectId.of(ObjectId.Kind.VIEW, name.schema(), name.name());
    }

    public static ObjectId materializedView(QualifiedName name) {
        return ObjectId.of(ObjectId.Kind.MATERIALIZED_VIEW, name.schema(), name.name());
    }

    public static ObjectId sequence(QualifiedName name) {
        return ObjectId.of(ObjectId.Kind.SEQUENCE, name.schema(), name.name());
    }

    /** An enum, domain, composite or range type: they share PostgreSQL's one namespace of types (pg_type). */
    public static ObjectId type(QualifiedName name) {
        return ObjectId.of(ObjectId.Kind.TYPE, name.schema(), name.name());
    }

    public static ObjectId collation(QualifiedName name) {
        return ObjectId.of(ObjectId.Kind.COLLATION, name.schema(), name.name());
    }

    public static ObjectId textSearchDictionary(QualifiedName name) {
        return ObjectId.of(ObjectId.Kind.TEXT_SEARCH_DICTIONARY, name.schema(), name.name());
    }

    public static ObjectId textSearchConfiguration(QualifiedName name) {
        return ObjectId.of(ObjectId.Kind.TEXT_SEARCH_CONFIGURATION, name.schema(), name.name());
    }

    public static ObjectId conversion(QualifiedName name) {
        return ObjectId.of(ObjectId.Kind.CONVERSION, name.schema(), name.name());
    }

    public static ObjectId statistics(QualifiedName name) {
        return ObjectId.of(ObjectId.Kind.STATISTICS, name.schema(), name.name());
    }

    public static ObjectId rule(QualifiedName table, String name) {
        return ObjectId.onTable(ObjectId.Kind.RULE, table.schema(), table.name(), name);
    }

    public static ObjectId trigger(QualifiedName table, String name) {
        return ObjectId.onTable(ObjectId.Kind.TRIGGER, table.schema(), table.name(), name);
    }

    public static ObjectId policy(QualifiedName table, String name) {
        return ObjectId.onTable(ObjectId.Kind.POLICY, table.schema(), table.name(), name);
    }

    /**
     * A function, procedure or aggregate by its catalog key {@code schema.name(identity arguments)}: they share
     * pg_proc, where the arguments tell overloads apart.
     */
    public static ObjectId routine(String key) {
        int dot = key.indexOf('.');
        return ObjectId.of(ObjectId.Kind.FUNCTION, key.substring(0, dot), key.substring(dot + 1));
    }

    public static ObjectId foreignServer(String name) {
        return ObjectId.of(ObjectId.Kind.FOREIGN_SERVER, null, name);
    }

    /** A user mapping by its key {@code role@server}: database-wide, like its server. */
    public static ObjectId userMapping(String key) {
        return ObjectId.of(ObjectId.Kind.USER_MAPPING, null, key);
    }

    /** A foreign table: a relation in pg_class, a table in the dependency graph. */
    public static ObjectId foreignTable(QualifiedName name) {
        return table(name);
    }

    public static ObjectId publication(String name) {
        return ObjectId.of(ObjectId.Kind.PUBLICATION, null, name);
    }

    public static ObjectId eventTrigger(String name) {
        return ObjectId.of(ObjectId.Kind.EVENT_TRIGGER, null, name);
    }

    public static ObjectId routine(Catalog.Function f) {
        return ObjectId.of(ObjectId.Kind.FUNCTION, f.name().schema(), f.name().name() + "(" + f.arguments() + ")");
    }

    /** Whether the table exists before the run and has the column (an {@code ensureNoColumn} then touches it). */
    static boolean hasColumn(Catalog before, QualifiedName table, String column) {
        Table t = before.tables().get(table);
        return t != null && t.column(column).isPresent();
    }
}
