package schemasync;

import schemasync.dsl.ChangeBlock;
import schemasync.dsl.SchemaChanges;

/** A block that calls a library the fingerprint does not look into (it could read files or the environment). */
record LibraryCallingBlock(String name) implements ChangeBlock {
    public String description() {
        return "table named through a library";
    }

    public void declare(SchemaChanges db) {
        db.ensureTable(org.apache.commons.lang3.StringUtils.lowerCase(name), t -> t.column("id", "bigint"));
    }
}
