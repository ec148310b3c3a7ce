package schemasync;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jooq.impl.SQLDataType.BIGINT;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.DeclaredSchema;

/** A table renamed by a later block frees its old name: the bridge view of a rename without downtime is valid. */
class RenamedNameReuseTest {

    @Test
    void aViewMayTakeTheOldNameOfARenamedTableButNotOfATableStillDeclared() {
        var table = block("C1_Table", db -> db.ensureTable("memberships", t -> t.column("id", BIGINT.notNull()).primaryKey("id")));
        DeclaredSchema.of(List.of(table, block("C2_Rename", db -> {
            db.ensureTableRenamed("memberships", "organization_members");
            db.ensureView("memberships", "SELECT * FROM organization_members");
        })));
        var e = assertThrows(SchemaSyncException.class, () -> DeclaredSchema.of(List.of(table,
                block("C2_Clash", db -> db.ensureView("memberships", "SELECT 1")))));
        assertTrue(e.getMessage().contains("view public.memberships has the name of a declared table"), e.getMessage());
    }
}
