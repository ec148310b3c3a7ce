package schemasync.dsl;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The blocks' fingerprint without running them: what the fast path of a no-op {@code --apply} compares with
 * the one a verified apply recorded. Running the blocks and hashing what they declare costs time that grows
 * with the schema (loading jOOQ, the DSL fold, megabytes of text at 2,000 tables); the declarations are a
 * function of the blocks' code, the blocks' own state and the engine, so the hash is of those:
 * <ul>
 * <li>the compiled bytes of the user's code the blocks can run: the block classes (a lambda's class is the one
 * that wrote it), the class that called the engine (the script's main class, which builds {@code Changes.ALL}),
 * and every class their constant pools name, transitively, outside the engine and its libraries;</li>
 * <li>each block's state in list order (its class, its fields' values: strings, numbers, lambdas' captured
 * values, lists): two blocks of one class built with other arguments are other blocks;</li>
 * <li>the engine: the names, CRCs and sizes of its classes in the jar (or their bytes in a classes folder),
 * so a rebuilt engine with the same version number counts as another tool.</li>
 * </ul>
 * It is only valid when that code reads nothing from outside (the environment, system properties, the clock,
 * randomness, files, the network, reflection: see {@link ClassFileScan}): then two runs with the same bytes
 * and state declare the same thing. When it does read something, {@link #of} returns null and the caller hashes
 * the declarations themselves (running the blocks), as before.
 */
public final class BlocksFingerprint {
    /** Packages of the engine and the libraries it ships with: their code is the tool's, hashed as the engine. */
    private static final List<String> NOT_USER_CODE = List.of("java/", "javax/", "jdk/", "sun/", "com/sun/", "org/jooq/",
            "org/postgresql/", "picocli/", "com/fasterxml/", "org/slf4j/", "io/zonky/", "org/apache/", "org/tukaani/",
            "me/tongfei/", "org/jline/", "org/junit/", "org/opentest4j/", "org/apiguardian/", "schemasync/SchemaSyncException");
    private static final List<String> ENGINE_PACKAGES = List.of("model", "db", "catalog", "dsl", "plan", "render", "normalize",
            "execute", "report", "generate", "verify", "fleet", "cli");
    /**
     * What user code may call without its declarations depending on more than the hashed bytes: the JDK (its
     * outside inputs are listed in {@link ClassFileScan}), jOOQ's types and the engine (the engine's bytes are
     * hashed; jOOQ is pinned by the tool version).
     */
    private static final List<String> SEEN_THROUGH = List.of("java/", "org/jooq/", "schemasync/");

    /** A program this large is not a schema's blocks: hash the declarations instead. */
    private static final int MAX_CLASSES = 5_000;
    private static final int MAX_STATE_DEPTH = 4;

    /** {@code fingerprint}, or null with {@code why} it could not be taken from the code. */
    public record Result(String fingerprint, String why) {
    }

    private BlocksFingerprint() {
    }

    /**
     * @param caller the class that handed the blocks to the engine (the script's main class), or null
     */
    public static Result of(List<? extends ChangeBlock> blocks, Class<?> caller) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            Deque<String> pending = new ArrayDeque<>();
            Set<String> seen = new HashSet<>();
            ClassLoader loader = blocks.isEmpty() ? BlocksFingerprint.class.getClassLoader()
                    : blocks.get(0).getClass().getClassLoader();
            if (caller != null) enqueue(caller, pending, seen);
            StringBuilder state = new StringBuilder();
            State walk = new State(pending, seen);
            for (ChangeBlock block : blocks) {
                state.append('\n');
                walk.describe(block, state, 0);
            }
            sha.update(state.toString().getBytes(StandardCharsets.UTF_8));
            Map<String, byte[]> code = new TreeMap<>();
            while (!pending.isEmpty()) {
                String name = pending.pop();
                if (code.size() >= MAX_CLASSES) return new Result(null, "the blocks' code is over " + MAX_CLASSES + " classes");
                byte[] bytes = classBytes(name, loader);
                if (bytes == null) continue; // not a class of this class path: a platform or generated class
                ClassFileScan scan = ClassFileScan.of(bytes);
                String outside = scan.outsideInput();
                if (outside != null) {
                    return new Result(null, "the blocks' code reads from outside the code (" + name.replace('/', '.')
                            + " uses " + outside.replace('/', '.') + ")");
                }
                code.put(name, bytes);
                for (String referenced : scan.classes()) {
                    String element = referenced.startsWith("[") ? arrayElement(referenced) : referenced;
                    if (element == null) continue;
                    if (userCode(element)) {
                        if (seen.add(element)) pending.push(element);
                    } else if (!SEEN_THROUGH.stream().anyMatch(element::startsWith)) {
                        // A library the scan does not look into (commons-io, Jackson, a driver) may read anything.
                        return new Result(null, "the blocks' code calls a library whose code is not hashed ("
                                + name.replace('/', '.') + " uses " + element.replace('/', '.') + ")");
                    }
                }
            }
            for (Map.Entry<String, byte[]> e : code.entrySet()) {
                sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update(e.getValue());
            }
            engine(sha);
            return new Result("sha256:" + HexFormat.of().formatHex(sha.digest()), null);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return new Result(null, "the blocks' code could not be read (" + e + ")");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** Walks blocks' state; the classes met on the way go to {@code pending}. One per fingerprint. */
    private static final class State {
        private final Deque<String> pending;
        private final Set<String> seen;
        private final IdentityHashMap<Object, Boolean> visiting = new IdentityHashMap<>();
        /** Instance fields per class, made accessible once: 2,000 blocks are usually a handful of classes. */
        private final Map<Class<?>, List<Field>> fields = new java.util.HashMap<>();

        State(Deque<String> pending, Set<String> seen) {
            this.pending = pending;
            this.seen = seen;
        }

        /** A value's class and state, into {@code out}. */
        void describe(Object value, StringBuilder out, int depth) {
            if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                    || value instanceof Character || value instanceof Enum<?>) {
                out.append(value == null ? "null" : value.getClass().getName() + ":" + value).append(';');
                return;
            }
            if (depth > MAX_STATE_DEPTH || visiting.put(value, Boolean.TRUE) != null) {
                out.append("…;");
                return;
            }
            if (value instanceof Collection<?> c) {
                out.append('[');
                for (Object element : c) describe(element, out, depth + 1);
                out.append("];");
            } else if (value instanceof Map<?, ?> m) {
                out.append('{');
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    describe(e.getKey(), out, depth + 1);
                    describe(e.getValue(), out, depth + 1);
                }
                out.append("};");
            } else if (value.getClass().isArray()) {
                out.append('[');
                int length = java.lang.reflect.Array.getLength(value);
                for (int i = 0; i < length; i++) describe(java.lang.reflect.Array.get(value, i), out, depth + 1);
                out.append("];");
            } else if (!userCode(value.getClass().getName().replace('.', '/')) && !value.getClass().isHidden()) {
                // A library's value (a jOOQ data type, say): its text, as it prints itself.
                out.append(value.getClass().getName()).append('=').append(value).append(';');
            } else {
                Class<?> type = value.getClass();
                enqueue(type, pending, seen);
                out.append(codeName(type)).append('(');
                for (Field f : fields.computeIfAbsent(type, State::instanceFields)) {
                    out.append(f.getName()).append('=');
                    try {
                        describe(f.get(value), out, depth + 1);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException("cannot read " + f, e);
                    }
                }
                out.append(");");
            }
            visiting.remove(value);
        }

        /** Static state is not the block's: it comes from the hashed code. */
        private static List<Field> instanceFields(Class<?> type) {
            List<Field> all = new java.util.ArrayList<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers())) continue;
                    f.setAccessible(true);
                    all.add(f);
                }
            }
            return all;
        }
    }

    /** A lambda's or other hidden class's code is in the class that defined it. */
    private static void enqueue(Class<?> type, Deque<String> pending, Set<String> seen) {
        String name = codeName(type).replace('.', '/');
        if (userCode(name) && seen.add(name)) pending.push(name);
    }

    private static String codeName(Class<?> type) {
        return type.isHidden() ? type.getNestHost().getName() : type.getName();
    }

    static boolean userCode(String internalName) {
        for (String prefix : NOT_USER_CODE) if (internalName.startsWith(prefix)) return false;
        for (String p : ENGINE_PACKAGES) if (internalName.startsWith("schemasync/" + p + "/")) return false;
        return true;
    }

    private static String arrayElement(String descriptor) {
        String element = descriptor.replaceFirst("^\\[+", "");
        return element.startsWith("L") && element.endsWith(";") ? element.substring(1, element.length() - 1) : null;
    }

    private static byte[] classBytes(String internalName, ClassLoader loader) throws IOException {
        ClassLoader from = loader != null ? loader : ClassLoader.getSystemClassLoader();
        try (InputStream in = from.getResourceAsStream(internalName + ".class")) {
            return in == null ? null : in.readAllBytes();
        }
    }

    /** The engine's classes: from the jar's directory (names, CRC-32s, sizes: nothing to inflate), or their bytes. */
    private static void engine(MessageDigest sha) throws IOException, URISyntaxException {
        var source = BlocksFingerprint.class.getProtectionDomain().getCodeSource();
        if (source == null) return;
        Path location = Path.of(source.getLocation().toURI());
        if (Files.isRegularFile(location)) {
            try (ZipFile jar = new ZipFile(location.toFile())) {
                var entries = jar.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry e = entries.nextElement();
                    if (!e.getName().startsWith("schemasync/")) continue;
                    sha.update((e.getName() + " " + e.getCrc() + " " + e.getSize() + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
        } else if (Files.isDirectory(location.resolve("schemasync"))) {
            try (Stream<Path> files = Files.walk(location.resolve("schemasync"))) {
                for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                    sha.update(location.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
                    sha.update(Files.readAllBytes(p));
                }
            }
        }
    }
}
