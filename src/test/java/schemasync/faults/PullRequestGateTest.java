package schemasync.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import schemasync.CliProcess;
import schemasync.CliProcess.Run;
import schemasync.DeployFilesTest;
import schemasync.Scenario;

/**
 * The pull-request gate of docs/ci/schema-sync.yml, with the workflow's own arguments: --check fails
 * (9) on a plan --apply would refuse, its markdown leads with the refusal, the comment step finds its one
 * comment by a hidden marker and edits it, and the workflow's verdict script passes 0/5/6 and fails 9
 * and anything else.
 */
class PullRequestGateTest {
    private static final Path WORKFLOW = Path.of("docs/ci/schema-sync.yml");

    @Test
    void theChecksExitAndReportLeadWithWhatApplyWouldRefuse() throws Exception {
        List<String> gate = DeployFilesTest.commands(WORKFLOW).get(0);
        assertEquals(List.of("--check", "--format", "markdown"), gate);
        try (Scenario s = Scenario.start("CREATE TABLE legacy (id int)", "INSERT INTO legacy VALUES (1)")) {
            Map<String, String> env = Map.of("DATABASE_URL", CliProcess.platformUrl(s.url));
            Run run = Tool.run(env, "refused-drop", gate.toArray(String[]::new));
            assertEquals(9, run.exit(), run::all);
            String[] lines = run.out().split("\n");
            assertTrue(lines[0].startsWith("### Schema Sync — plan for "), run::out);
            assertEquals("> [!CAUTION]", lines[2], run::out);
            assertEquals("> **`--apply` would refuse 1 step** (hazards not allowed; nothing would be changed):", lines[3]);
            assertTrue(lines[5].startsWith("> - C2_DropLegacy: DropTable public.legacy — DELETES_DATA"), run::out);
            assertTrue(lines[5].endsWith("allow with `--allow-hazard DELETES_DATA` or `db.allowHazard(HazardKind.DELETES_DATA,"
                    + " \"why\")` in C2_DropLegacy"), run::out);
            assertTrue(run.err().startsWith("error: --check: --apply would refuse this plan"), run::err);
            assertEquals("legacy", s.queryString("SELECT to_regclass('legacy')::text"), "--check changed nothing");

            // The same policy as --apply: allowed on the command line, it is only pending (5), with no caution.
            List<String> allowed = new java.util.ArrayList<>(gate);
            allowed.addAll(List.of("--allow-hazard", "DELETES_DATA"));
            Run pending = Tool.run(env, "refused-drop", allowed.toArray(String[]::new));
            assertEquals(5, pending.exit(), pending::all);
            assertTrue(!pending.out().contains("[!CAUTION]") && pending.err().isEmpty(), pending::all);
        }
    }

    @Test
    void theWorkflowKeepsOneCommentAndFailsOnlyOnRefusalsOrErrors() throws Exception {
        String workflow = Files.readString(WORKFLOW);
        assertTrue(workflow.contains("--check --format markdown >> schema-sync-plan.md || echo \"exit=$?\" >> \"$GITHUB_OUTPUT\""),
                "the check's exit status is kept for the verdict, its report for the comment");
        assertTrue(workflow.contains("marker='<!-- schema-sync-plan -->'"), "a hidden marker");
        assertTrue(workflow.contains("select(.body | startswith(\\\"$marker\\\"))"), "the comment is found by its marker");
        assertTrue(workflow.contains("gh api -X PATCH \"repos/$GITHUB_REPOSITORY/issues/comments/$id\""), "and edited in place");
        assertTrue(workflow.contains("pull-requests: write"), "the job may comment");
        Matcher verdict = Pattern.compile("(?s)- name: Fail if --apply would refuse a step\n.*?run: \\|\n(.*?)\n\n").matcher(workflow);
        assertTrue(verdict.find(), "the verdict step");
        String script = verdict.group(1).replaceAll("(?m)^ {10}", "");
        for (int exit : new int[] {0, 5, 6, 9, 1, 2, 3}) {
            Run result = CliProcess.exec(List.of("bash", "-c", script), Path.of("."), Map.of("CHECK_EXIT", Integer.toString(exit)), 10);
            assertEquals(exit == 0 || exit == 5 || exit == 6 ? 0 : 1, result.exit(), exit + ": " + result.all());
        }
        Run unset = CliProcess.exec(List.of("bash", "-c", script), Path.of("."), Map.of(), 10);
        assertEquals(0, unset.exit(), "no exit recorded: the check exited 0");
    }
}
