package schemasync.model;

/**
 * One way an object differs from what is wanted: the field (as the differ of its kind names it), the
 * wanted value (declared, or the source database's in a round trip) and the one the database has.
 * Values are PostgreSQL's spelling (or null: none); reporters word them.
 */
public record Difference(String field, String wanted, String actual) {
}
