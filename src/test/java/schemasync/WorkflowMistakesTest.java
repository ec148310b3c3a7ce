package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.WorkflowWalkthroughTest.assertShows;
import static schemasync.WorkflowWalkthroughTest.cli;
import static schemasync.WorkflowWalkthroughTest.plus;
import static schemasync.WorkflowWalkthroughTest.shown;

import changes.Changes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import schemasync.WorkflowWalkthroughTest.Run;
import schemasync.dsl.ChangeBlock;

/**
 * The outputs docs/workflow-examples.md shows for the mistakes it warns about, produced by making each
 * mistake: a sample block edited in place (C0003 renamed by hand, C0007's query edited, C0004's budget
 * typed BIGINT), the rename of example 4 without the view declared again, the rename when both tables
 * exist, and a later block that gives the removed column's name to another one (C0018). Each variant is
 * the real block's source with the one edit the page describes, compiled here.
 */
class WorkflowMistakesTest {
    private static final Path DOC = Path.of("docs/workflow-examples.md");

    /** The source of a sample block in changes/, with {@code from} replaced by {@code to} (which must occur). */
    private static String edited(String sampleBlock, String from, String to) throws Exception {
        String source = Files.readString(Path.of("changes", sampleBlock + ".java"));
        assertTrue(source.contains(from), sampleBlock + " no longer contains " + from);
        return source.replace(from, to);
    }

    /** One block compiled from its source (through the same compiler and loader as the page's blocks). */
    private static ChangeBlock compiled(String source, String className, Path dir) throws Exception {
        return WorkflowExamplesTest.compile("```java\n" + source + "```\n", dir.resolve(className), className).get(0);
    }

    /** {@code blocks} with the block of the same class name replaced by {@code edited}. */
    private static List<ChangeBlock> replacing(List<ChangeBlock> blocks, ChangeBlock edited) {
        List<ChangeBlock> result = new ArrayList<>();
        String name = edited.getClass().getSimpleName();
        boolean found = false;
        for (ChangeBlock b : blocks) {
            boolean same = b.getClass().getSimpleName().equals(name);
            found |= same;
            result.add(same ? edited : b);
        }
        assertTrue(found, "no block " + name);
        return result;
    }

    @Test
    void theMistakesPrintWhatThePageShows(@TempDir Path dir) throws Exception {
        String doc = Files.readString(DOC);
        String example4 = doc.substring(doc.indexOf("## 4. Renaming a table"), doc.indexOf("## 5. "));
        String example6 = doc.substring(doc.indexOf("## 6. "));
        List<ChangeBlock> ex = WorkflowExamplesTest.compile(doc, dir.resolve("examples"), "C0009_Invoices", "C0010_UserLocale",
                "C0011_SearchIndexes", "C0012_RenameMemberships");
        List<ChangeBlock> three = plus(Changes.ALL, ex.get(0), ex.get(1), ex.get(2));
        // "Only the rename in C0012": the page's block without the view declared again and without the bridge.
        ChangeBlock renameOnly = compiled(WorkflowExamplesTest.blockSource(doc, "C0012_RenameMemberships")
                .replaceAll("(?s)(db.ensureTableRenamed\\(\"memberships\", \"organization_members\"\\);\n).*?\n    }\n", "$1    }\n"),
                "C0012_RenameMemberships", dir.resolve("rename-only"));
        ChangeBlock c0003ByHand = compiled(edited("C0003_Memberships", "\"memberships\"", "\"organization_members\""),
                "C0003_Memberships", dir);
        ChangeBlock c0004Bigint = compiled(edited("C0004_Projects", "NUMERIC(12, 2)", "BIGINT"), "C0004_Projects", dir);

        try (Scenario s = Scenario.start()) {
            s.applyAndConverge(three);
            s.execute("INSERT INTO organizations (name, slug) SELECT 'Org ' || g, 'org-' || g FROM generate_series(1, 200) g");
            s.execute("INSERT INTO users (email) SELECT 'u' || g || '@example.com' FROM generate_series(1, 12000) g");
            s.execute("INSERT INTO memberships (organization_id, user_id) SELECT 1 + g % 200, g FROM generate_series(1, 12000) g");
            s.execute("INSERT INTO projects (organization_id, title) SELECT 1 + g % 200, 'P' || g FROM generate_series(1, 3000) g");
            s.execute("ANALYZE");

            // Mistakes to avoid: the name edited in C0003 instead of ensureTableRenamed.
            Run byHand = cli(s, replacing(three, c0003ByHand), "--dry-run");
            assertEquals(0, byHand.exit(), byHand.err());
            assertShows(shown(example4, "The data stays behind in the old table:", "```"), byHand.out(), "the name edited in C0003");

            // Both tables exist: the rename is a conflict, and --apply changes nothing (exit 2).
            s.execute("CREATE TABLE organization_members (LIKE memberships)");
            List<ChangeBlock> four = plus(three, ex.get(3));
            assertShows(shown(example4, "the rename is a conflict:", "```"), cli(s, four, "--dry-run").out(), "the rename conflict");
            Run refused = cli(s, four, "--apply");
            assertEquals(2, refused.exit(), refused.out());
            assertShows(shown(example4, "stops with exit 2 and changes nothing:", "```"), refused.err(), "the refused apply");
            assertEquals("memberships", s.queryString("SELECT relname FROM pg_class WHERE relname = 'memberships' AND relkind = 'r'"));
            s.execute("DROP TABLE organization_members");

            // Why the view is declared again: with the rename alone, every later run reports the view.
            List<ChangeBlock> renamedOnly = plus(three, renameOnly);
            assertShows(shown(example4, "the dry run warns before anything\nis applied:", "```"), cli(s, renamedOnly, "--dry-run").out(),
                    "the warning before the rename is applied");
            Run applied = cli(s, renamedOnly, "--apply");
            assertEquals(0, applied.exit(), applied.err());
            assertShows(shown(example4, "names `memberships`:", "```"), cli(s, renamedOnly, "--dry-run").out(),
                    "the view not declared again");

            // Example 6: budget typed BIGINT by editing C0004 is only reported.
            assertShows(shown(example6, "`.column(\"budget\", BIGINT)` in `C0004_Projects`:", "```"),
                    cli(s, replacing(renamedOnly, c0004Bigint), "--dry-run").out(), "example 6's BIGINT variant");
        }

        // Why the view is declared again: C0007's query edited instead fails on an empty database.
        ChangeBlock c0007Edited = compiled(edited("C0007_ActiveMemberships", "FROM memberships m", "FROM organization_members m"),
                "C0007_ActiveMemberships", dir);
        try (Scenario s = Scenario.start()) {
            Run failed = cli(s, plus(replacing(three, c0007Edited), renameOnly), "--apply");
            assertEquals(1, failed.exit(), failed.out());
            assertShows(shown(example4, "`verify` catches it):", "```"), failed.err(), "C0007 edited");
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_class WHERE relname = 'organizations'"));
        }
    }

    /** Example 6's last output: a later block giving the removed column's name to another column is refused. */
    @Test
    void theRemovedNameCannotBeGivenAgain(@TempDir Path dir) throws Exception {
        String doc = Files.readString(DOC);
        List<ChangeBlock> six = WorkflowExamplesTest.compile(doc, dir.resolve("six"), "C0016_ProjectBudgetCents",
                "C0017_DropProjectBudget");
        ChangeBlock c0018 = compiled("""
                package changes;

                import schemasync.dsl.ChangeBlock;
                import schemasync.dsl.SchemaChanges;

                final class C0018_BudgetName implements ChangeBlock {
                    public String description() {
                        return "budget_cents is called budget again";
                    }

                    public void declare(SchemaChanges db) {
                        db.ensureColumnRenamed("projects", "budget_cents", "budget");
                    }
                }
                """, "C0018_BudgetName", dir);
        try (Scenario s = Scenario.start()) {
            Run refused = cli(s, plus(Changes.ALL, six.get(0), six.get(1), c0018), "--dry-run");
            assertEquals(2, refused.exit(), refused.out());
            assertShows(shown(doc.substring(doc.indexOf("## 6. ")), "so the tool refuses the combination before connecting:", "```"),
                    refused.err(), "the C0018 refusal");
        }
    }
}
