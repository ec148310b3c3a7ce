package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.CommentOn;

/**
 * Comments on a foreign table's columns ({@code COMMENT ON COLUMN ft.col}): set, put back when changed by hand, and
 * set again after a column change re-creates the foreign table (DROP FOREIGN TABLE takes its comments along).
 */
class ForeignColumnCommentTest {

    private static ChangeBlock server() {
        return block("F1_Server", db -> db.ensureExtension("postgres_fdw")
                .ensureForeignServer("films_server", "postgres_fdw", s -> s.option("host", "localhost").option("dbname", "films")));
    }

    private static ChangeBlock films(String titleType) {
        return block("F2_Films", db -> db.ensureForeignTable("films", "films_server", t -> t
                .column("code", "character(5)", c -> c.notNull())
                .column("title", titleType)));
    }

    private static ChangeBlock comments() {
        return block("F3_Comments", db -> db
                .ensureComment(CommentOn.FOREIGN_TABLE, "films", "Films in the archive")
                .ensureComment(CommentOn.FOREIGN_TABLE_COLUMN, "films", "code", "The film's code")
                .ensureComment(CommentOn.FOREIGN_TABLE_COLUMN, "films", "title", "As the distributor spells it"));
    }

    private static final String COLUMN_COMMENTS = "SELECT string_agg(a.attname || '=' || col_description(a.attrelid, a.attnum), ', '"
            + " ORDER BY a.attnum) FROM pg_attribute a WHERE a.attrelid = 'films'::regclass AND a.attnum > 0";

    @Test
    void columnCommentsAreSetPutBackAndSurviveARecreation() throws Exception {
        try (Scenario s = Scenario.start()) {
            List<ChangeBlock> blocks = List.of(server(), films("text"), comments());
            s.applyAndConverge(blocks);
            assertEquals("code=The film's code, title=As the distributor spells it", s.queryString(COLUMN_COMMENTS));

            s.execute("COMMENT ON COLUMN films.code IS 'changed by hand'");
            assertEquals(List.of("COMMENT ON COLUMN \"public\".\"films\".\"code\" IS 'The film''s code'"), Scenario.sql(s.plan(blocks)));
            s.applyAndConverge(blocks);

            // A column type change re-creates the foreign table: its comments are set again in the same run.
            List<ChangeBlock> wider = List.of(server(), films("character varying(80)"), comments());
            assertEquals(List.of("DROP FOREIGN TABLE \"public\".\"films\"",
                    "CREATE FOREIGN TABLE \"public\".\"films\" (\"code\" character(5) NOT NULL, \"title\" character varying(80))"
                            + " SERVER \"films_server\"",
                    "COMMENT ON FOREIGN TABLE \"public\".\"films\" IS 'Films in the archive'",
                    "COMMENT ON COLUMN \"public\".\"films\".\"code\" IS 'The film''s code'",
                    "COMMENT ON COLUMN \"public\".\"films\".\"title\" IS 'As the distributor spells it'"), Scenario.sql(s.plan(wider)));
            s.applyAndConverge(wider);
            assertEquals("code=The film's code, title=As the distributor spells it", s.queryString(COLUMN_COMMENTS));
        }
    }
}
