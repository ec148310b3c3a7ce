package schemasync.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import schemasync.Blocks;
import schemasync.dsl.Declaration;
import schemasync.dsl.DeclaredSchema;
import schemasync.dsl.SchemaChanges;
import schemasync.model.ObjectKind;
import schemasync.plan.PlannerCasesTest.Case;

/**
 * Issue 12's "the table-driven planner tests cover every object kind", read from the DSL side: every record a verb
 * of {@link SchemaChanges} can produce (every concrete type under the {@link Declaration} hierarchy) appears in at
 * least one server-less case of the Planner*CasesTest tables, and so does every rename kind. {@link PlannerCoverageTest}
 * reads coverage from the plan lines (per plan-line kind and outcome); this reads it from the declarations, so a
 * new declaration type (a new {@code ensure...} verb) fails here until it has its case, even when it plans lines
 * of a kind already covered by another verb.
 *
 * <p>The hierarchy is walked by reflection: the sealed parts through their permitted subclasses, the two open
 * families ({@code Declaration.Kind}, {@code Declaration.External}, non-sealed so that kinds can live in files of
 * their own) by scanning the compiled library for classes implementing them.
 */
class PlannerDeclarationCoverageTest {

    /** Every concrete declaration type, by simple name (nested names joined with a dot: TypeDecl.EnumDecl). */
    static Set<Class<?>> declarationTypes() throws IOException, URISyntaxException {
        Set<Class<?>> found = new java.util.LinkedHashSet<>();
        Deque<Class<?>> open = new ArrayDeque<>(List.of(Declaration.class));
        Set<Class<?>> library = libraryDeclarationClasses();
        while (!open.isEmpty()) {
            Class<?> type = open.pop();
            if (type.isSealed()) {
                open.addAll(List.of(type.getPermittedSubclasses()));
            } else if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
                // non-sealed: its implementations are wherever the library puts them
                for (Class<?> c : library) if (c != type && type.isAssignableFrom(c)) open.add(c);
            } else {
                found.add(type);
            }
        }
        return found;
    }

    /** The classes of the compiled library (lib/ → the main classes directory) that are declarations. */
    private static Set<Class<?>> libraryDeclarationClasses() throws IOException, URISyntaxException {
        Path classes = Path.of(Declaration.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<Class<?>> found = new java.util.LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(classes.resolve("schemasync"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('\\', '/').replace('/', '.');
                name = name.substring(0, name.length() - ".class".length());
                try {
                    Class<?> c = Class.forName(name, false, Declaration.class.getClassLoader());
                    if (Declaration.class.isAssignableFrom(c)) found.add(c);
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new AssertionError("cannot load " + name, e);
                }
            }
        }
        return found;
    }

    /** Per declaration type, the names of the cases whose blocks declare one (after the fold the planner reads). */
    static Map<String, Set<String>> casesByDeclarationType() {
        Map<String, Set<String>> byType = new TreeMap<>();
        PlannerCoverageTest.allCases().forEach(c -> declarations(c).forEach(d ->
                byType.computeIfAbsent(name(d.getClass()), k -> new TreeSet<>()).add(c.name())));
        return byType;
    }

    private static List<Declaration> declarations(Case c) {
        return DeclaredSchema.of(List.of(Blocks.block("C1", c.declare()))).declarations();
    }

    private static String name(Class<?> type) {
        return type.getEnclosingClass() == null ? type.getSimpleName() : name(type.getEnclosingClass()) + "." + type.getSimpleName();
    }

    @Test
    void everyDeclarationTypeHasATableDrivenCase() throws Exception {
        Set<Class<?>> types = declarationTypes();
        // the walk itself: it must reach the sealed families and the open ones
        assertTrue(types.contains(Declaration.TableDecl.class) && types.stream().anyMatch(Declaration.Kind.class::isAssignableFrom)
                && types.stream().anyMatch(Declaration.External.class::isAssignableFrom), types.toString());
        Map<String, Set<String>> covered = casesByDeclarationType();
        Set<String> missing = new TreeSet<>();
        for (Class<?> type : types) if (!covered.containsKey(name(type))) missing.add(name(type));
        System.out.println(types.size() + " declaration types; cases per type: ");
        covered.forEach((type, cases) -> System.out.printf("  %-45s %3d%n", type, cases.size()));
        assertEquals(Set.of(), missing, "declaration types (DSL verbs) without a server-less Planner*CasesTest case");
    }

    /**
     * The verbs themselves: every public verb of {@link SchemaChanges} (ensure..., allowHazard, customStep, ignore; not the
     * deprecated spellings, which delegate to one of them) is called by some Planner*CasesTest, read from the compiled
     * case tables' constant pools (a lambda's body is compiled into its class). Several verbs make one declaration type
     * (ensureFunction and ensureProcedure, the grant verbs, ensureCustomObject and customStep), so the type check alone
     * would not see a verb without its case.
     */
    @Test
    void everyVerbIsCalledByATableDrivenCase() throws Exception {
        Set<String> verbs = new TreeSet<>();
        for (Method m : SchemaChanges.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.isAnnotationPresent(Deprecated.class)) continue;
            if (!m.getDeclaringClass().getPackageName().equals("schemasync.dsl")) continue;
            if (m.getName().matches("ensure[A-Z].*|allowHazard|customStep|ignore")) verbs.add(m.getName());
        }
        assertTrue(verbs.size() > 60, verbs.toString());
        Path here = Path.of(PlannerDeclarationCoverageTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("schemasync").resolve("plan");
        Set<String> called = new TreeSet<>();
        try (Stream<Path> files = Files.list(here)) {
            for (Path f : files.filter(f -> f.getFileName().toString().matches("Planner\\w*CasesTest(\\$.*)?\\.class")).toList()) {
                for (String call : schemasync.dsl.ClassFileCalls.methodsCalled(Files.readAllBytes(f))) {
                    if (call.startsWith("schemasync/dsl/")) called.add(call.substring(call.indexOf('.') + 1));
                }
            }
        }
        verbs.removeAll(called);
        assertEquals(Set.of(), verbs, "DSL verbs no server-less Planner*CasesTest case calls");
    }

    /** ensureTableRenamed / ensureColumnRenamed / ensureIndexRenamed: one RenameDecl each, told apart by kind. */
    @Test
    void everyRenameKindHasATableDrivenCase() {
        Set<ObjectKind> renamed = EnumSet.noneOf(ObjectKind.class);
        PlannerCoverageTest.allCases().forEach(c -> declarations(c).forEach(d -> {
            if (d instanceof Declaration.RenameDecl r) renamed.add(r.kind());
        }));
        Set<ObjectKind> verbs = EnumSet.noneOf(ObjectKind.class);
        for (Method m : SchemaChanges.class.getMethods()) {
            if (m.getName().matches("ensure[A-Za-z]+Renamed")) {
                verbs.add(ObjectKind.valueOf(m.getName().replaceAll("ensure([A-Za-z]+)Renamed", "$1")
                        .replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase()));
            }
        }
        assertTrue(verbs.size() >= 3, verbs.toString());
        verbs.removeAll(renamed);
        assertEquals(Set.of(), verbs, "rename verbs without a server-less case");
    }
}
