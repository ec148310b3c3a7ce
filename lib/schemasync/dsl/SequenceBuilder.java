package schemasync.dsl;

/**
 * The body of {@code ensureSequence(name)}: options as in CREATE SEQUENCE, each optional
 * (PostgreSQL's defaults otherwise): {@code .as("integer").incrementBy(1).minValue(1).maxValue(1000)
 * .startWith(100).cache(1).cycle().ownedBy("invoices.number")}.
 */
public final class SequenceBuilder {
    final String name;
    String dataType;
    Long increment;
    Long minValue;
    Long maxValue;
    Long start;
    Long cache;
    boolean cycle;
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
        this.increment = by;
        return this;
    }

    public SequenceBuilder minValue(long min) {
        this.minValue = min;
        return this;
    }

    public SequenceBuilder maxValue(long max) {
        this.maxValue = max;
        return this;
    }

    public SequenceBuilder startWith(long first) {
        this.start = first;
        return this;
    }

    /** How many values each session pre-allocates (default 1). */
    public SequenceBuilder cache(long values) {
        this.cache = values;
        return this;
    }

    /** CYCLE: wrap around at the limit instead of failing. */
    public SequenceBuilder cycle() {
        this.cycle = true;
        return this;
    }

    /** OWNED BY table.column ({@code "invoices.number"} or {@code "billing.invoices.number"}): dropped with the column. */
    public SequenceBuilder ownedBy(String tableDotColumn) {
        this.ownedBy = tableDotColumn;
        return this;
    }
}
