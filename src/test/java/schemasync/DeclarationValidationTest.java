package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.DeclaredSchema;

/** Invalid declarations are rejected before any connection, all at once, each naming its block. */
class DeclarationValidationTest {

    @Test
    void everyProblemIsListedWithItsBlock() {
        var e = assertThrows(SchemaSyncException.class, () -> DeclaredSchema.of(List.of(
                block("C1", db -> db.ensureTable("users", t -> t.column("email", "varchar(255)").column(" ", "int"))),
                block("C2", db -> db.ensureColumn("users", "email", "varchar(320)")),
                block("C3", db -> db.ensureTable("users", t -> t.column("x", "int"))),
                block("C4", db -> db.ensureIndex("orphan")),
                block("C5", db -> db.ensureTable("t", t -> t.column("a", "int").primaryKey("b"))),
                block("C6", db -> db.ensureIndex("i").on("t")),
                block("C7", db -> db.ensureTable("u", t -> t.column("a", ""))))));
        assertEquals(SchemaSyncException.Code.BAD_INPUT, e.code());
        assertEquals("""
                invalid declarations (nothing was changed):
                  - C1: column of public.users name is blank
                  - C2: column public.users.email is declared as varchar(320) but C1 declares it as varchar(255)
                  - C3: table public.users is declared twice (first in C1); declare later changes with ensureColumn / ensureIndex
                  - C4: index public.orphan has no table: add .on("table")
                  - C5: primary key of table public.t names column "b", which the table does not declare
                  - C6: index public.i has no keys: add .columns(...) or .expression(...)
                  - C7: column public.u.a has no type""", e.getMessage());
    }

    @Test
    void duplicateBlockIdsAndIdenticalRedeclarationsAreRejected() {
        var e = assertThrows(SchemaSyncException.class, () -> DeclaredSchema.of(List.of(
                block("C1", db -> db.ensureTable("a", t -> t.column("x", "int"))),
                block("C1", db -> db.ensureColumn("a", "x", "int")))));
        assertEquals("""
                invalid declarations (nothing was changed):
                  - block id C1 appears twice in the list of blocks
                  - C1: column public.a.x is declared twice (also in C1)""", e.getMessage());
    }

    @Test
    void aBlockThatThrowsIsABadInputNamingIt() {
        var e = assertThrows(SchemaSyncException.class, () -> DeclaredSchema.of(List.of(
                block("C1_Broken", db -> db.ensureTable("a", t -> t.columnComment("no column yet"))))));
        assertEquals(SchemaSyncException.Code.BAD_INPUT, e.code());
        assertEquals("C1_Broken failed while declaring: columnComment() before any column()", e.getMessage());
    }

    /** ALTER TABLE ONLY is for a default: PostgreSQL refuses it for a partitioned table's type or NOT NULL change. */
    @Test
    void onlyThisTableGoesWithADefaultChangeAlone() {
        var e = assertThrows(SchemaSyncException.class, () -> DeclaredSchema.of(List.of(
                block("C1", db -> db.ensureColumnChanged("orders", "id").type("bigint").dflt("0").onlyThisTable()),
                block("C2", db -> db.ensureColumnChanged("orders", "id").notNull().onlyThisTable()))));
        assertEquals(SchemaSyncException.Code.BAD_INPUT, e.code());
        String why = "onlyThisTable() goes with dflt(...) or noDefault() alone (ALTER TABLE ONLY sets or drops a default; a type"
                + " or NOT NULL change of a partitioned table must reach its partitions)";
        assertEquals("invalid declarations (nothing was changed):\n"
                + "  - C1: ensureColumnChanged(public.orders, id): " + why + "\n"
                + "  - C2: ensureColumnChanged(public.orders, id): " + why, e.getMessage());
    }
}
