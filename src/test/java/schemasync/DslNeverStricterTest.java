package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;

/**
 * Issue 13, point 4: whatever PostgreSQL accepts in a schema, the DSL accepts, and its checks mirror PostgreSQL's own
 * rules (NAMEDATALEN: 63 bytes, counted in bytes, not characters; any name at all once quoted). Each input here is
 * one PostgreSQL takes; each is applied to a real server, read back, and planned again (the Scenario harness also
 * replays the steps on the before-catalog). The one refusal kept is PostgreSQL's own limit: a name over 63 bytes, which
 * PostgreSQL would not refuse but truncate (with only a NOTICE), so the object would exist under another name.
 */
class DslNeverStricterTest {

    @Test
    void aTableWithoutColumnsAndAnEnumWithAnEmptyLabelOrNone() throws Exception {
        List<ChangeBlock> blocks = List.of(block("C1", db -> {
            db.ensureTable("marker", t -> t);
            db.ensureEnum("answer", "", "yes", "no");
            db.ensureEnum("nothing_yet");
        }));
        try (Scenario s = Scenario.start()) {
            s.applyAndConverge(blocks);
            assertEquals("0", s.queryString("SELECT relnatts FROM pg_class WHERE oid = 'public.marker'::regclass"));
            assertEquals("{\"\",yes,no}", s.queryString("SELECT enum_range(NULL::answer)::text"));
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_enum WHERE enumtypid = 'nothing_yet'::regtype"));
        }
    }

    /** 63 bytes is the limit, in bytes: 63 ASCII characters, 21 three-byte ones, 31 two-byte ones and one ASCII. */
    @Test
    void namesOfExactlySixtyThreeBytesInAnyEncodingOfTheirCharacters() throws Exception {
        String ascii = "t".repeat(63);
        String euros = "€".repeat(21);
        String mixed = "é".repeat(31) + "x";
        assertEquals(63, ascii.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertEquals(63, euros.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertEquals(63, mixed.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        List<ChangeBlock> blocks = List.of(block("C1", db -> {
            db.ensureSchema(mixed);
            db.ensureTable(mixed + "." + ascii, t -> t.column(euros, "bigint").column("x", "text").primaryKey(euros).named(mixed));
            db.ensureIndex(euros).on(mixed + "." + ascii).columns("x");
            db.ensureEnum(mixed + "." + euros, ascii);
        }));
        try (Scenario s = Scenario.start()) {
            s.applyAndConverge(blocks);
            assertEquals(euros, s.queryString("SELECT attname FROM pg_attribute WHERE attrelid = to_regclass(quote_ident('" + mixed
                    + "') || '." + ascii + "') AND attnum = 1"));
            assertEquals(mixed, s.queryString("SELECT conname FROM pg_constraint WHERE contype = 'p' AND connamespace ="
                    + " (SELECT oid FROM pg_namespace WHERE nspname = '" + mixed + "')"));
        }
    }

    @Test
    void aNameOfSixtyFourBytesIsRefusedBeforeAnythingRunsForPostgresqlWouldTruncateIt() throws Exception {
        String tooLong = "é".repeat(32); // 32 characters, 64 bytes: PostgreSQL keeps the first 31 characters
        try (Scenario s = Scenario.start()) {
            SchemaSyncException e = assertThrows(SchemaSyncException.class,
                    () -> s.plan(List.of(block("C1", db -> db.ensureTable(tooLong, t -> t.column("id", "int"))))));
            assertTrue(e.getMessage().contains("64 bytes"), e.getMessage());
            assertEquals(null, s.queryString("SELECT to_regclass('public.\"" + "é".repeat(31) + "\"')"));
        }
    }

    /** Names needing quotes (case, spaces, punctuation, a double quote), reserved words, and columns named like types. */
    @Test
    void namesThatNeedQuotesReservedWordsAndColumnsNamedLikeTypes() throws Exception {
        List<ChangeBlock> blocks = List.of(block("C1", db -> {
            db.ensureSchema("Sales Data");
            db.ensureEnum("Sales Data.Order State", "new", "Shipped \"fast\"", "it's done");
            db.ensureTable("Sales Data.select", t -> t
                    .column("from", "bigint").column("order", "\"Sales Data\".\"Order State\"")
                    .column("text", "text").column("int", "integer").column("timestamp", "timestamp with time zone")
                    .column("MixedCase", "text").column("with space", "text").column("a\"b", "text").columnComment("it's \"quoted\"").column("user", "text")
                    .primaryKey("from")
                    .check("text is not empty", "\"text\" <> ''"));
            db.ensureTable("Sales Data.group", t -> t.column("select", "bigint").column("where", "text")
                    .foreignKey("select").references("Sales Data.select", "from"));
            db.ensureIndex("Sales Data.by \"order\"").on("Sales Data.select").columns("order", "MixedCase");
            db.ensureView("Sales Data.table", "SELECT \"from\", \"text\", \"a\"\"b\" FROM \"Sales Data\".\"select\"");
            db.ensureComment(schemasync.dsl.CommentOn.VIEW, "Sales Data.table", "Reserved words and \"quotes\"");
            db.ensureComment(schemasync.dsl.CommentOn.VIEW_COLUMN, "Sales Data.table", "a\"b", "a column named with a quote");
        }));
        try (Scenario s = Scenario.start()) {
            s.applyAndConverge(blocks);
            assertEquals("9", s.queryString("SELECT count(*) FROM pg_attribute WHERE attrelid = '\"Sales Data\".\"select\"'::regclass"
                    + " AND attnum > 0"));
            assertEquals("t", s.queryString("SELECT EXISTS (SELECT FROM pg_class WHERE relname = 'by \"order\"')"));
        }
    }
}
