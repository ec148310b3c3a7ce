package schemasync.faults;

import static schemasync.Blocks.block;
import static schemasync.dsl.ColumnType.TEXT;
import static schemasync.dsl.Default.dflt;

import changes.Changes;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import schemasync.dsl.ChangeBlock;

/** Named block lists the subprocess tests choose with {@code -Dfaults.blocks=NAME}. */
public final class FaultBlocks {
    private static final Map<String, Supplier<List<ChangeBlock>>> SETS = new TreeMap<>();

    private static void set(String name, ChangeBlock... blocks) {
        SETS.put(name, () -> List.of(blocks));
    }

    static {
        SETS.put("example", () -> List.copyOf(Changes.ALL));
        // A new table, then a column on the table "busy" that the lock tests keep busy (ADD COLUMN needs
        // ACCESS EXCLUSIVE, which queues behind any open transaction that read the table).
        // A new table (the transaction), then two indexes on an existing table, "accounts": built
        // CONCURRENTLY after the commit where the tool does online DDL.
        set("online", block("C1_Audit", db -> db.ensureTable("audit", t -> t.column("id", "bigint"))),
                block("C2_Accounts", db -> {
                    db.ensureTable("accounts", t -> t.column("id", "bigint").column("email", TEXT));
                    db.ensureIndex("accounts_email_idx").on("accounts").columns("email");
                    db.ensureIndex("accounts_id_idx").on("accounts").columns("id");
                }));
        set("busy", block("C1_Other", db -> db.ensureTable("other", t -> t.column("x", "int"))),
                block("C2_Busy", db -> db.ensureTable("busy", t -> t.column("id", "int").column("note", TEXT))));
        // A plan --apply refuses by default: dropping a table that holds data (DELETES_DATA).
        set("refused-drop", block("C1_Keep", db -> db.ensureTable("keep", t -> t.column("id", "int"))),
                block("C2_DropLegacy", db -> db.ensureNoTable("legacy")));
        ChangeBlock ok = block("C1_Ok", db -> db.ensureTable("fine", t -> t.column("id", "bigint").primaryKey("id")));
        // Invalid names.
        set("blank-table", ok, block("C2_Bad", db -> db.ensureTable(" ", t -> t.column("c", "int"))));
        set("blank-column", ok, block("C2_Bad", db -> db.ensureTable("t", t -> t.column("", "int"))));
        set("long-table", ok, block("C2_Bad", db -> db.ensureTable("t".repeat(64), t -> t.column("c", "int"))));
        set("long-multibyte-table", ok, block("C2_Bad", db -> db.ensureTable("é".repeat(32), t -> t.column("c", "int"))));
        set("long-column", ok, block("C2_Bad", db -> db.ensureTable("t", t -> t.column("c".repeat(64), "int"))));
        set("long-index", ok, block("C2_Bad", db -> db.ensureIndex("i".repeat(64)).on("fine").columns("id")));
        set("long-schema", ok, block("C2_Bad", db -> db.ensureSchema("s".repeat(64))));
        set("nul-in-name", ok, block("C2_Bad", db -> db.ensureTable("bad\u0000name", t -> t.column("c", "int"))));
        set("newline-in-name", ok, block("C2_Bad", db -> db.ensureTable("bad\nname", t -> t.column("c", "int"))));
        set("nul-in-column", ok, block("C2_Bad", db -> db.ensureTable("t", t -> t.column("c\u0000", "int"))));
        // Unknown types.
        set("unknown-type", ok, block("C2_Bad", db -> db.ensureTable("t", t -> t.column("c", "no_such_type"))));
        set("unknown-type-column", ok, block("C2_Bad", db -> db.ensureColumn("fine", "c", "intger")));
        set("unknown-type-modifier", ok, block("C2_Bad", db -> db.ensureTable("t", t -> t.column("c", "varchar(-1)"))));
        // Contradictions and duplicates.
        set("table-twice", ok, block("C2_Bad", db -> db.ensureTable("fine", t -> t.column("other", TEXT))));
        set("column-twice", ok, block("C2_Bad", db -> db.ensureTable("t", t -> t.column("c", "int").column("c", TEXT))));
        set("block-id-twice", ok, block("C1_Ok", db -> db.ensureTable("t", t -> t.column("c", "int"))));
        set("index-on-missing-table", ok, block("C2_Bad", db -> db.ensureIndex("i").on("nowhere").columns("id")));
        set("column-on-missing-table", ok, block("C2_Bad", db -> db.ensureColumn("nowhere", "c", "int")));
        set("enum-label-twice", ok, block("C2_Bad", db -> db.ensureEnum("mood", "ok", "ok")));
        set("enum-label-too-long", ok, block("C2_Bad", db -> db.ensureEnum("mood", "x".repeat(64))));
        set("primary-key-unknown-column", ok, block("C2_Bad", db -> db.ensureTable("t", t -> t.column("c", "int").primaryKey("nope"))));
        // A block that throws while declaring.
        set("block-throws", ok, block("C2_Bad", db -> {
            throw new IllegalStateException("boom from a block");
        }));
        set("block-throws-npe", ok, block("C2_Bad", db -> db.ensureTable(null, t -> t.column("c", "int"))));
        // SQL injection through expressions: each must be refused, never executed.
        set("default-injection", ok, block("C2_Bad", db -> db.ensureTable("t",
                t -> t.column("c", "int", dflt("0); DROP TABLE victim; --")))));
        set("default-injection-column", ok, block("C2_Bad", db -> db.ensureColumn("fine", "c", "int",
                dflt("1; DROP TABLE victim"))));
        set("default-comment-injection", ok, block("C2_Bad", db -> db.ensureTable("t",
                t -> t.column("c", TEXT, dflt("'x' /* */); DROP TABLE victim; --")))));
        set("check-injection", ok, block("C2_Bad", db -> db.ensureTable("t",
                t -> t.column("c", "int").check("c_positive", "c > 0); DROP TABLE victim; --"))));
        // A routine body broken for good: created with check_function_bodies off, refused by its validator before the commit.
        set("routine-body-broken", ok, block("C2_Bad", db -> db.ensureFunction("zz_limit(t text)",
                "RETURNS int LANGUAGE sql STABLE AS $$ SELECT max_items FROM zz_nowhere WHERE name = t $$")));
        set("index-where-injection", ok, block("C2_Bad", db -> db.ensureIndex("fine_id").on("fine").columns("id")
                .where("id > 0; DROP TABLE victim")));
    }

    private FaultBlocks() {
    }

    public static List<ChangeBlock> named(String name) {
        Supplier<List<ChangeBlock>> s = SETS.get(name);
        if (s == null) throw new IllegalArgumentException("no block set " + name + "; known: " + SETS.keySet());
        return s.get();
    }
}
