package schemasync;

import schemasync.dsl.ChangeBlock;
import schemasync.dsl.SchemaChanges;

/** A block whose declarations depend on the environment: no fingerprint of its code can stand for them. */
record EnvReadingBlock(String name) implements ChangeBlock {
    public String description() {
        return "table named by the environment";
    }

    public void declare(SchemaChanges db) {
        db.ensureTable(System.getenv().getOrDefault("TABLE_NAME", name), t -> t.column("id", "bigint"));
    }
}
