package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package graph of lib/ follows the pipeline of docs/ARCHITECTURE.md: every reference to another
 * of our packages (an import, a static import, a qualified name in code, even with spaces or a comment
 * around its dots, or a class looked up by its name through reflection) points upstream, there is
 * no cycle, nothing refers to {@code cli}, the arrows issue 12 names are absent even where the pipeline
 * order alone would allow them ({@link #FORBIDDEN}: {@code render} speaks steps, never the DSL), the shared
 * root package refers to no stage (else it would be a back door around every rule), every file sits in the
 * directory of its package, and no file under lib/ (of any type) is over 400 lines. A new package fails here
 * until it is given its place in {@link #PIPELINE}.
 */
class PackageGraphTest {

    /**
     * Upstream first. {@code db} (connections) needs nothing of ours; {@code step} (the statements a
     * plan is made of) and {@code render} (their SQL) come before {@code normalize}, which spells its
     * shadow DDL with them, and {@code normalize} before {@code plan}, which reads what it produces
     * ({@code normalize.DeclaredShapes}), as they run.
     */
    static final List<String> PIPELINE = List.of("model", "db", "catalog", "dsl", "step", "render", "normalize", "plan", "execute",
            "report", "generate", "verify", "fleet", "cli");

    /**
     * Arrows issue 12 forbids by name that the pipeline order would allow: {@code render} comes after {@code dsl}
     * but must not read it (the statements carry model values, not the user's input records), and {@code step},
     * which {@code render} visits, must not carry DSL records either, or the DSL would come back into render
     * through it. ({@code model} → anything and {@code dsl} → plan/normalize/render/execute are against the order.)
     */
    static final Map<String, Set<String>> FORBIDDEN = Map.of("render", Set.of("dsl"), "step", Set.of("dsl"));

    static final int MAX_LINES = 400;

    private static final Pattern PACKAGE = Pattern.compile("^package schemasync(?:\\.([a-z]+))?;", Pattern.MULTILINE);
    /** A qualified name; Java allows white space (and comments, blanked before) around the dots of one. */
    private static final Pattern REFERENCE = Pattern.compile("\\bschemasync\\s*\\.\\s*([a-z]+)\\s*\\.");
    /** A class looked up by its name in a string (Class.forName, ClassLoader.loadClass, Lookup.findClass): a reference too. */
    private static final Pattern REFLECTIVE = Pattern.compile("\\b(?:forName|loadClass|findClass)\\s*\\(\\s*\"schemasync\\.([a-z]+)\\.");
    private static final Pattern COMMENTS_AND_STRINGS = Pattern.compile(
            "//[^\\n]*|/\\*.*?\\*/|\"\"\".*?\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])*'", Pattern.DOTALL);

    @Test
    void everyArrowPointsUpstreamWithoutCycleAndNothingReferencesCli() throws IOException {
        Map<String, String> sources = librarySources();
        assertTrue(sources.size() > 100, "lib/ sources found: " + sources.size());
        List<String> violations = violations(sources);
        assertEquals(List.of(), violations, "package arrows against the pipeline " + PIPELINE);
    }

    @Test
    void noFileUnderLibIsOverFourHundredLines() throws IOException {
        List<String> tooLong = new ArrayList<>();
        for (Map.Entry<String, String> e : libraryFiles(f -> true).entrySet()) {
            long lines = e.getValue().lines().count();
            if (lines > MAX_LINES) tooLong.add(e.getKey() + ": " + lines + " lines");
        }
        assertEquals(List.of(), tooLong, "files under lib/ over " + MAX_LINES + " lines");
    }

    /** The checker itself: a backwards arrow, a reference to cli, a cycle and an unknown package are each reported. */
    @Test
    void theCheckerReportsEveryKindOfViolation() {
        Map<String, String> sources = new TreeMap<>();
        sources.put("dsl/A.java", "package schemasync.dsl;\nimport schemasync.plan.Planner;\n// schemasync.render.X in a comment\n");
        sources.put("report/B.java", "package schemasync.report;\nclass B { Object o = new schemasync.cli.Main(); String s = \"schemasync.verify.X\"; }\n");
        sources.put("plan/C.java", "package schemasync.plan;\nimport static schemasync.catalog.Catalog.empty;\nimport schemasync.dsl.SchemaChanges;\n");
        sources.put("widgets/D.java", "package schemasync.widgets;\n");
        List<String> violations = violations(sources);
        assertEquals(4, violations.size(), String.join("\n", violations));
        // The loopholes: an arrow the order allows but issue 12 forbids, a leaf reaching down, a qualified name
        // spelled with a comment and spaces, a reflective lookup, the shared root package, a misplaced file.
        Map<String, String> loopholes = new TreeMap<>();
        loopholes.put("render/E.java", "package schemasync.render;\nclass E { Object d = schemasync.dsl.Declaration.class; }\n");
        loopholes.put("model/F.java", "package schemasync.model;\nclass F { Object c = schemasync . /* x */ catalog.Catalog.builder(); }\n");
        loopholes.put("catalog/G.java", "package schemasync.catalog;\nclass G { Object r = Class.forName(\"schemasync.plan.Planner\"); }\n");
        loopholes.put("H.java", "package schemasync;\nclass H { Object p = schemasync.plan.Planner.class; }\n");
        loopholes.put("plan/I.java", "package schemasync.verify;\n");
        loopholes.put("step/J.java", "package schemasync.step;\nimport schemasync.dsl.ColumnType;\n");
        List<String> found = violations(loopholes);
        assertEquals(List.of("H.java: the root package -> plan (the root package is shared by every stage: it may refer to none)",
                "catalog/G.java: catalog -> plan (against the pipeline)",
                "model/F.java: model -> catalog (against the pipeline)",
                "plan/I.java: package verify is declared in directory plan",
                "render/E.java: render -> dsl (issue 12 forbids this arrow)",
                "step/J.java: step -> dsl (issue 12 forbids this arrow)"), found);
        assertTrue(violations.get(0).contains("dsl/A.java: dsl -> plan"), violations.get(0));
        assertTrue(violations.stream().anyMatch(v -> v.contains("report/B.java: report -> cli")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("cycle: ") && v.contains("dsl") && v.contains("plan")),
                violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("widgets/D.java: package widgets has no place")), violations.toString());
    }

    /** Every violation of the pipeline in the given sources (path relative to lib/schemasync → text). */
    static List<String> violations(Map<String, String> sources) {
        List<String> violations = new ArrayList<>();
        Map<String, Set<String>> arrows = new TreeMap<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            String text = source.getValue();
            Matcher pkg = PACKAGE.matcher(text);
            if (!pkg.find()) {
                violations.add(source.getKey() + ": no package declaration");
                continue;
            }
            String from = pkg.group(1);
            int slash = source.getKey().lastIndexOf('/');
            String directory = slash < 0 ? null : source.getKey().substring(0, slash);
            if (!java.util.Objects.equals(from, directory)) {
                violations.add(source.getKey() + ": package " + (from == null ? "schemasync" : from) + " is declared in directory "
                        + (directory == null ? "lib/schemasync" : directory));
                continue;
            }
            Set<String> targets = new java.util.LinkedHashSet<>();
            Matcher reference = REFERENCE.matcher(COMMENTS_AND_STRINGS.matcher(text).replaceAll(" "));
            while (reference.find()) targets.add(reference.group(1));
            Matcher reflective = REFLECTIVE.matcher(COMMENTS_AND_STRINGS.matcher(text).replaceAll(m -> m.group().startsWith("\"")
                    ? Matcher.quoteReplacement(m.group()) : " "));
            while (reflective.find()) targets.add(reflective.group(1));
            if (from == null) {
                // the root package (SchemaSyncException) is shared by every stage, so it may refer to none
                for (String to : targets) {
                    violations.add(source.getKey() + ": the root package -> " + to
                            + " (the root package is shared by every stage: it may refer to none)");
                }
                continue;
            }
            if (!PIPELINE.contains(from)) {
                violations.add(source.getKey() + ": package " + from + " has no place in the pipeline");
                continue;
            }
            Set<String> seen = new TreeSet<>();
            for (String to : targets) {
                if (to.equals(from) || !seen.add(to)) continue;
                arrows.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
                if (to.equals("cli")) violations.add(source.getKey() + ": " + from + " -> cli (nothing may refer to cli)");
                else if (FORBIDDEN.getOrDefault(from, Set.of()).contains(to)) {
                    violations.add(source.getKey() + ": " + from + " -> " + to + " (issue 12 forbids this arrow)");
                } else if (!PIPELINE.contains(to) || PIPELINE.indexOf(to) > PIPELINE.indexOf(from)) {
                    violations.add(source.getKey() + ": " + from + " -> " + to + " (against the pipeline)");
                }
            }
        }
        cycle(arrows).ifPresent(c -> violations.add("cycle: " + String.join(" -> ", c)));
        return violations;
    }

    /** A cycle in the package graph, if there is one (depth-first search, the path from its start back to it). */
    static java.util.Optional<List<String>> cycle(Map<String, Set<String>> arrows) {
        Set<String> done = new TreeSet<>();
        for (String start : arrows.keySet()) {
            List<String> found = visit(start, arrows, new ArrayList<>(), done);
            if (found != null) return java.util.Optional.of(found);
        }
        return java.util.Optional.empty();
    }

    private static List<String> visit(String node, Map<String, Set<String>> arrows, List<String> path, Set<String> done) {
        int at = path.indexOf(node);
        if (at >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
            cycle.add(node);
            return cycle;
        }
        if (done.contains(node)) return null;
        path.add(node);
        for (String next : arrows.getOrDefault(node, Set.of())) {
            List<String> found = visit(next, arrows, path, done);
            if (found != null) return found;
        }
        path.remove(path.size() - 1);
        done.add(node);
        return null;
    }

    private static Map<String, String> librarySources() throws IOException {
        return libraryFiles(f -> f.toString().endsWith(".java"));
    }

    /** The files under lib/schemasync the filter keeps, by path relative to it (SQL resources would count too). */
    private static Map<String, String> libraryFiles(java.util.function.Predicate<Path> keep) throws IOException {
        Path root = Path.of("lib", "schemasync");
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).filter(keep).toList()) {
                sources.put(root.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        }
        return sources;
    }
}
