package schemasync.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.catalog.ConstraintSpec;
import schemasync.catalog.QualifiedName;
import schemasync.dsl.Declaration.TableDecl;

/**
 * The one removal replay ({@link LaterRemovals}), without a database: what a later block's {@code ensureNo…} leaves of
 * the earlier declarations, the object followed through the renames declared between (the planner and the schema
 * docs both read what is left). Each case failed before the rule followed renames and took a dropped column's users.
 */
class LaterRemovalsRuleTest {
    private static List<Declaration> declared(ChangeBlock... blocks) {
        return DeclaredSchema.of(List.of(blocks)).declarations();
    }

    private static TableDecl table(List<Declaration> declarations, String name) {
        return declarations.stream().filter(d -> d instanceof TableDecl t && t.name().equals(QualifiedName.parse(name)))
                .map(TableDecl.class::cast).findFirst().orElseThrow();
    }

    @Test
    void aColumnRemovedUnderTheTablesLaterNameGoesWithTheKeyCheckIndexAndKeyStorageUsingIt() {
        List<Declaration> left = declared(block("C1", db -> {
                    db.ensureTable("users", t -> t.column("id", "bigint").column("old_flag", "boolean").column("note", "text")
                            .primaryKey("id", "old_flag").indexWith("fillfactor", "80")
                            .check("users_flag_check", "old_flag OR note IS NOT NULL").check("users_note_check", "note <> ''"));
                    db.ensureIndex("users_flag_idx").on("users").columns("id").include("old_flag");
                    db.ensureIndex("users_partial_idx").on("users").columns("id").where("old_flag");
                    db.ensureIndex("users_id_idx").on("users").columns("id");
                }),
                block("C2", db -> db.ensureTableRenamed("users", "accounts")),
                block("C3", db -> db.ensureNoColumn("accounts", "old_flag")));
        TableDecl users = table(left, "users");
        assertEquals(List.of("id", "note"), users.columns().stream().map(c -> c.name()).toList());
        assertEquals(List.of(), users.primaryKey());
        assertEquals(List.of("users_note_check"), users.constraints().stream().map(ConstraintSpec::name).toList());
        assertEquals(List.of("users_id_idx"), left.stream().filter(d -> d instanceof Declaration.IndexDecl)
                .map(d -> ((Declaration.IndexDecl) d).name().name()).toList());
        assertEquals(List.of("users_id_idx"), left.stream().filter(d -> d instanceof Declaration.IndexOptionsDecl)
                .map(d -> ((Declaration.IndexOptionsDecl) d).index().name()).toList(), "the key's and the dropped indexes' options go");
    }

    @Test
    void aTriggerAndAConstraintRemovedUnderTheTablesLaterNameAreNeverDeclared() {
        List<Declaration> left = declared(block("C1", db -> {
                    db.ensureTable("users", t -> t.column("id", "bigint").check("users_id_check", "id > 0"));
                    db.ensureTrigger("users_touch").on("users").before("UPDATE").forEachRow().executes("touch()");
                }),
                block("C2", db -> db.ensureTableRenamed("users", "accounts")),
                block("C3", db -> db.ensureNoTrigger("accounts", "users_touch").ensureNoConstraint("accounts", "users_id_check")));
        assertEquals(List.of(), table(left, "users").constraints());
        assertTrue(left.stream().noneMatch(d -> d instanceof Declaration.TriggerDecl), left.toString());
    }

    @Test
    void theSameColumnNameOnAnotherTableStays() {
        List<Declaration> left = declared(block("C1", db -> {
                    db.ensureTable("a", t -> t.column("id", "bigint").column("x", "text").unique("x"));
                    db.ensureTable("b", t -> t.column("id", "bigint").column("x", "text").unique("x"));
                    db.ensureIndex("b_x_idx").on("b").expression("lower(x)");
                }),
                block("C2", db -> db.ensureNoColumn("a", "x")));
        assertEquals(List.of("id"), table(left, "a").columns().stream().map(c -> c.name()).toList());
        assertEquals(List.of(), table(left, "a").constraints());
        assertEquals(List.of("id", "x"), table(left, "b").columns().stream().map(c -> c.name()).toList());
        assertEquals(1, table(left, "b").constraints().size());
        assertEquals(1, left.stream().filter(d -> d instanceof Declaration.IndexDecl).count());
    }
}
