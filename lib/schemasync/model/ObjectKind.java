package schemasync.model;

/** What a rename, removal or drop is about: the kind half of an object's identity. */
public enum ObjectKind {
    TABLE, COLUMN, INDEX, CONSTRAINT, VIEW, TRIGGER, FUNCTION;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
