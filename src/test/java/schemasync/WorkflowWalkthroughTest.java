package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import changes.Changes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import schemasync.cli.SchemaSyncCli;
import schemasync.dsl.ChangeBlock;

/**
 * docs/workflow-examples.md, run as it is told: the sample applied with the rows the page describes, then
 * the pull-request plan, examples 1, 2, 4, 5 and 6 in order (3 applied on the way), each block compiled from the page itself. Every output
 * the page shows for them must be what the tool prints now: a line {@code …} in the page stands for lines
 * it leaves out, the URL and the elapsed time are made stable. (Example 3 alone: WorkflowExamplesTest.)
 */
class WorkflowWalkthroughTest {
    private static final Path DOC = Path.of("docs/workflow-examples.md");
    private static final String URL = "postgresql://app@localhost:5432/app";

    record Run(int exit, String out, String err) {
    }

    static Run cli(Scenario s, List<ChangeBlock> blocks, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = SchemaSyncCli.run(args, blocks, Map.of("DATABASE_URL", CliProcess.platformUrl(s.url), "SCHEMA_SYNC_ALLOW_SAMPLE", "1",
                "NO_COLOR", "1"), false, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, stable(out.toString(StandardCharsets.UTF_8), s), stable(err.toString(StandardCharsets.UTF_8), s));
    }

    /** The page's URL for the test database's, and "(… s)" for every elapsed time. */
    private static String stable(String text, Scenario s) {
        return text.replaceAll("postgresql://\\w+@localhost:\\d+/\\w+", URL).replaceAll("\\(\\d+\\.\\d+ s\\)", "(… s)");
    }

    /**
     * The content of the first plain ``` fence (or ````markdown fence) opened after {@code anchor} in the page. An
     * opening fence follows a blank line; the closing fence of a java block (after "}") is not one.
     */
    static String shown(String doc, String anchor, String fence) {
        int at = doc.indexOf(anchor);
        assertTrue(at >= 0, "no '" + anchor + "' in " + DOC);
        int open = doc.indexOf("\n\n" + fence + "\n", at);
        assertTrue(open >= 0, "no " + fence + " fence after '" + anchor + "' in " + DOC);
        int start = open + fence.length() + 3;
        int end = doc.indexOf("\n" + fence.replaceAll("[a-z]+$", "") + "\n", start);
        return doc.substring(start, end + 1).replaceAll("\\(\\d+\\.\\d+ s\\)", "(… s)");
    }

    /** Every run of lines between the page's "…" lines appears in the output, in order. */
    static void assertShows(String shown, String actual, String what) {
        int from = 0;
        for (String chunk : shown.split("(?m)^…\n")) {
            if (chunk.isEmpty()) continue;
            int at = actual.indexOf(chunk, from);
            assertTrue(at >= 0, what + " is stale: the page shows\n" + chunk + "\nbut the tool now prints:\n" + actual);
            from = at + chunk.length();
        }
    }

    static List<ChangeBlock> plus(List<ChangeBlock> blocks, ChangeBlock... more) {
        List<ChangeBlock> all = new ArrayList<>(blocks);
        all.addAll(List.of(more));
        return all;
    }

    @Test
    void theExamplesPrintWhatThePageShows(@TempDir Path dir) throws Exception {
        String doc = Files.readString(DOC);
        List<ChangeBlock> ex = WorkflowExamplesTest.compile(doc, dir.resolve("examples"), "C0009_Invoices", "C0010_UserLocale",
                "C0011_SearchIndexes", "C0012_RenameMemberships", "C0013_DropMembershipsBridge");
        // Example 2's variant: the block with the two extra lines the page gives.
        String extra = WorkflowExamplesTest.blockSource(doc, "C0010_UserLocale")
                .replace("import static org.jooq.impl.SQLDataType.VARCHAR;", "import static org.jooq.impl.SQLDataType.UUID;\n"
                        + "import static org.jooq.impl.SQLDataType.VARCHAR;")
                .replace("db.ensureColumn(\"organizations\"", shown(doc, "Some columns are not added", "```java").strip()
                        + "\n        db.ensureColumn(\"organizations\"");
        Path variantDoc = dir.resolve("variant.md");
        Files.writeString(variantDoc, "```java\n" + extra + "```\n");
        ChangeBlock c0010WithExtras = WorkflowExamplesTest.compile(Files.readString(variantDoc), dir.resolve("variant"),
                "C0010_UserLocale").get(0);
        try (Scenario s = Scenario.start()) {
            s.applyAndConverge(Changes.ALL);
            s.execute("INSERT INTO organizations (name, slug) SELECT 'Org ' || g, 'org-' || g FROM generate_series(1, 200) g");
            s.execute("INSERT INTO users (email) SELECT 'u' || g || '@example.com' FROM generate_series(1, 12000) g");
            s.execute("INSERT INTO memberships (organization_id, user_id) SELECT 1 + g % 200, g FROM generate_series(1, 12000) g");
            s.execute("INSERT INTO projects (organization_id, title) SELECT 1 + g % 200, 'P' || g FROM generate_series(1, 3000) g");
            s.execute("ANALYZE");

            // The plan in a pull request: examples 1 and 2 against a database with a forgotten tmp_import table.
            s.execute("CREATE TABLE tmp_import (id int)");
            Run pr = cli(s, plus(Changes.ALL, ex.get(0), ex.get(1)), "--dry-run", "--format", "markdown");
            assertEquals(0, pr.exit, pr.err);
            assertShows(shown(doc, "## The plan in a pull request", "````markdown"), pr.out, "the pull-request plan");
            s.execute("DROP TABLE tmp_import");

            // 1. A new table: the dry run, the apply's summary, the quiet dry run after it.
            List<ChangeBlock> one = plus(Changes.ALL, ex.get(0));
            Run dry = cli(s, one, "--dry-run");
            assertEquals(0, dry.exit, dry.err);
            assertShows(shown(doc, "`./jbang sync-production-schema.java --dry-run`:", "```"), dry.out, "example 1's dry run");
            Run apply = cli(s, one, "--apply");
            assertEquals(0, apply.exit, apply.err);
            assertShows(shown(doc, "and ends with:", "```"), apply.out, "example 1's apply");
            Run quiet = cli(s, one, "--dry-run", "-q");
            assertShows(shown(doc, "A second dry run confirms it", "```"), quiet.out, "example 1's second dry run");

            // 2. A new column, then the variant with the two columns that are not added to a table with rows.
            List<ChangeBlock> two = plus(one, ex.get(1));
            assertShows(shown(doc, "Dry run (the blocks above C0010 are unchanged):", "```"), cli(s, two, "--dry-run").out,
                    "example 2's dry run");
            assertShows(shown(doc, "the dry run adds the other two columns and reports these:", "```"),
                    cli(s, plus(one, c0010WithExtras), "--dry-run").out, "example 2's variant");
            assertEquals(0, cli(s, two, "--apply").exit);

            // 3. (checked in detail by WorkflowExamplesTest) applied, so that example 4 starts where the page says.
            List<ChangeBlock> three = plus(two, ex.get(2));
            assertEquals(0, cli(s, three, "--apply").exit);

            // 4. Renaming a table: the dry run, then the dry run after the apply.
            List<ChangeBlock> four = plus(three, ex.get(3));
            String example4 = doc.substring(doc.indexOf("## 4. Renaming a table"));
            Run renaming = cli(s, four, "--dry-run");
            assertEquals(0, renaming.exit, renaming.err);
            assertShows(shown(example4, "Dry run:", "```"), renaming.out, "example 4's dry run");
            Run renamed = cli(s, four, "--apply");
            assertEquals(0, renamed.exit, renamed.err);
            assertTrue(renamed.out.contains("applied 2 statement(s) in one transaction, verified in sync"), renamed.out);
            assertShows(shown(example4, "and the rename is skipped:", "```"), cli(s, four, "--dry-run").out,
                    "example 4's dry run after the apply");

            // 4, later: the bridge removed by a new block (C0012 is not edited), then the dry run after that apply.
            List<ChangeBlock> bridgeless = plus(four, ex.get(4));
            Run dropping = cli(s, bridgeless, "--dry-run");
            assertEquals(0, dropping.exit, dropping.err);
            assertShows(shown(example4, "final class C0013_DropMembershipsBridge", "```"), dropping.out, "example 4's bridge removal");
            Run bridgeDropped = cli(s, bridgeless, "--apply");
            assertEquals(0, bridgeDropped.exit, bridgeDropped.err);
            assertShows(shown(example4, "After\nthe apply, the block is in sync:", "```"), cli(s, bridgeless, "--dry-run").out,
                    "example 4 after the bridge removal");

            // 5. A backfill across several deploys: deploy 1 (C0014), then deploy 2 as a new block (C0015) that
            // changes the column C0014 declared and adds the unique index.
            String example5 = doc.substring(doc.indexOf("## 5. A backfill"), doc.indexOf("## 6. "));
            List<ChangeBlock> slug = WorkflowExamplesTest.compile(doc, dir.resolve("five"), "C0014_ProjectSlug",
                    "C0015_ProjectSlugRequired");
            List<ChangeBlock> five = plus(bridgeless, slug.get(0));
            assertShows(shown(example5, "so it is asked again during the apply:", "```"), cli(s, five, "--dry-run").out,
                    "example 5's deploy 1");
            Run backfill = cli(s, five, "--apply");
            assertEquals(0, backfill.exit, backfill.err);
            assertTrue(backfill.out.contains("applied 2 statement(s) in one transaction, verified in sync"), backfill.out);
            assertShows(shown(example5, "The next dry run\nshows:", "```"), cli(s, five, "--dry-run").out, "example 5 after deploy 1");
            List<ChangeBlock> five2 = plus(five, slug.get(1));
            assertShows(shown(example5, "final class C0015_ProjectSlugRequired", "```"), cli(s, five2, "--dry-run").out,
                    "example 5's deploy 2");
            Run enforce = cli(s, five2, "--apply");
            assertEquals(0, enforce.exit, enforce.err);
            assertShows(shown(example5, "After the apply:", "```"), cli(s, five2, "--dry-run").out, "example 5 after deploy 2");

            // 6. Changing a column's type safely: deploy 1, the backfill, deploy 3 and the database without it.
            String example6 = doc.substring(doc.indexOf("## 6. "));
            List<ChangeBlock> six = WorkflowExamplesTest.compile(doc, dir.resolve("six"), "C0016_ProjectBudgetCents",
                    "C0017_DropProjectBudget");
            List<ChangeBlock> cents = plus(five2, six.get(0));
            assertShows(shown(example6, "final class C0016_ProjectBudgetCents", "```"), cli(s, cents, "--dry-run").out,
                    "example 6's deploy 1");
            assertEquals(0, cli(s, cents, "--apply").exit);
            s.execute("UPDATE projects SET budget_cents = round(budget * 100)");
            List<ChangeBlock> dropped = plus(cents, six.get(1));
            Run contract = cli(s, dropped, "--apply");
            assertEquals(0, contract.exit, contract.err);
            assertShows(shown(example6, "After the apply:", "```"), cli(s, dropped, "--dry-run").out, "example 6 after deploy 3");
            assertShows(shown(example6, "(without `C0017`):", "```"), cli(s, cents, "--dry-run").out,
                    "example 6 without C0017");
        }
    }

    /**
     * What the page says of a new database: the blocks of every example, in order, converge; the bridge of
     * example 4 and the column budget of example 6 are never created (later removals took them away), the view
     * is created over the new name, and slug is created NOT NULL directly (the later change of example 5 took
     * the place of C0014's declaration).
     */
    @Test
    void onAnEmptyDatabaseTheLaterBlocksDecide(@TempDir Path dir) throws Exception {
        List<ChangeBlock> page = WorkflowExamplesTest.compile(Files.readString(DOC), dir, "C0009_Invoices", "C0010_UserLocale",
                "C0011_SearchIndexes", "C0012_RenameMemberships", "C0013_DropMembershipsBridge", "C0014_ProjectSlug",
                "C0015_ProjectSlugRequired", "C0016_ProjectBudgetCents", "C0017_DropProjectBudget");
        try (Scenario s = Scenario.start()) {
            s.applyAndConverge(plus(Changes.ALL, page.toArray(ChangeBlock[]::new)));
            assertEquals("0", s.queryString("SELECT count(*) FROM pg_class WHERE relname = 'memberships'"));
            assertTrue(s.queryString("SELECT pg_get_viewdef('active_memberships'::regclass)").contains("organization_members"));
            assertEquals("NO", s.queryString("SELECT is_nullable FROM information_schema.columns WHERE table_name = 'projects'"
                    + " AND column_name = 'slug'"));
            assertEquals("0", s.queryString("SELECT count(*) FROM information_schema.columns WHERE table_name = 'projects'"
                    + " AND column_name = 'budget'"));
        }
    }
}
