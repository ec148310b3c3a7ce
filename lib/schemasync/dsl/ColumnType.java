package schemasync.dsl;
import schemasync.catalog.SequenceOptions;
import schemasync.catalog.ColumnSpec;

import org.jooq.Configuration;
import org.jooq.DataType;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamType;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import schemasync.catalog.Column.Identity;

/**
 * A column type as declared: either a jOOQ {@link DataType} ({@code SQLDataType.VARCHAR(320)},
 * {@code BIGINT.identity(true)}) or a PostgreSQL type name for anything jOOQ does not model
 * ({@code type("citext")}, {@code type("tsvector")}). Carries NOT NULL, identity and a default when
 * the jOOQ type does ({@code INTEGER.notNull().defaultValue(0)}).
 */
public record ColumnType(String sql, boolean required, Identity identity, String defaultSql, String generatedSql,
                         schemasync.catalog.QualifiedName collation, SequenceOptions identityOptions, boolean virtual,
                         String notNullName) {

    public ColumnType {
        if (identityOptions == null) identityOptions = SequenceOptions.NONE;
        if (!required) notNullName = null;
    }

    /** NOT NULL, if required, named by PostgreSQL ({@code <table>_<column>_not_null} on 18). */
    public ColumnType(String sql, boolean required, Identity identity, String defaultSql, String generatedSql,
                      schemasync.catalog.QualifiedName collation, SequenceOptions identityOptions, boolean virtual) {
        this(sql, required, identity, defaultSql, generatedSql, collation, identityOptions, virtual, null);
    }

    /** Not a VIRTUAL generated column. */
    public ColumnType(String sql, boolean required, Identity identity, String defaultSql, String generatedSql,
                      schemasync.catalog.QualifiedName collation, SequenceOptions identityOptions) {
        this(sql, required, identity, defaultSql, generatedSql, collation, identityOptions, false);
    }

    public ColumnType(String sql, boolean required, Identity identity, String defaultSql, String generatedSql,
                      schemasync.catalog.QualifiedName collation) {
        this(sql, required, identity, defaultSql, generatedSql, collation, SequenceOptions.NONE);
    }

    public ColumnType(String sql, boolean required, Identity identity, String defaultSql) {
        this(sql, required, identity, defaultSql, null, null);
    }

    private static final Configuration POSTGRES = DSL.using(SQLDialect.POSTGRES,
            new Settings().withParamType(ParamType.INLINED).withRenderFormatted(false)).configuration();

    /**
     * PostgreSQL's {@code text}: {@code .column("bio", TEXT)}, {@code TEXT.notNull()}, {@code TEXT.array()}. The one
     * spelling of it (jOOQ's {@code CLOB} and {@code type("text")} still work, with a warning).
     */
    public static final ColumnType TEXT = new ColumnType("text", false, Identity.NONE, null);

    /** A PostgreSQL type name, written as in {@code CREATE TABLE}: {@code "citext"}, {@code "int4range"}. */
    public static ColumnType type(String postgresType) {
        String sql = postgresType == null ? "" : postgresType.strip();
        if (sql.equalsIgnoreCase("text")) Deprecations.warn("type(\"" + sql + "\")", "TEXT (import static schemasync.dsl.ColumnType.TEXT)");
        return new ColumnType(sql, false, Identity.NONE, null);
    }

    /**
     * From a jOOQ type. An identity is declared with {@link #identityAlways()} or {@link #identityByDefault()};
     * jOOQ's own {@code BIGINT.identity(true)} (a boolean that means BY DEFAULT) still works for one
     * release, with a deprecation warning. A default is given with {@code dflt(...)}; jOOQ's
     * {@code .defaultValue(...)} also works, with a warning.
     */
    public static ColumnType of(DataType<?> dataType) {
        String sql = dataType.getCastTypeName(POSTGRES);
        if (sql.equals("text")) {
            Deprecations.warn("jOOQ's " + dataType.getName().toUpperCase(java.util.Locale.ROOT) + " (PostgreSQL's text)",
                    "TEXT (import static schemasync.dsl.ColumnType.TEXT)");
        }
        String dflt = dataType.defaulted() ? DSL.using(POSTGRES).renderInlined(dataType.defaultValue()) : null;
        if (dflt != null) Deprecations.warn("jOOQ's .defaultValue(...) on a column type", "dflt(...) as the column's last argument");
        Identity identity = dataType.identity() ? Identity.BY_DEFAULT : Identity.NONE;
        if (dataType.identity()) {
            String name = dataType.getName().toUpperCase(java.util.Locale.ROOT);
            Deprecations.warn(name + ".identity(true)", "ColumnType.of(" + name + ").identityByDefault()");
        }
        return new ColumnType(sql, !dataType.nullable(), identity, dflt);
    }

    /** NOT NULL. */
    public ColumnType notNull() {
        return new ColumnType(sql, true, identity, defaultSql, generatedSql, collation, identityOptions, virtual, notNullName);
    }

    /** NULL allowed (the default). */
    public ColumnType nullable() {
        return new ColumnType(sql, false, identity, defaultSql, generatedSql, collation, identityOptions, virtual);
    }

    /** {@code GENERATED ALWAYS AS IDENTITY} (implies NOT NULL, as in PostgreSQL). */
    public ColumnType identityAlways() {
        return identityOf(Identity.ALWAYS, seq -> seq);
    }

    /** {@code GENERATED BY DEFAULT AS IDENTITY} (implies NOT NULL, as in PostgreSQL). */
    public ColumnType identityByDefault() {
        return identityOf(Identity.BY_DEFAULT, seq -> seq);
    }

    /** {@code GENERATED ALWAYS AS IDENTITY (options)}: {@code identityAlways(seq -> seq.startWith(1000).incrementBy(10))}. */
    public ColumnType identityAlways(java.util.function.UnaryOperator<SequenceOptions> options) {
        return identityOf(Identity.ALWAYS, options);
    }

    /** {@code GENERATED BY DEFAULT AS IDENTITY (options)}. */
    public ColumnType identityByDefault(java.util.function.UnaryOperator<SequenceOptions> options) {
        return identityOf(Identity.BY_DEFAULT, options);
    }

    /**
     * An identity column with options of its sequence: {@code identity(Identity.ALWAYS, seq -> seq.startWith(1000))}.
     * Only the options declared are compared with the database; a difference is applied with ALTER
     * COLUMN ... SET (metadata only), never with RESTART. Options given to an earlier call are kept.
     */
    @Deprecated(since = "0.1.0", forRemoval = true)
    public ColumnType identity(Identity kind, java.util.function.UnaryOperator<SequenceOptions> options) {
        Deprecations.warn("identity(Identity." + kind + ", ...)", kind == Identity.ALWAYS ? "identityAlways(seq -> ...)" : "identityByDefault(seq -> ...)");
        return identityOf(kind, options);
    }

    private ColumnType identityOf(Identity kind, java.util.function.UnaryOperator<SequenceOptions> options) {
        if (kind == null || kind == Identity.NONE) throw new IllegalArgumentException("identity(kind, ...) needs ALWAYS or BY_DEFAULT");
        SequenceOptions declared = options == null ? identityOptions : options.apply(identityOptions);
        return new ColumnType(sql, true, kind, defaultSql, generatedSql, collation, declared == null ? SequenceOptions.NONE : declared,
                virtual, notNullName);
    }

    /** An array of this type: {@code type("citext").array()} is {@code citext[]}. */
    public ColumnType array() {
        return new ColumnType(sql + "[]", required, identity, defaultSql, generatedSql, collation, identityOptions, virtual, notNullName);
    }

    /**
     * {@code GENERATED ALWAYS AS (expression) STORED}: computed from other columns of the row on every
     * write; compared on pg_get_expr after PostgreSQL normalized the declared expression.
     */
    public ColumnType generatedAlwaysAs(String expression) {
        return new ColumnType(sql, required, identity, defaultSql, expression == null ? null : expression.strip(), collation,
                identityOptions, false, notNullName);
    }

    /**
     * {@code GENERATED ALWAYS AS (expression) VIRTUAL} (PostgreSQL 18+): computed when read, never stored, so
     * adding one rewrites nothing. A server older than 18 refuses it before anything changes.
     */
    public ColumnType generatedVirtual(String expression) {
        return new ColumnType(sql, required, identity, defaultSql, expression == null ? null : expression.strip(), collation,
                identityOptions, expression != null, notNullName);
    }

    /** COLLATE a collation of pg_catalog, named as pg_collation has it: {@code "C"}, {@code "en_US.utf8"}, {@code "und-x-icu"}. */
    public ColumnType collate(String collationName) {
        return collate("pg_catalog", collationName);
    }

    /** COLLATE a collation created in {@code schema}. */
    public ColumnType collate(String schema, String collationName) {
        return new ColumnType(sql, required, identity, defaultSql, generatedSql,
                new schemasync.catalog.QualifiedName(schema, collationName), identityOptions, virtual, notNullName);
    }

    /**
     * NOT NULL through a constraint of this name (PostgreSQL 18+ keeps NOT NULL in pg_constraint:
     * {@code CONSTRAINT name NOT NULL}): the same as {@code TableBuilder.notNullNamed(column, name)}, for
     * {@code ensureColumn(table, column, TEXT.notNullNamed("nick_required"))}. A server older than 18 refuses it.
     */
    public ColumnType notNullNamed(String constraintName) {
        return new ColumnType(sql, true, identity, defaultSql, generatedSql, collation, identityOptions, virtual, constraintName);
    }

    ColumnSpec toSpec(String name, Default dflt, String comment) {
        // Two defaults for one column: never let one win silently.
        if (dflt != null && defaultSql != null && !dflt.sql().equals(defaultSql)) {
            throw new IllegalArgumentException("column " + name + " has two defaults: " + defaultSql + " (jOOQ's .defaultValue(...))"
                    + " and dflt(" + dflt.sql() + "); keep dflt(...) only");
        }
        String defaultText = dflt != null ? dflt.sql() : defaultSql;
        return new ColumnSpec(name, sql, required, defaultText, identity, comment, generatedSql, collation, identityOptions, virtual,
                notNullName);
    }

    static String render(org.jooq.Field<?> field) {
        return DSL.using(POSTGRES).renderInlined(field);
    }
}
