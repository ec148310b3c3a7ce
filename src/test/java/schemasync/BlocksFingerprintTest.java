package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import schemasync.dsl.BlocksFingerprint;
import schemasync.dsl.ChangeBlock;

/**
 * The blocks' fingerprint the fast path compares without running the blocks: it must change whenever what the
 * blocks declare could change (their code, the code that builds the list, their state, their order), and it must
 * refuse (null: the declarations are hashed instead) when the code reads anything from outside.
 */
class BlocksFingerprintTest {

    @Test
    void sameCodeAndStateGiveTheSameFingerprintWithoutRunningTheBlocks() {
        BlocksFingerprint.Result a = BlocksFingerprint.of(PureBlocks.FAST_PATH, null);
        assertNotNull(a.fingerprint(), a::why);
        assertEquals(a, BlocksFingerprint.of(PureBlocks.FAST_PATH, null));
        List<ChangeBlock> tables = List.of(new PureBlocks.Table("a", 2), new PureBlocks.Table("b", 3));
        assertEquals(BlocksFingerprint.of(tables, null), BlocksFingerprint.of(List.of(new PureBlocks.Table("a", 2),
                new PureBlocks.Table("b", 3)), null));
    }

    @Test
    void anotherStateOrderOrListIsAnotherFingerprint() {
        List<ChangeBlock> tables = List.of(new PureBlocks.Table("a", 2), new PureBlocks.Table("b", 3));
        String base = BlocksFingerprint.of(tables, null).fingerprint();
        // Each of these declares something else; each must be another fingerprint.
        List<List<ChangeBlock>> others = List.of(
                List.of(new PureBlocks.Table("a", 2), new PureBlocks.Table("b", 4)),
                List.of(new PureBlocks.Table("a", 2), new PureBlocks.Table("c", 3)),
                List.of(new PureBlocks.Table("b", 3), new PureBlocks.Table("a", 2)),
                List.of(new PureBlocks.Table("a", 2)),
                List.of(new PureBlocks.Table("a", 2), new PureBlocks.Table("b", 3), new PureBlocks.Table("b", 3)),
                List.of(PureBlocks.FAST_PATH.get(0), PureBlocks.FAST_PATH.get(1)),
                List.of(PureBlocks.FAST_PATH.get(1), PureBlocks.FAST_PATH.get(0)));
        for (List<ChangeBlock> other : others) {
            String fp = BlocksFingerprint.of(other, null).fingerprint();
            assertNotNull(fp);
            assertNotEquals(base, fp, other::toString);
        }
        assertNotEquals(BlocksFingerprint.of(others.get(5), null), BlocksFingerprint.of(others.get(6), null));
    }

    @Test
    void codeThatReadsTheEnvironmentIsNotFingerprintedByItsCode() {
        BlocksFingerprint.Result env = BlocksFingerprint.of(List.of(new PureBlocks.Table("a", 1), new EnvReadingBlock("t")), null);
        assertNull(env.fingerprint());
        assertTrue(env.why().contains("schemasync.EnvReadingBlock uses java.lang.System.getenv"), env::why);
        BlocksFingerprint.Result library = BlocksFingerprint.of(List.of(new LibraryCallingBlock("T")), null);
        assertNull(library.fingerprint());
        assertTrue(library.why().contains("calls a library whose code is not hashed (schemasync.LibraryCallingBlock uses"
                + " org.apache.commons.lang3.StringUtils)"), library::why);
        // Nor the code of the class that builds the list (the script's main class), nor a test class that starts processes.
        BlocksFingerprint.Result caller = BlocksFingerprint.of(PureBlocks.FAST_PATH, EnvReadingBlock.class);
        assertNull(caller.fingerprint(), caller::why);
        BlocksFingerprint.Result inline = BlocksFingerprint.of(List.of(Blocks.block("X", db -> db.ensureSchema("x"))), null);
        assertNull(inline.fingerprint(), "this test class compiles code (javax.tools): " + inline.why());
    }

    /** The same block class compiled twice with another body: what it declares differs, and so does the fingerprint. */
    @Test
    void recompiledBlockCodeIsAnotherFingerprint(@TempDir Path dir) throws Exception {
        String v1 = compile(dir.resolve("v1"), "db.ensureTable(\"accounts\", t -> t.column(\"id\", \"bigint\"));");
        String v1again = compile(dir.resolve("v1again"), "db.ensureTable(\"accounts\", t -> t.column(\"id\", \"bigint\"));");
        String v2 = compile(dir.resolve("v2"), "db.ensureTable(\"accounts\", t -> t.column(\"id\", \"integer\"));");
        assertEquals(v1, v1again, "the same source compiles to the same bytes");
        assertNotEquals(v1, v2, "integer instead of bigint");
    }

    private static String compile(Path dir, String body) throws Exception {
        Path source = dir.resolve("src/fp/Changes.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package fp;
                public final class Changes {
                    public static final java.util.List<schemasync.dsl.ChangeBlock> ALL = java.util.List.of(new Block());
                    static final class Block implements schemasync.dsl.ChangeBlock {
                        public String description() { return "accounts"; }
                        public void declare(schemasync.dsl.SchemaChanges db) { %s }
                    }
                }
                """.formatted(body));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        int exit = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), source.toString());
        assertEquals(0, exit);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, BlocksFingerprintTest.class.getClassLoader())) {
            @SuppressWarnings("unchecked")
            List<ChangeBlock> blocks = (List<ChangeBlock>) loader.loadClass("fp.Changes").getField("ALL").get(null);
            BlocksFingerprint.Result r = BlocksFingerprint.of(blocks, null);
            assertNotNull(r.fingerprint(), r::why);
            return r.fingerprint();
        }
    }
}
