package schemasync;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every ```java block of README.md and docs/*.md compiles against the test class path, without a
 * spelling deprecated for removal, so no example can drift from the DSL. The convention (written in the guide, "Code examples"):
 * <ul>
 *   <li>a block that starts with {@code package} is a whole file, compiled as it is;</li>
 *   <li>a block that starts with a class is a file of {@code changes/} without its package and imports:
 *       {@link #IMPORTS} are added;</li>
 *   <li>a block that starts with a member ({@code public ...}) is a part of a block class or of Changes,
 *       compiled with the whole files the same document showed before it (the blocks it lists);</li>
 *   <li>anything else is the body of a block's {@code declare(SchemaChanges db)}.</li>
 * </ul>
 * Each block is compiled on its own (examples may declare the same class), in package {@code changes},
 * so the sample's classes are visible as they are to a user's block.
 */
class DocSnippetsCompileTest {
    static final String IMPORTS = """
            import static org.jooq.impl.SQLDataType.*;
            import static schemasync.dsl.ColumnType.TEXT;
            import static schemasync.dsl.ColumnType.type;
            import static schemasync.dsl.Default.dflt;

            import java.util.List;
            import org.jooq.impl.DSL;
            import schemasync.dsl.*;
            import schemasync.model.HazardKind;
            """;
    private static final Pattern JAVA = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL);

    record Snippet(String where, String file, String code) {
    }

    static List<Snippet> snippets() throws Exception {
        List<Path> files = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<Snippet> all = new ArrayList<>();
        for (Path f : files) {
            String text = Files.readString(f);
            Matcher m = JAVA.matcher(text);
            while (m.find()) {
                long line = text.substring(0, m.start()).lines().count() + 1;
                all.add(new Snippet(f + ":" + line, f.toString(), m.group(1)));
            }
        }
        return all;
    }

    /** The snippet as a compilation unit, per the convention above. */
    static String unit(String code) {
        String first = code.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("//"))
                .findFirst().orElse("");
        if (first.startsWith("package ")) return code;
        String head = "package changes;\n\n" + IMPORTS + "\n";
        if (first.matches("(@\\w+\\s*)*((public|final|abstract)\\s+)*(class|interface|record|enum)\\b.*")) return head + code;
        if (first.matches("(@\\w+.*|(public|private|protected|static|final)\\b.*)")) {
            return head + "abstract class Snippet implements ChangeBlock {\n" + code + "\n}\n";
        }
        return head + "abstract class Snippet implements ChangeBlock {\n    public void declare(SchemaChanges db) {\n" + code + "\n    }\n}\n";
    }

    private static boolean isMember(String code) {
        String unit = unit(code);
        return unit.contains("abstract class Snippet implements ChangeBlock {\n") && !unit.contains("public void declare(SchemaChanges db) {\n" + code);
    }

    private static String className(String unit) {
        Matcher cls = Pattern.compile("(?m)^(?:public\\s+)?(?:final\\s+|abstract\\s+)*(?:class|interface|record|enum)\\s+(\\w+)").matcher(unit);
        return cls.find() ? cls.group(1) : "Snippet";
    }

    private static JavaFileObject source(String name, String unit) {
        return new SimpleJavaFileObject(URI.create("string:///changes/" + name + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return unit;
            }
        };
    }

    @Test
    void everyJavaExampleInTheDocsCompiles(@TempDir Path out) throws Exception {
        List<Snippet> snippets = snippets();
        assertTrue(snippets.size() >= 30, "found the examples: " + snippets.size());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> failures = new ArrayList<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, null)) {
            java.util.Map<String, java.util.Map<String, String>> shownFiles = new java.util.HashMap<>();
            for (Snippet s : snippets) {
                String unit = unit(s.code());
                java.util.Map<String, String> shown = shownFiles.computeIfAbsent(s.file(), k -> new java.util.LinkedHashMap<>());
                List<JavaFileObject> sources = new ArrayList<>(List.of(source(className(unit), unit)));
                if (isMember(s.code())) {
                    shown.forEach((name, code) -> {
                        if (!name.equals(className(unit))) sources.add(source(name, code));
                    });
                }
                if (s.code().stripLeading().startsWith("package ")) shown.put(className(unit), unit);
                DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
                StringWriter log = new StringWriter();
                boolean ok = javac.getTask(log, files, diagnostics, List.of("-d", out.toString(), "-proc:none", "-Xlint:removal",
                        "-cp", System.getProperty("java.class.path")), null, sources).call();
                // The docs show only the current spellings: a deprecated one (kept one release) fails here too.
                boolean deprecated = diagnostics.getDiagnostics().stream().anyMatch(d -> "compiler.warn.has.been.deprecated.for.removal"
                        .equals(d.getCode()));
                if (s.code().contains("CLOB") || s.code().contains("type(\"text\")")) {
                    failures.add(s.where() + ": text written as CLOB or type(\"text\"): write TEXT");
                }
                if (!ok || deprecated) {
                    StringBuilder why = new StringBuilder(s.where() + ":");
                    diagnostics.getDiagnostics().forEach(d -> why.append("\n    line ").append(d.getLineNumber())
                            .append(": ").append(d.getMessage(Locale.ROOT)));
                    failures.add(why.toString());
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " examples do not compile or use a deprecated spelling:\n"
                + String.join("\n", failures));
    }
}
