package schemasync.model;

import java.util.Comparator;

/**
 * The identity of one object PostgreSQL keeps in a database, as the dependency graph names it: its
 * kind, its schema (null for schemas and extensions, which are database-wide) and name, and for an
 * object that lives on a table (constraint, trigger, policy, rule) the table as {@code name} and the
 * object's own name as {@code subName}. A routine's name carries its identity arguments,
 * {@code f(integer, text)}, since PostgreSQL tells overloads apart by them. Never an OID: a re-created
 * schema has the same ids.
 */
public record ObjectId(Kind kind, String schema, String name, String subName) implements Comparable<ObjectId> {

    /**
     * Every kind the graph knows. A new catalog kind takes part by adding one constant here and one
     * branch to the catalog's dependency query ({@code catalog.DependencySql}) that names its rows.
     */
    public enum Kind {
        SCHEMA, EXTENSION, COLLATION, TYPE, SEQUENCE, TABLE, INDEX, CONSTRAINT, VIEW, MATERIALIZED_VIEW,
        FUNCTION, TRIGGER, POLICY, RULE, STATISTICS, PUBLICATION, EVENT_TRIGGER, FOREIGN_SERVER,
        /** A user mapping ({@code role@server}): not in pg_depend's graph, named by the fold (what a block declares). */
        USER_MAPPING,
        TEXT_SEARCH_DICTIONARY, TEXT_SEARCH_CONFIGURATION,
        /** An operator: its schema, and {@code name(left, right)} as {@code catalog.Operator#key} spells it (NONE for a missing side). */
        OPERATOR,
        /** A cast: no schema (pg_cast is database-wide), named {@code (source AS target)} as {@code catalog.Cast#key} spells it. */
        CAST,
        /**
         * An operator class or family: its schema, and {@code name USING method} as {@code catalog.OperatorClass#key} spells it
         * after the schema (PostgreSQL tells a class apart by its access method, as a routine by its arguments).
         */
        OPERATOR_CLASS, OPERATOR_FAMILY;

        /** Objects that live on a table and are named within it. */
        public boolean onTable() {
            return this == CONSTRAINT || this == TRIGGER || this == POLICY || this == RULE;
        }
    }

    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<ObjectId> ORDER = Comparator.comparing(ObjectId::kind)
            .thenComparing(ObjectId::schema, NULLS_FIRST).thenComparing(ObjectId::name)
            .thenComparing(ObjectId::subName, NULLS_FIRST);

    public ObjectId {
        if (kind == null || name == null) throw new IllegalArgumentException("an object id needs a kind and a name");
        if (kind.onTable() != (subName != null)) {
            throw new IllegalArgumentException(kind + " ids name " + (kind.onTable() ? "their table and themselves" : "no sub-object"));
        }
    }

    public static ObjectId of(Kind kind, String schema, String name) {
        return new ObjectId(kind, schema, name, null);
    }

    /** A constraint, trigger, policy or rule of a table. */
    public static ObjectId onTable(Kind kind, String schema, String table, String name) {
        return new ObjectId(kind, schema, table, name);
    }

    /** The table (or view) a sub-object lives on; the object itself otherwise. */
    public ObjectId owner() {
        return subName == null ? this : new ObjectId(Kind.TABLE, schema, name, null);
    }

    @Override
    public int compareTo(ObjectId other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        String base = kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " "
                + (schema == null ? "" : schema + ".") + name;
        return subName == null ? base : base + "." + subName;
    }
}
