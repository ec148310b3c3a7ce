package schemasync.dsl;
import schemasync.catalog.SequenceOptions;

import schemasync.catalog.QualifiedName;

/**
 * The body of {@code ensureSequence(name)}: options as in CREATE SEQUENCE, each optional
 * (PostgreSQL's defaults otherwise): {@code .as("integer").incrementBy(1).minValue(1).maxValue(1000)
 * .startWith(100).cache(1).cycle().ownedBy("invoices.number")}. The options are the same
 * {@link SequenceOptions} an identity column declares for its own sequence.
 */
public final class SequenceBuilder {
    final String name;
    String dataType;
    SequenceOptions options = SequenceOptions.NONE;
    String ownedBy;

    SequenceBuilder(String name) {
        this.name = name;
    }

    /** AS smallint | integer | bigint (default bigint). */
    public SequenceBuilder as(String integerType) {
        this.dataType = integerType == null ? null : integerType.strip();
        return this;
    }

    public SequenceBuilder incrementBy(long by) {
        options = options.incrementBy(by);
        return this;
    }

    public SequenceBuilder minValue(long min) {
        options = options.minValue(min);
        return this;
    }

    public SequenceBuilder maxValue(long max) {
        options = options.maxValue(max);
        return this;
    }

    public SequenceBuilder startWith(long first) {
        options = options.startWith(first);
        return this;
    }

    /** How many values each session pre-allocates (default 1). */
    public SequenceBuilder cache(long values) {
        options = options.cache(values);
        return this;
    }

    /** CYCLE: wrap around at the limit instead of failing. */
    public SequenceBuilder cycle() {
        options = options.cycle();
        return this;
    }

    /** OWNED BY table.column ({@code "invoices.number"} or {@code "billing.invoices.number"}): dropped with the column. */
    public SequenceBuilder ownedBy(String tableDotColumn) {
        this.ownedBy = tableDotColumn;
        return this;
    }

    /** The declaration once the block's declare returned (OWNED BY split into table and column). */
    TypeDecl.SequenceDecl declaration(Origin declaredIn, TenantScope scope) {
        QualifiedName table = null;
        String column = null;
        if (ownedBy != null) {
            int dot = ownedBy.lastIndexOf('.');
            table = scope.qualified(dot < 0 ? "" : ownedBy.substring(0, dot));
            column = dot < 0 ? ownedBy : ownedBy.substring(dot + 1);
        }
        SequenceOptions o = options;
        return new TypeDecl.SequenceDecl(scope.qualified(name), dataType, o.increment(),
                o.minValue(), o.maxValue(), o.start(), o.cache(), Boolean.TRUE.equals(o.cycles()), table, column, declaredIn);
    }
}
