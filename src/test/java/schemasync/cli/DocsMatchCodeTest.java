package schemasync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The guide is the one home of the flag, subcommand, exit-code and environment tables; this test
 * fails on any flag, default, subcommand, exit code or variable on which the guide and the code
 * (picocli's model, {@link ExitCodes}, the variables the sources read) disagree.
 */
class DocsMatchCodeTest {
    private static final Path GUIDE = Path.of("docs/SCHEMA_SYNC_GUIDE.md");
    private static final Set<String> STANDARD = Set.of("-h", "--help", "-V", "--version");
    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])(--?[a-zA-Z][\\w-]*)");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");

    private static CommandLine commandLine() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return SchemaSyncCli.commandLine(new CliContext(List.of(), Map.of(), false, sink, sink, null), null);
    }

    private static String section(String doc, String heading) {
        int start = doc.indexOf("\n" + heading + "\n");
        assertTrue(start >= 0, "the guide has a section " + heading);
        String level = heading.substring(0, heading.indexOf(' ') + 1);
        int end = doc.indexOf("\n" + level, start + heading.length() + 2);
        return doc.substring(start, end < 0 ? doc.length() : end);
    }

    /** Rows of the first Markdown table in the text: cells, without the header and the rule. */
    private static List<List<String>> table(String text) {
        List<List<String>> rows = new ArrayList<>();
        boolean started = false;
        for (String line : text.lines().toList()) {
            if (line.startsWith("|")) {
                started = true;
                List<String> cells = new ArrayList<>();
                for (String c : line.substring(1, line.lastIndexOf('|')).split("(?<!\\\\)\\|")) cells.add(c.trim());
                rows.add(cells);
            } else if (started) {
                break;
            }
        }
        assertTrue(rows.size() >= 2, "a table in:\n" + text);
        return rows.subList(2, rows.size());
    }

    /** Option names in the code spans of a cell ("`--format FORMAT`, `-q`" → --format, -q). */
    private static Set<String> options(String cell) {
        Set<String> names = new TreeSet<>();
        Matcher span = CODE_SPAN.matcher(cell);
        while (span.find()) {
            Matcher m = OPTION.matcher(span.group(1));
            if (m.lookingAt()) names.add(m.group(1));
            // "`-h`, `--help` / `-V`, `--version`": every span that starts with a dash is a name.
        }
        return names;
    }

    /** Documented flags of one table: name → its Default cell. */
    private static Map<String, String> documentedFlags(String section) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (List<String> row : table(section)) {
            for (String name : options(row.get(0))) flags.put(name, row.size() > 1 ? row.get(1) : "");
        }
        return flags;
    }

    private static void assertFlagsMatch(String where, CommandSpec spec, Map<String, String> documented, boolean withStandard) {
        Set<String> inCode = new TreeSet<>();
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) continue;
            for (String name : o.names()) {
                if (!withStandard && STANDARD.contains(name)) continue;
                inCode.add(name);
            }
        }
        assertEquals(inCode, new TreeSet<>(documented.keySet()), where + ": flags in the code vs in the guide's table");
        for (OptionSpec o : spec.options()) {
            String dflt = o.defaultValue();
            if (o.hidden() || dflt == null || dflt.isEmpty() || STANDARD.contains(o.longestName())) continue;
            String cell = documented.get(o.longestName());
            assertTrue(cell.contains("`" + dflt + "`"), where + ": " + o.longestName() + " defaults to " + dflt
                    + " in the code; the guide says: " + cell);
        }
    }

    @Test
    void everyFlagAndDefaultOfTheMainCommandIsInTheGuideAndNothingElse() throws Exception {
        String guide = Files.readString(GUIDE);
        String section = section(guide, "## Flags and subcommands");
        assertFlagsMatch("main command", commandLine().getCommandSpec(), documentedFlags(section), true);
    }

    @Test
    void everySubcommandHasItsSectionWithExactlyItsFlags() throws Exception {
        String guide = Files.readString(GUIDE);
        String section = section(guide, "## Flags and subcommands");
        Set<String> documented = new TreeSet<>();
        Matcher heading = Pattern.compile("(?m)^### `([\\w-]+)`$").matcher(section);
        while (heading.find()) documented.add(heading.group(1));
        Map<String, CommandLine> subcommands = commandLine().getSubcommands();
        assertEquals(new TreeSet<>(subcommands.keySet()), documented, "subcommands in the code vs ### headings in the guide");
        for (Map.Entry<String, CommandLine> sub : subcommands.entrySet()) {
            String text = section(section, "### `" + sub.getKey() + "`");
            boolean hasFlags = sub.getValue().getCommandSpec().options().stream()
                    .anyMatch(o -> !o.hidden() && o.names().length > 0 && !STANDARD.contains(o.longestName()));
            Map<String, String> flags = hasFlags ? documentedFlags(text) : Map.of();
            assertFlagsMatch(sub.getKey(), sub.getValue().getCommandSpec(), flags, false);
        }
    }

    /** ExitCodes' constants, the exit codes in --help and the guide's table: the same codes and words. */
    @Test
    void exitCodesAgreeBetweenExitCodesHelpAndTheGuide() throws Exception {
        Set<Integer> constants = new TreeSet<>();
        for (Field f : ExitCodes.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) constants.add(f.getInt(null));
        }
        Map<Integer, String> help = new TreeMap<>();
        commandLine().getCommandSpec().usageMessage().exitCodeList().forEach((k, v) -> help.put(Integer.parseInt(k.trim()), v));
        Map<Integer, String> guide = new TreeMap<>();
        for (List<String> row : table(section(Files.readString(GUIDE), "## Exit codes"))) guide.put(Integer.parseInt(row.get(0)), row.get(1));
        assertEquals(constants, help.keySet(), "ExitCodes vs --help");
        assertEquals(constants, guide.keySet(), "ExitCodes vs the guide");
        Set<String> subcommands = commandLine().getSubcommands().keySet();
        for (Map.Entry<Integer, String> e : help.entrySet()) {
            // Every flag and subcommand --help names for a code is named by the guide for it too.
            List<String> named = new ArrayList<>();
            Matcher m = OPTION.matcher(e.getValue());
            while (m.find()) named.add(m.group(1));
            for (String word : e.getValue().split("[^\\w-]+")) if (subcommands.contains(word)) named.add(word);
            for (String n : named) {
                assertTrue(guide.get(e.getKey()).contains(n), "exit " + e.getKey() + ": --help names " + n
                        + " (\"" + e.getValue() + "\"), the guide does not: " + guide.get(e.getKey()));
            }
        }
    }

    /** The variables the tool, the launcher and the tests read, and the guide's Environment table. */
    @Test
    void everyEnvironmentVariableReadIsDocumentedAndNoOther() throws Exception {
        Pattern read = Pattern.compile("\\b(DATABASE_URL(?:_[A-Z]+)?|NO_COLOR|SCHEMA_SYNC_[A-Z_]+|PG[A-Z_]+|MAVEN_REPO_(?:LOCAL|URL)|MVNW_REPOURL)\\b");
        Set<String> inCode = new TreeSet<>();
        List<Path> sources = new ArrayList<>(List.of(Path.of("jbang"), Path.of("src/test/java/schemasync/TestDatabase.java")));
        try (Stream<Path> lib = Files.walk(Path.of("lib"))) {
            lib.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
        }
        for (Path p : sources) {
            Matcher m = Pattern.compile("\"(DATABASE_URL(?:_[A-Z]+)?|NO_COLOR|SCHEMA_SYNC_[A-Z_]+|PG[A-Z_]+|MAVEN_REPO_(?:LOCAL|URL)|MVNW_REPOURL)\"|\\$\\{?(SCHEMA_SYNC_[A-Z_]+)")
                    .matcher(Files.readString(p));
            while (m.find()) inCode.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        Set<String> documented = new TreeSet<>();
        for (List<String> row : table(section(Files.readString(GUIDE), "## Environment"))) {
            // A row may name several variables (libpq's): each one counts.
            Matcher m = read.matcher(row.get(0));
            assertTrue(m.find(), row.get(0));
            do documented.add(m.group(1)); while (m.find());
        }
        assertEquals(inCode, documented, "variables read by the code vs the guide's Environment table");
    }

    /** One home for each table: README links to the guide instead of copying its tables. */
    @Test
    void readmeHoldsNoCopyOfTheReferenceTables() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        for (String line : readme.lines().toList()) {
            assertFalse(line.matches("\\| *(`-|\\d+ *\\||`[A-Z_]+` *\\|).*"), "a reference row in README: " + line);
        }
        assertTrue(readme.contains("docs/SCHEMA_SYNC_GUIDE.md#exit-codes"), "README links to the exit codes");
        assertTrue(readme.contains("docs/SCHEMA_SYNC_GUIDE.md#flags-and-subcommands"), "README links to the flags");
    }
}
