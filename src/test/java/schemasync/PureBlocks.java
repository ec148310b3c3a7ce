package schemasync;

import static schemasync.Blocks.block;

import java.util.List;
import org.jooq.impl.SQLDataType;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.ColumnType;
import schemasync.dsl.SchemaChanges;

/**
 * Blocks whose code reads nothing from outside (no environment, clock, files): the fast path fingerprints them from
 * their compiled code without running them (BlocksFingerprint). A class of its own, as a schema's changes/ is: the
 * code of a test class that declares blocks inline (and starts processes, reads files) is not such code.
 */
final class PureBlocks {
    private PureBlocks() {
    }

    static final List<ChangeBlock> FAST_PATH = List.of(
            block("C1_Accounts", db -> {
                db.ensureEnum("plan", "free", "pro");
                db.ensureTable("accounts", t -> t
                        .column("id", ColumnType.of(SQLDataType.BIGINT).identityByDefault())
                        .column("email", "text")
                        .column("plan", "plan")
                        .primaryKey("id"));
                db.ensureIndex("accounts_email_idx").on("accounts").columns("email");
            }),
            block("C2_Notes", db -> {
                db.ensureTable("notes", t -> t.column("id", "bigint").column("body", "text").primaryKey("id"));
                db.ensureView("pro_accounts", "SELECT id, email FROM accounts WHERE plan = 'pro'");
                db.ensureFunction("note_count()", "RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT count(*) FROM notes $$");
            }));

    /** How many times a {@link Counted} block declared: the fast path must not run the blocks at all. */
    static final java.util.concurrent.atomic.AtomicInteger DECLARED = new java.util.concurrent.atomic.AtomicInteger();

    /** A table in a schema whose name needs quoting everywhere (a comma, a space, a quote, non-ASCII). */
    record Counted(String schema, String table, boolean createsSchema) implements ChangeBlock {
        public String id() {
            return "Counted_" + table;
        }

        public String description() {
            return "counted " + table;
        }

        public void declare(SchemaChanges db) {
            DECLARED.incrementAndGet();
            if (createsSchema) db.ensureSchema(schema);
            db.ensureTable(schema + "." + table, t -> t.column("id", "bigint").primaryKey("id"));
        }
    }

    /** One table per instance: blocks of one class that differ only by their state. */
    record Table(String name, int columns) implements ChangeBlock {
        public String id() {
            return "T_" + name;
        }

        public String description() {
            return "table " + name;
        }

        public void declare(SchemaChanges db) {
            db.ensureTable(name, t -> {
                for (int i = 0; i < columns; i++) t = t.column("c" + i, "integer");
                return t;
            });
        }
    }
}
