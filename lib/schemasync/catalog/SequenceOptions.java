package schemasync.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The options of a sequence as declared, each null when not declared (PostgreSQL's default then):
 * INCREMENT BY, MINVALUE, MAXVALUE, START WITH, CACHE, CYCLE. Shared by standalone sequences
 * ({@code ensureSequence}) and identity columns, whose sequence PostgreSQL creates and names itself:
 * {@code ColumnType.of(BIGINT).identityAlways(seq -> seq.startWith(1000).incrementBy(10))}.
 * Immutable: each method returns a copy with one more option declared.
 */
public record SequenceOptions(Long increment, Long minValue, Long maxValue, Long start, Long cache, Boolean cycles) {

    /** Nothing declared: every option is PostgreSQL's default. */
    public static final SequenceOptions NONE = new SequenceOptions(null, null, null, null, null, null);

    /** The value range of an integer type: identity columns and sequences are smallint, integer or bigint. */
    public record Range(long min, long max) {
    }

    public SequenceOptions incrementBy(long by) {
        return new SequenceOptions(by, minValue, maxValue, start, cache, cycles);
    }

    public SequenceOptions minValue(long min) {
        return new SequenceOptions(increment, min, maxValue, start, cache, cycles);
    }

    public SequenceOptions maxValue(long max) {
        return new SequenceOptions(increment, minValue, max, start, cache, cycles);
    }

    /** The first value; for an existing identity, only where a later RESTART begins (the current value stays). */
    public SequenceOptions startWith(long first) {
        return new SequenceOptions(increment, minValue, maxValue, first, cache, cycles);
    }

    /** How many values each session pre-allocates (default 1). */
    public SequenceOptions cache(long values) {
        return new SequenceOptions(increment, minValue, maxValue, start, values, cycles);
    }

    /** CYCLE: wrap around at the limit instead of failing. */
    public SequenceOptions cycle() {
        return new SequenceOptions(increment, minValue, maxValue, start, cache, true);
    }

    /** NO CYCLE, declared (the default; compared only when declared). */
    public SequenceOptions noCycle() {
        return new SequenceOptions(increment, minValue, maxValue, start, cache, false);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    /** smallint / int2, integer / int / int4, bigint / int8; null for any other type. */
    public static Range range(String type) {
        return switch (type == null ? "" : type.strip().toLowerCase(Locale.ROOT)) {
            case "smallint", "int2" -> new Range(Short.MIN_VALUE, Short.MAX_VALUE);
            case "integer", "int", "int4" -> new Range(Integer.MIN_VALUE, Integer.MAX_VALUE);
            case "bigint", "int8" -> new Range(Long.MIN_VALUE, Long.MAX_VALUE);
            default -> null;
        };
    }

    /**
     * Every option as PostgreSQL fills it in for a sequence of this type with these declared
     * (DefineSequence's defaults): ascending from MINVALUE 1 to the type's maximum, descending from
     * MAXVALUE -1 down to the type's minimum, START WITH at the end it counts from, CACHE 1, NO CYCLE.
     */
    public SequenceOptions effective(String type) {
        Range r = range(type) == null ? range("bigint") : range(type);
        long inc = increment == null ? 1 : increment;
        long min = minValue != null ? minValue : inc > 0 ? 1 : r.min();
        long max = maxValue != null ? maxValue : inc > 0 ? r.max() : -1;
        long first = start != null ? start : inc > 0 ? min : max;
        return new SequenceOptions(inc, min, max, first, cache == null ? 1 : cache, cycles != null && cycles);
    }

    /**
     * Only the options that differ from PostgreSQL's defaults for this type (the defaults of MINVALUE,
     * MAXVALUE and START WITH depend on the others): what CREATE needs to say, and what generate writes.
     * {@code effective(type)} of the result equals {@code effective(type)} of this.
     */
    public SequenceOptions withoutDefaults(String type) {
        SequenceOptions all = effective(type);
        SequenceOptions bare = NONE.incrementBy(all.increment()).effective(type);
        long defaultStart = all.increment() > 0 ? all.minValue() : all.maxValue();
        return new SequenceOptions(all.increment() == 1 ? null : all.increment(),
                all.minValue().equals(bare.minValue()) ? null : all.minValue(),
                all.maxValue().equals(bare.maxValue()) ? null : all.maxValue(),
                all.start() == defaultStart ? null : all.start(),
                all.cache() == 1 ? null : all.cache(), all.cycles() ? true : null);
    }

    /**
     * What PostgreSQL would refuse, as messages without the object's name (the caller prefixes it):
     * INCREMENT BY 0, CACHE below 1, MINVALUE not below MAXVALUE, START WITH outside them, or a bound
     * outside the type. {@code type} null: a standalone sequence AS bigint.
     */
    public List<String> problems(String type) {
        List<String> out = new ArrayList<>();
        Range r = range(type == null ? "bigint" : type);
        if (r == null) {
            if (!isEmpty()) out.add("sequence options need a smallint, integer or bigint column, not " + type);
            return out;
        }
        if (increment != null && increment == 0) out.add("INCREMENT BY must not be 0");
        if (cache != null && cache < 1) out.add("CACHE must be at least 1");
        String typeName = type == null ? "bigint" : type.strip();
        Long[] bounds = {minValue, maxValue, start};
        String[] names = {"MINVALUE ", "MAXVALUE ", "START WITH "};
        boolean outside = false;
        for (int i = 0; i < bounds.length; i++) {
            if (bounds[i] != null && (bounds[i] < r.min() || bounds[i] > r.max())) {
                out.add(names[i] + bounds[i] + " is out of range for " + typeName + " (" + r.min() + " to " + r.max() + ")");
                outside = true;
            }
        }
        if (outside) return out;
        SequenceOptions all = effective(type == null ? "bigint" : type);
        if (all.minValue() >= all.maxValue()) {
            out.add("MINVALUE " + all.minValue() + " must be less than MAXVALUE " + all.maxValue());
        } else if (all.start() < all.minValue() || all.start() > all.maxValue()) {
            out.add("START WITH " + all.start() + " must be between MINVALUE " + all.minValue() + " and MAXVALUE " + all.maxValue());
        }
        return out;
    }

    /** {@code INCREMENT BY 10 START WITH 1000 ...}, the declared options in CREATE SEQUENCE's order, for messages. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (increment != null) parts.add("INCREMENT BY " + increment);
        if (minValue != null) parts.add("MINVALUE " + minValue);
        if (maxValue != null) parts.add("MAXVALUE " + maxValue);
        if (start != null) parts.add("START WITH " + start);
        if (cache != null) parts.add("CACHE " + cache);
        if (cycles != null) parts.add(cycles ? "CYCLE" : "NO CYCLE");
        return String.join(" ", parts);
    }
}
