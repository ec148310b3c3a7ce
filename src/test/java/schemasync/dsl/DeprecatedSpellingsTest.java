package schemasync.dsl;

import static org.jooq.impl.SQLDataType.BIGINT;
import static org.jooq.impl.SQLDataType.CLOB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;
import static schemasync.dsl.ColumnType.TEXT;
import static schemasync.dsl.ColumnType.type;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Every old spelling kept for one release declares exactly what its replacement declares, and warns once
 * naming the replacement. (The declarations are compared as records: same block id, same position.)
 */
@SuppressWarnings("removal")
class DeprecatedSpellingsTest {

    private static List<Declaration> declared(Consumer<SchemaChanges> body) {
        return DeclaredSchema.of(List.of(block("C1_Same", body))).declarations();
    }

    private static void same(Consumer<SchemaChanges> old, Consumer<SchemaChanges> replacement, String warning) {
        assertEquals(declared(replacement), declared(old));
        assertTrue(Deprecations.said().stream().anyMatch(m -> m.contains(warning)), () -> "no warning containing '" + warning
                + "' in " + Deprecations.said());
    }

    private static final Consumer<SchemaChanges> TABLE = db -> db.ensureTable("t", t -> t.column("id", BIGINT.notNull())
            .column("v", TEXT).primaryKey("id"));

    @Test
    void triggerEventsPolicyCommandsAndPrivilegesAsStrings() {
        Consumer<SchemaChanges> function = db -> db.ensureFunction("f()", "RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$");
        same(TABLE.andThen(function).andThen(db -> db.ensureTrigger("t_f").on("t").before("INSERT OR UPDATE OF v").forEachRow().executes("f()")),
                TABLE.andThen(function).andThen(db -> db.ensureTrigger("t_f").on("t")
                        .before(TriggerEvent.INSERT, TriggerEvent.updateOf("v")).forEachRow().executes("f()")),
                "write before(TriggerEvent...)");
        same(TABLE.andThen(db -> db.ensurePolicy("p").on("t").forCommand("select").using("true")),
                TABLE.andThen(db -> db.ensurePolicy("p").on("t").forCommand(PolicyCommand.SELECT).using("true")),
                "write forCommand(PolicyCommand.SELECT)");
        same(TABLE.andThen(db -> db.ensureGrant("t", "public", "SELECT", "insert")),
                TABLE.andThen(db -> db.ensureGrant("t", "public", Privilege.SELECT, Privilege.INSERT)),
                "write ensureGrant(..., Privilege.SELECT, Privilege.INSERT)");
        same(db -> db.ensureDefaultPrivileges("routines", "public", "EXECUTE").inSchema("public"),
                db -> db.ensureDefaultPrivileges(NewObjects.FUNCTIONS, "public", Privilege.EXECUTE).inSchema("public"),
                "write ensureDefaultPrivileges(NewObjects.FUNCTIONS, role, Privilege...)");
    }

    @Test
    void positionalArgumentsAndTheOtherSpellingsOfText() {
        same(db -> db.ensureExtension("pg_trgm", "public", "1.6"), db -> db.ensureExtension("pg_trgm", x -> x.inSchema("public").version("1.6")),
                "write ensureExtension(name, x -> x.inSchema(schema).version(version))");
        same(db -> db.customStep("fill", "SELECT false", "SELECT 1"), db -> db.customStep("fill").neededWhile("SELECT false").runs("SELECT 1"),
                "write customStep(id).neededWhile(guardSql).runs(sql)");
        same(db -> db.ensureCustomObject("r", "SELECT false", "SELECT 1"), db -> db.ensureCustomObject("r").neededWhile("SELECT false")
                .runs("SELECT 1"), "write ensureCustomObject(id).neededWhile(guardSql).runs(sql)");
        same(db -> db.ensureTable("t", t -> t.column("a", CLOB.notNull()).column("b", type("text")).column("c", "text")),
                db -> db.ensureTable("t", t -> t.column("a", TEXT.notNull()).column("b", TEXT).column("c", TEXT)),
                "jOOQ's CLOB (PostgreSQL's text) is deprecated and goes away in the next release: write TEXT");
        assertTrue(Deprecations.said().stream().anyMatch(m -> m.startsWith("warning: type(\"text\") is deprecated")));
    }

    @Test
    void aBlockWrittenAgainstTheOldSchemaClassStillRunsAndIsNamed() {
        ChangeBlock old = new ChangeBlock() {
            public String description() {
                return "old spelling";
            }

            @Override
            public void declare(Schema db) {
                db.ensureSchema("old_blocks");
            }
        };
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertEquals(List.of(new Declaration.SchemaDecl("old_blocks", new Origin(old.id(), "old spelling", 1))),
                    DeclaredSchema.of(List.of(old)).declarations().stream().filter(Declaration.SchemaDecl.class::isInstance).toList());
        } finally {
            System.setErr(err);
        }
        assertTrue(captured.toString(StandardCharsets.UTF_8).contains("declare(Schema db) (" + old.id() + ") is deprecated and goes"
                + " away in the next release: write declare(SchemaChanges db)"), captured.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aBlockThatImplementsNeitherDeclareSaysSo() {
        ChangeBlock empty = new ChangeBlock() {
            public String description() {
                return "nothing";
            }

            public String id() {
                return "C1_Empty";
            }
        };
        var e = org.junit.jupiter.api.Assertions.assertThrows(schemasync.SchemaSyncException.class,
                () -> DeclaredSchema.of(List.of(empty)));
        assertTrue(e.getMessage().contains("C1_Empty implements no declare(SchemaChanges db)"), e.getMessage());
    }
}
