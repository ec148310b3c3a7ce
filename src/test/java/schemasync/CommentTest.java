package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;
import static schemasync.dsl.CommentOn.CONSTRAINT;
import static schemasync.dsl.CommentOn.DOMAIN_CONSTRAINT;
import static schemasync.dsl.CommentOn.FUNCTION;
import static schemasync.dsl.CommentOn.INDEX;
import static schemasync.dsl.CommentOn.POLICY;
import static schemasync.dsl.CommentOn.SCHEMA;
import static schemasync.dsl.CommentOn.SEQUENCE;
import static schemasync.dsl.CommentOn.TRIGGER;
import static schemasync.dsl.CommentOn.TYPE;
import static schemasync.dsl.CommentOn.VIEW;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.DeclaredSchema;
import schemasync.plan.Plan;

/** Comments on every kind other than tables and columns: set when missing or different, compared exactly. */
class CommentTest {

    private static final String START = "CREATE SCHEMA app;"
            + " CREATE TABLE app.docs (id bigint PRIMARY KEY, owner text CONSTRAINT owner_set CHECK (owner <> ''));"
            + " CREATE INDEX docs_owner ON app.docs (owner); CREATE VIEW app.doc_ids AS SELECT id FROM app.docs;"
            + " CREATE SEQUENCE app.doc_numbers; CREATE TYPE app.mood AS ENUM ('ok');"
            + " CREATE DOMAIN app.code AS text CONSTRAINT code_set CHECK (VALUE <> '');"
            + " CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;"
            + " CREATE FUNCTION app.add(a int, b int) RETURNS int LANGUAGE sql AS 'SELECT a + b';"
            + " CREATE TRIGGER docs_touch BEFORE UPDATE ON app.docs FOR EACH ROW EXECUTE FUNCTION app.touch();"
            + " CREATE POLICY docs_own ON app.docs USING (owner = current_user)";

    private static List<ChangeBlock> comments(String viewComment) {
        return List.of(block("C1_Comments", db -> db
                .ensureComment(SCHEMA, "app", "The application")
                .ensureComment(VIEW, "app.doc_ids", viewComment)
                .ensureComment(SEQUENCE, "app.doc_numbers", "Document numbers")
                .ensureComment(INDEX, "app.docs_owner", "Lookup by owner")
                .ensureComment(TYPE, "app.mood", "How it went")
                .ensureComment(TYPE, "app.code", "A non-empty code")
                .ensureComment(DOMAIN_CONSTRAINT, "app.code", "code_set", "Never empty")
                .ensureComment(FUNCTION, "app.add(int, int)", "Adds")
                .ensureComment(CONSTRAINT, "app.docs", "owner_set", "Owner required")
                .ensureComment(TRIGGER, "app.docs", "docs_touch", "Touches")
                .ensureComment(POLICY, "app.docs", "docs_own", "Own rows only")
                .ignore("app.docs", "app.touch")));
    }

    @Test
    void commentsAreSetOnEveryKindAndConverge() throws Exception {
        try (Scenario s = Scenario.start(START)) {
            Plan plan = s.plan(comments("Document ids"));
            assertEquals(List.of("COMMENT ON SCHEMA \"app\" IS 'The application'",
                    "COMMENT ON VIEW \"app\".\"doc_ids\" IS 'Document ids'",
                    "COMMENT ON SEQUENCE \"app\".\"doc_numbers\" IS 'Document numbers'",
                    "COMMENT ON INDEX \"app\".\"docs_owner\" IS 'Lookup by owner'",
                    "COMMENT ON TYPE \"app\".\"mood\" IS 'How it went'",
                    "COMMENT ON TYPE \"app\".\"code\" IS 'A non-empty code'",
                    "COMMENT ON CONSTRAINT \"code_set\" ON DOMAIN \"app\".\"code\" IS 'Never empty'",
                    "COMMENT ON FUNCTION \"app\".\"add\"(a integer, b integer) IS 'Adds'",
                    "COMMENT ON CONSTRAINT \"owner_set\" ON \"app\".\"docs\" IS 'Owner required'",
                    "COMMENT ON TRIGGER \"docs_touch\" ON \"app\".\"docs\" IS 'Touches'",
                    "COMMENT ON POLICY \"docs_own\" ON \"app\".\"docs\" IS 'Own rows only'"), Scenario.sql(plan));
            assertTrue(plan.steps().stream().allMatch(p -> p.hazards().isEmpty()), "comments are metadata only");
            s.applyAndConverge(comments("Document ids"));
            // A different comment is replaced, showing the old one.
            Plan changed = s.plan(comments("Ids of documents"));
            assertEquals(List.of("COMMENT ON VIEW \"app\".\"doc_ids\" IS 'Ids of documents'"), Scenario.sql(changed));
            assertTrue(changed.items().stream().anyMatch(i -> i instanceof schemasync.plan.PlanItem.Change c
                    && c.summary().equals("will replace (database has 'Document ids')")), changed.items()::toString);
            s.applyAndConverge(comments("Ids of documents"));
        }
    }

    @Test
    void aCommentOnAMissingObjectIsRejectedNamingTheBlock() throws Exception {
        try (Scenario s = Scenario.start()) {
            var e = assertThrows(SchemaSyncException.class, () -> s.plan(List.of(
                    block("C1", db -> db.ensureComment(VIEW, "nowhere", "x")))));
            assertTrue(e.getMessage().contains("C1: comment on view public.nowhere: no such object exists"), e.getMessage());
        }
    }

    @Test
    void badCommentsAreRejectedBeforeConnecting() {
        var e = assertThrows(SchemaSyncException.class, () -> DeclaredSchema.of(List.of(
                block("C1", db -> db.ensureComment(VIEW, "v", "").ensureComment(FUNCTION, "f", "x")
                        .ensureComment(TRIGGER, "t", " ", "x").ensureComment(VIEW, "v", "again")))));
        assertTrue(e.getMessage().contains("C1: comment on view public.v has no text"), e.getMessage());
        assertTrue(e.getMessage().contains("C1: comment on function public.f(null): write the routine as name(argument types)"), e.getMessage());
        assertTrue(e.getMessage().contains("C1: trigger name is blank"), e.getMessage());
        assertTrue(e.getMessage().contains("C1: comment on view public.v is declared twice"), e.getMessage());
    }
}
