package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;

/**
 * ensureColumnChanged of a column a block declared under its old name and a later block renamed: on
 * an empty database the column's type comes from the early declaration, followed through the rename.
 */
class RenamedColumnChangeTest {

    @Test
    void aDefaultOnARenamedColumnIsSetOnAnEmptyDatabaseAndConverges() throws Exception {
        List<ChangeBlock> blocks = List.of(
                block("C1", db -> db.ensureTable("users", t -> t.column("id", "bigint").column("email", "text").primaryKey("id"))),
                block("C2", db -> db.ensureColumnRenamed("users", "email", "email_address")),
                block("C3", db -> db.ensureColumnChanged("users", "email_address").dflt("'none'")));
        try (Scenario s = Scenario.start()) {
            s.applyAndConverge(blocks);
            assertEquals("'none'::text", s.queryString("SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef"
                    + " WHERE adrelid = 'users'::regclass"));
        }
    }
}
