package schemasync.dsl;

/**
 * The body of {@code ensureColumnChanged(table, column)}: what the existing column must become.
 * Only what is stated is changed; {@code type} with {@code using} for conversions PostgreSQL cannot
 * do implicitly. No terminal call: the declaration is complete when the block returns.
 */
public final class ColumnChangeBuilder {
    String type;
    String using;
    Boolean notNull;
    String notNullName;
    String defaultSql;
    boolean dropDefault;
    boolean onlyThisTable;

    ColumnChangeBuilder() {
    }

    /** The column's new type, as PostgreSQL spells it or not ({@code "varchar(320)"}, {@code "bigint"}). */
    public ColumnChangeBuilder type(String postgresType) {
        this.type = postgresType;
        return this;
    }

    /** The new type, from jOOQ's SQLDataType ({@code SQLDataType.BIGINT}). */
    public ColumnChangeBuilder type(org.jooq.DataType<?> dataType) {
        this.type = ColumnType.of(dataType).sql();
        return this;
    }

    /** The new type as the DSL spells it: {@code type(ColumnType.TEXT)}. */
    public ColumnChangeBuilder type(ColumnType columnType) {
        this.type = columnType.sql();
        return this;
    }

    /** How old values become new ones: {@code using("amount_cents / 100.0")}. */
    public ColumnChangeBuilder using(String expressionSql) {
        this.using = expressionSql;
        return this;
    }

    /** NOT NULL: set online (a CHECK added NOT VALID, validated, then SET NOT NULL without a scan). */
    public ColumnChangeBuilder notNull() {
        this.notNull = true;
        this.notNullName = null;
        return this;
    }

    /**
     * NOT NULL through a constraint of this name (PostgreSQL 18+: {@code ALTER TABLE ... ADD CONSTRAINT name NOT NULL
     * column}), set online as {@link #notNull()} is (the validated CHECK proves it; no scan under the lock). On a column
     * already NOT NULL under another name, the difference is reported with the {@code RENAME CONSTRAINT} that would
     * match it, never renamed. A server older than 18 refuses it before anything changes.
     */
    public ColumnChangeBuilder notNullNamed(String constraintName) {
        this.notNull = true;
        this.notNullName = constraintName;
        return this;
    }

    /** NULL allowed (DROP NOT NULL). */
    public ColumnChangeBuilder nullable() {
        this.notNull = false;
        this.notNullName = null;
        return this;
    }

    /** The column's default, as SQL: {@code dflt("'active'")}, {@code dflt("now()")}. */
    public ColumnChangeBuilder dflt(String sql) {
        this.defaultSql = sql;
        this.dropDefault = false;
        return this;
    }

    /** No default (DROP DEFAULT). */
    public ColumnChangeBuilder noDefault() {
        this.defaultSql = null;
        this.dropDefault = true;
        return this;
    }

    /**
     * The default change ({@link #dflt} or {@link #noDefault}) on this table alone: {@code ALTER TABLE ONLY ... SET DEFAULT}.
     * Without ONLY, PostgreSQL sets or drops the default of every partition of a partitioned table (and of every table
     * inheriting from it) too, overwriting their own; with it, the partitions keep theirs, as pg_dump writes a parent's
     * default. Nothing else may be changed by the same declaration (PostgreSQL refuses ONLY for a partitioned table's type
     * and NOT NULL changes, which must reach its partitions).
     */
    public ColumnChangeBuilder onlyThisTable() {
        this.onlyThisTable = true;
        return this;
    }
}
