package schemasync;

import java.util.function.Consumer;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.SchemaChanges;

/** Change blocks written inline in tests: {@code block("C1", db -> db.ensureTable(...))}. */
public final class Blocks {
    private Blocks() {
    }

    public static ChangeBlock block(String id, Consumer<SchemaChanges> body) {
        return new ChangeBlock() {
            public String id() {
                return id;
            }

            public String description() {
                return "test block " + id;
            }

            public void declare(SchemaChanges db) {
                body.accept(db);
            }
        };
    }
}
