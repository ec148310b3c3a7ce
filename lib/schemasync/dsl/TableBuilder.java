package schemasync.dsl;
import schemasync.catalog.ConstraintSpec;
import schemasync.catalog.ColumnSpec;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DataType;
import schemasync.catalog.Constraint.Kind;

/**
 * The body of {@code ensureTable(name, t -> t.column(...).primaryKey(...).unique(...))}. A
 * {@link ForeignKeyBuilder} continues the same chain and shares this state.
 */
public class TableBuilder extends TableOptionsBuilder {
    /** Shared by the builders of one table's chain. */
    static final class State {
        /** The fold's tenant: a referenced table in the placeholder schema is the tenant's. */
        final TenantScope scope;
        final List<ColumnSpec> columns = new ArrayList<>();
        final List<String> primaryKey = new ArrayList<>();
        final List<ConstraintSpec> constraints = new ArrayList<>();
        String comment;
        String partitionBy;
        /** Set by {@code .primaryKey(...).named(...)}; null: PostgreSQL's default {@code <table>_pkey}. */
        String primaryKeyName;
        /** Whether the last constraint-like call was primaryKey(), so that named() names the key. */
        boolean primaryKeyLast;
        /** Storage parameters as {@code name=value}; see {@link TableBuilder#with}. */
        final List<String> storage = new ArrayList<>();
        boolean unlogged;
        /** {@code INHERITS (a, b)}: the parents, in order; see {@link TableBuilder#inherits}. */
        final List<String> inherits = new ArrayList<>();
        /** A child's own default or NOT NULL on inherited columns; see {@link TableBuilder#inheritedDefault}. */
        final java.util.Map<String, schemasync.catalog.TableLineage.InheritedColumn> inheritedColumns = new java.util.TreeMap<>();
        /** {@code OF type}; see {@link TableBuilder#ofType}. */
        String ofType;
        /** The constraint index the table is marked CLUSTER ON; see {@link TableBuilder#clusterOn}. */
        String clusterOn;
        /** Storage parameters of the primary key's index ({@code name=value}); see {@link TableBuilder#indexWith}. */
        final List<String> primaryKeyStorage = new ArrayList<>();
        /** INCLUDE and DEFERRABLE of the primary key; see {@link TableBuilder#include}. */
        schemasync.catalog.KeyOptions primaryKeyOptions = schemasync.catalog.KeyOptions.NONE;
        /** Storage parameters of a UNIQUE or EXCLUDE constraint's index, by its position in {@code constraints}. */
        final java.util.Map<Integer, List<String>> constraintStorage = new java.util.TreeMap<>();
        /** Options of columns, by name; see {@link TableBuilder#statistics}. */
        final java.util.Map<String, schemasync.catalog.ColumnOptions> columnOptions = new java.util.LinkedHashMap<>();
        /** A partition's column the column options that follow apply to; see {@link TableBuilder#onColumn}. */
        String optionsColumn;
        /** A partition's own defaults (a null value: none, though the parent has one); see {@link TableBuilder#columnDefault}. */
        final java.util.Map<String, String> partitionDefaults = new java.util.TreeMap<>();
        /** A partition's own NOT NULL columns; see {@link TableBuilder#notNull(String)}. */
        final java.util.Set<String> partitionNotNull = new java.util.TreeSet<>();
        /** NOT NULL constraint names by column (PostgreSQL 18); see {@link TableBuilder#notNullNamed}. */
        final java.util.Map<String, String> notNullNames = new java.util.TreeMap<>();
        /** Comments on a partition's columns; see {@link TableBuilder#columnComment(String, String)}. */
        final java.util.Map<String, String> partitionColumnComments = new java.util.TreeMap<>();

        State(TenantScope scope) {
            this.scope = scope;
        }
    }

    TableBuilder(TenantScope scope) {
        this(new State(scope));
    }

    TableBuilder(State state) {
        super(state);
    }

    @Override
    TableBuilder self() {
        return this;
    }

    public TableBuilder column(String name, DataType<?> type) {
        return column(name, ColumnType.of(type), null);
    }

    public TableBuilder column(String name, DataType<?> type, Default dflt) {
        return column(name, ColumnType.of(type), dflt);
    }

    /** A PostgreSQL type by name: {@code column("search", "tsvector")}. */
    public TableBuilder column(String name, String postgresType) {
        return column(name, ColumnType.type(postgresType), null);
    }

    public TableBuilder column(String name, String postgresType, Default dflt) {
        return column(name, ColumnType.type(postgresType), dflt);
    }

    public TableBuilder column(String name, ColumnType type) {
        return column(name, type, null);
    }

    public TableBuilder column(String name, ColumnType type, Default dflt) {
        state.optionsColumn = null;
        state.columns.add(type.toSpec(name, dflt, null));
        return this;
    }

    /** Comment on the column declared last: {@code .column("email", VARCHAR(320)).columnComment("sign-in")}. */
    public TableBuilder columnComment(String text) {
        if (state.columns.isEmpty()) throw new IllegalStateException("columnComment() before any column()");
        ColumnSpec last = state.columns.remove(state.columns.size() - 1);
        state.columns.add(last.withComment(text));
        return this;
    }

    /** {@code PRIMARY KEY (a, b)}, named {@code <table>_pkey} unless {@link #named} follows. */
    public TableBuilder primaryKey(String... columnNames) {
        state.primaryKey.clear();
        state.primaryKey.addAll(List.of(columnNames));
        state.primaryKeyLast = true;
        return this;
    }

    public TableBuilder comment(String text) {
        state.comment = text;
        return this;
    }

    /**
     * A partitioned table: {@code partitionBy("RANGE (payment_date)")}, {@code "LIST (region)"},
     * {@code "HASH (id)"}, as written after PARTITION BY. Its partitions are declared with
     * {@code ensurePartition}; a primary key or unique constraint must include the partition columns.
     */
    public TableBuilder partitionBy(String partitionKeySql) {
        state.partitionBy = partitionKeySql;
        return this;
    }

    /**
     * A storage parameter, {@code WITH (name = value)}: {@code with("fillfactor", "70")},
     * {@code with("autovacuum_vacuum_scale_factor", "0.01")}, {@code with("toast.autovacuum_enabled", "false")}.
     * The value as PostgreSQL stores it. On an existing table a changed parameter is set with
     * ALTER TABLE ... SET / RESET, and one the table has but no declaration names is reset.
     */
    public TableBuilder with(String parameter, String value) {
        state.storage.add(parameter.strip().toLowerCase(java.util.Locale.ROOT) + "=" + value);
        return this;
    }

    /**
     * {@code CREATE UNLOGGED TABLE}: not written to the WAL (faster writes), emptied after a crash, not on
     * replicas. Turning an existing table logged or unlogged rewrites it (hazard TABLE_REWRITE when not small).
     */
    public TableBuilder unlogged() {
        state.unlogged = true;
        return this;
    }

    /**
     * Legacy inheritance, {@code CREATE TABLE child (...) INHERITS (parent, ...)}: the child has every column of its
     * parents (declare only its own columns here) and their CHECK and NOT NULL constraints (declare only its own;
     * a CHECK marked NO INHERIT on the parent is not inherited). The parents come before the child, in order. An
     * existing table that lacks a declared parent gets {@code ALTER TABLE ... INHERIT parent} when it has every
     * column of the parent, else the difference is reported.
     */
    public TableBuilder inherits(String... parents) {
        for (String p : parents) state.inherits.add(p.strip());
        return this;
    }

    /**
     * The child's own default on a column it inherits ({@code ALTER TABLE ONLY child ALTER COLUMN ... SET DEFAULT}, as
     * pg_dump writes it; the column stays the parent's): {@code inherits("cities").inheritedDefault("country", "'FR'::bpchar")},
     * written as PostgreSQL prints it (pg_get_expr), which is how it is compared. Null: no default, though the parent has one.
     */
    public TableBuilder inheritedDefault(String column, String expression) {
        var had = state.inheritedColumns.get(column);
        state.inheritedColumns.put(column, new schemasync.catalog.TableLineage.InheritedColumn(column, true,
                expression == null ? null : expression.strip(), had != null && had.ownNotNull()));
        return this;
    }

    /**
     * The column is NOT NULL through a constraint of that name (PostgreSQL 18+ keeps NOT NULL in pg_constraint:
     * {@code CONSTRAINT name NOT NULL}). In {@code ensureTable}, on a column the table declares (in any order); in
     * {@code ensurePartition}, the partition's own NOT NULL on a column of its parent, named. Without it PostgreSQL
     * names it {@code <table>_<column>_not_null} and any name the database has is accepted; with it, another name in
     * the database is reported (⚠) with the {@code RENAME CONSTRAINT} that would match it, never renamed. A server
     * older than 18 refuses it before anything changes.
     */
    public TableBuilder notNullNamed(String column, String constraintName) {
        state.notNullNames.put(column == null ? null : column.strip(), constraintName);
        return this;
    }

    /** The child's own NOT NULL on a column it inherits nullable ({@code ALTER TABLE ONLY child ALTER COLUMN ... SET NOT NULL}). */
    public TableBuilder inheritedNotNull(String column) {
        var had = state.inheritedColumns.get(column);
        state.inheritedColumns.put(column, new schemasync.catalog.TableLineage.InheritedColumn(column, had != null && had.ownDefault(),
                had == null ? null : had.defaultExpr(), true));
        return this;
    }

    /**
     * The CHECK declared last is {@code NO INHERIT}: it holds for this table only, not for the tables that inherit
     * from it (the same as writing {@code check("name", "a > 0 NO INHERIT")}).
     */
    public TableBuilder noInherit() {
        int last = state.constraints.size() - 1;
        if (state.primaryKeyLast || last < 0 || state.constraints.get(last).kind() != Kind.CHECK) {
            throw new IllegalStateException("noInherit() applies to the CHECK declared just before it");
        }
        ConstraintSpec c = state.constraints.get(last);
        state.constraints.set(last, new ConstraintSpec(c.name(), Kind.CHECK, c.columns(), c.checkSql() + " NO INHERIT", null,
                false, c.notValid(), null, c.notEnforced()));
        return this;
    }

    /**
     * A typed table, {@code CREATE TABLE t OF composite_type}: its columns are the type's attributes (declare none,
     * or only those with a default or NOT NULL of their own); the type is declared by {@code ensureCompositeType}.
     */
    public TableBuilder ofType(String compositeType) {
        state.ofType = compositeType.strip();
        return this;
    }

    /**
     * The table is marked {@code CLUSTER ON} the index of one of its own constraints ({@code "users_pkey"}): the index
     * a bare {@code CLUSTER} uses. For a plain index, say {@code .clustered()} on its {@code ensureIndex}.
     */
    public TableBuilder clusterOn(String constraintIndex) {
        state.clusterOn = constraintIndex;
        return this;
    }

    /**
     * In {@code ensurePartition(..., t -> t.onColumn("note").statistics(500).storage("MAIN"))}: the column options
     * that follow are those of the partition's column {@code name} (a partition has its parent's columns, so it names
     * one rather than declaring it). PostgreSQL keeps them per partition (pg_attribute of the partition).
     */
    public TableBuilder onColumn(String name) {
        state.optionsColumn = name.strip();
        return this;
    }

    /** {@code UNIQUE (a, b)}, named {@code <table>_a_b_key} unless {@link #named} follows. */
    public TableBuilder unique(String... columnNames) {
        state.primaryKeyLast = false;
        state.constraints.add(new ConstraintSpec(null, Kind.UNIQUE, List.of(columnNames), null, null, false));
        return this;
    }

    /** {@code UNIQUE NULLS NOT DISTINCT (a, b)} (PostgreSQL 15+): NULLs count as equal. */
    public TableBuilder uniqueNullsNotDistinct(String... columnNames) {
        state.primaryKeyLast = false;
        state.constraints.add(new ConstraintSpec(null, Kind.UNIQUE, List.of(columnNames), null, null, true));
        return this;
    }


    /** {@code CONSTRAINT name CHECK (expression)}. */
    public TableBuilder check(String name, String expressionSql) {
        state.primaryKeyLast = false;
        state.constraints.add(new ConstraintSpec(name, Kind.CHECK, List.of(), expressionSql, null, false));
        return this;
    }

    /**
     * {@code CONSTRAINT name EXCLUDE USING gist (room WITH =, during WITH &&)}: the clause as written after
     * EXCLUDE (a leading {@code EXCLUDE} is accepted, so pg_get_constraintdef's text works as is), with its
     * optional WHERE and DEFERRABLE. Equality on scalar columns in a GiST index needs the btree_gist
     * extension ({@code db.ensureExtension("btree_gist")}).
     */
    public TableBuilder exclude(String name, String exclusionSql) {
        String clause = exclusionSql == null ? null : exclusionSql.strip();
        if (clause != null && clause.regionMatches(true, 0, "EXCLUDE ", 0, 8)) clause = clause.substring(8).strip();
        state.primaryKeyLast = false;
        state.constraints.add(new ConstraintSpec(name, Kind.EXCLUSION, List.of(), clause, null, false));
        return this;
    }

    /** {@code FOREIGN KEY (columns)}; say what it references with {@code .references(...)}. */
    public ForeignKeyBuilder foreignKey(String... columnNames) {
        state.primaryKeyLast = false;
        state.constraints.add(new ConstraintSpec(null, Kind.FOREIGN_KEY, List.of(columnNames), null,
                new ConstraintSpec.ForeignKeySpec(null, List.of(), "NO ACTION", "NO ACTION", "SIMPLE", false, false), false));
        return new ForeignKeyBuilder(state);
    }

    /** Names the constraint declared last (primary key, unique, check or foreign key). */
    public TableBuilder named(String constraintName) {
        if (state.primaryKeyLast) {
            state.primaryKeyName = constraintName;
            return this;
        }
        if (state.constraints.isEmpty()) throw new IllegalStateException("named() before any constraint");
        int last = state.constraints.size() - 1;
        state.constraints.set(last, state.constraints.get(last).named(constraintName));
        return this;
    }

    /**
     * The CHECK or FOREIGN KEY declared last is created NOT VALID: PostgreSQL enforces it on rows
     * written from then on but does not scan the rows already there, and the tool never validates
     * it. (Without it, a constraint added to an existing table is added NOT VALID and then validated
     * in a separate step.) An existing constraint of the same shape satisfies it, validated or not.
     */
    public TableBuilder notValid() {
        if (state.primaryKeyLast || state.constraints.isEmpty()) {
            throw new IllegalStateException("notValid() applies to the CHECK or FOREIGN KEY declared just before it");
        }
        int last = state.constraints.size() - 1;
        ConstraintSpec c = state.constraints.get(last);
        if (c.kind() != Kind.CHECK && c.kind() != Kind.FOREIGN_KEY) {
            throw new IllegalStateException("notValid() applies to a CHECK or FOREIGN KEY, not to " + c.kind()
                    + " (PostgreSQL checks a unique or exclusion constraint by building its index)");
        }
        state.constraints.set(last, c.asNotValid());
        return this;
    }

    /**
     * The CHECK or FOREIGN KEY declared last is {@code NOT ENFORCED} (PostgreSQL 18+): kept in the catalog, never
     * checked, so adding one scans no row and it is never validated. A server older than 18 refuses it before
     * anything changes.
     */
    public TableBuilder notEnforced() {
        int last = state.constraints.size() - 1;
        if (state.primaryKeyLast || last < 0 || (state.constraints.get(last).kind() != Kind.CHECK
                && state.constraints.get(last).kind() != Kind.FOREIGN_KEY)) {
            throw new IllegalStateException("notEnforced() applies to the CHECK or FOREIGN KEY declared just before it"
                    + " (PostgreSQL enforces every primary key, unique and exclusion constraint)");
        }
        state.constraints.set(last, state.constraints.get(last).asNotEnforced());
        return this;
    }
}
