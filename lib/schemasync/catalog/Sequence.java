package schemasync.catalog;

/**
 * A sequence as pg_sequence holds it, with the column that owns it: {@code OWNED BY} (or a serial
 * column, pg_depend deptype 'a') or an identity column (deptype 'i'). Sequences owned by serial or
 * identity columns are part of their column and never reported as undeclared objects.
 */
public record Sequence(QualifiedName name, String dataType, long start, long increment, long minValue, long maxValue,
                       long cache, boolean cycle, Owner owner) {

    /** The owning column; {@code identity} when the sequence is an identity column's. */
    public record Owner(QualifiedName table, String column, boolean identity) {
        @Override
        public String toString() {
            return table + "." + column;
        }
    }

    /** The options as CREATE SEQUENCE spells them, for messages. */
    public String describe() {
        return "AS " + dataType + " INCREMENT BY " + increment + " MINVALUE " + minValue + " MAXVALUE " + maxValue
                + " START WITH " + start + " CACHE " + cache + (cycle ? " CYCLE" : " NO CYCLE");
    }

    /** Same options, whoever owns it. */
    public Sequence withOwner(Owner newOwner) {
        return new Sequence(name, dataType, start, increment, minValue, maxValue, cache, cycle, newOwner);
    }
}
