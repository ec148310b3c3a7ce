package schemasync.dsl;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a compiled class refers to, read from its constant pool (JVMS §4.4) without loading it: the classes
 * it names (every {@code new}, static call, field access, nest member and inner class names one) and the
 * methods it calls. {@link BlocksFingerprint} follows the first to find the blocks' code and looks in the
 * second for what could make that code's declarations differ from one run to the next.
 */
record ClassFileScan(List<String> classes, List<String> methods) {

    /**
     * Calls (and fields: {@code System.in}) whose answer is not in the code: the environment, system properties, the clock, randomness,
     * files, the network, other processes and reflection (which can run code no constant pool names).
     * "owner.name", or "owner." for every method of the owner.
     */
    private static final Set<String> OUTSIDE_INPUTS = Set.of(
            "java/lang/System.getenv", "java/lang/System.getProperty", "java/lang/System.getProperties",
            "java/lang/System.currentTimeMillis", "java/lang/System.nanoTime", "java/lang/System.console",
            "java/lang/System.setProperty", "java/lang/System.load", "java/lang/System.loadLibrary", "java/lang/System.in",
            "java/util/Scanner.", "java/io/Console.",
            "java/lang/Integer.getInteger", "java/lang/Long.getLong", "java/lang/Boolean.getBoolean",
            "java/lang/Math.random", "java/lang/StrictMath.random", "java/util/UUID.randomUUID",
            "java/lang/Class.forName", "java/lang/Class.getResource", "java/lang/Class.getResourceAsStream",
            "java/lang/Class.getMethod", "java/lang/Class.getDeclaredMethod", "java/lang/Class.getField",
            "java/lang/Class.getDeclaredField", "java/lang/Class.getConstructor", "java/lang/Class.getDeclaredConstructor",
            "java/lang/Class.newInstance", "java/lang/Runtime.", "java/lang/ProcessBuilder.", "java/lang/ClassLoader.",
            "java/io/File.", "java/io/FileInputStream.", "java/io/FileReader.", "java/io/RandomAccessFile.",
            "java/nio/file/Files.", "java/nio/file/Paths.", "java/nio/file/Path.", "java/nio/file/FileSystems.",
            "java/util/Random.", "java/util/concurrent/ThreadLocalRandom.", "java/security/SecureRandom.",
            "java/util/ServiceLoader.", "java/util/ResourceBundle.", "java/util/Date.<init>", "java/util/Calendar.getInstance",
            "java/time/Clock.", "java/time/Instant.now", "java/time/LocalDate.now", "java/time/LocalDateTime.now",
            "java/time/LocalTime.now", "java/time/OffsetDateTime.now", "java/time/ZonedDateTime.now", "java/time/Year.now",
            "java/time/YearMonth.now", "java/time/ZoneId.systemDefault", "java/util/TimeZone.getDefault",
            "java/util/Locale.getDefault", "java/nio/charset/Charset.defaultCharset");

    /** Owners whose every use reads the outside world (a package prefix). */
    private static final List<String> OUTSIDE_PACKAGES = List.of("java/net/", "java/sql/", "java/lang/reflect/", "javax/",
            "jdk/", "sun/", "com/sun/");

    static ClassFileScan of(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) throw new IOException("not a class file");
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classNameIndex = new int[count];
        int[][] memberRefs = new int[count][];
        int[][] nameAndTypes = new int[count][];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++; // eight-byte constants take two slots
                }
                case 7 -> classNameIndex[i] = in.readUnsignedShort();
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 9, 10, 11 -> memberRefs[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                case 12 -> nameAndTypes[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                case 17, 18 -> in.readInt();
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        List<String> classes = new ArrayList<>();
        List<String> methods = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            if (classNameIndex[i] != 0) classes.add(utf8[classNameIndex[i]]);
            if (memberRefs[i] != null) {
                String owner = utf8[classNameIndex[memberRefs[i][0]]];
                methods.add(owner + "." + utf8[nameAndTypes[memberRefs[i][1]][0]]);
            }
        }
        return new ClassFileScan(classes, methods);
    }

    /** The first reference to an outside input, or null when the class reads none. */
    String outsideInput() {
        for (String m : methods) {
            if (OUTSIDE_INPUTS.contains(m) || OUTSIDE_INPUTS.contains(m.substring(0, m.indexOf('.') + 1))) return m;
        }
        for (String c : classes) {
            if (OUTSIDE_PACKAGES.stream().anyMatch(c::startsWith) || OUTSIDE_INPUTS.contains(c + ".")) return c;
        }
        return null;
    }
}
