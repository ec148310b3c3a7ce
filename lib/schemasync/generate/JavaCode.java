package schemasync.generate;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Java text of one generated block's {@code declare} body, with the imports it needs. String
 * values are written as text blocks only when the text block provably reads back as the very same
 * string (Java strips indentation and trailing spaces of text blocks); otherwise as concatenated
 * literals, so a function body or a custom step keeps every byte.
 */
final class JavaCode {
    static final String INDENT = "        ";
    final Set<String> imports = new TreeSet<>();
    final Set<String> staticImports = new TreeSet<>();
    private final StringBuilder body = new StringBuilder();

    void importClass(String qualifiedName) {
        imports.add(qualifiedName);
    }

    void importStatic(String qualifiedMember) {
        staticImports.add(qualifiedMember);
    }

    /** One statement (or one line of a chain) at {@code depth} levels below the method body. */
    void line(int depth, String text) {
        body.append(INDENT);
        body.append("    ".repeat(depth * 2));
        body.append(text).append('\n');
    }

    void comment(String text) {
        for (String l : text.split("\n", -1)) line(0, l.isEmpty() ? "//" : "// " + l);
    }

    String body() {
        return body.toString();
    }

    /** Arguments as Java string literals: {@code "a", "b"}. */
    static String strings(List<String> values) {
        StringBuilder s = new StringBuilder();
        for (String v : values) {
            if (s.length() > 0) s.append(", ");
            s.append(literal(v));
        }
        return s.toString();
    }

    /** A one-line Java string literal. */
    static String literal(String value) {
        StringBuilder s = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) s.append(String.format("\\u%04x", (int) c));
                    else s.append(c);
                }
            }
        }
        return s.append('"').toString();
    }

    /**
     * A possibly multi-line string as a Java expression, for an argument that starts a new line at
     * {@code depth}: a text block when it reads back exactly, else literals joined with {@code +}.
     */
    static String multiline(String value, int depth) {
        // Single lines too, when they hold double quotes (SQL identifiers): "\"public\"" reads badly.
        if (!value.contains("\n") && !(value.contains("\"") && textBlockSafe(value))) return literal(value);
        String pad = INDENT + "    ".repeat(depth * 2);
        if (textBlockSafe(value)) {
            StringBuilder s = new StringBuilder("\"\"\"\n");
            String[] lines = value.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].isEmpty()) s.append(pad).append(lines[i]);
                s.append(i == lines.length - 1 ? "\"\"\"" : "\n");
            }
            return s.toString();
        }
        StringBuilder s = new StringBuilder();
        String[] lines = value.split("(?<=\n)");
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) s.append('\n').append(pad).append("+ ");
            s.append(literal(lines[i]));
        }
        return s.toString();
    }

    /** Whether a text block with closing quotes on the last line gives back exactly {@code value}. */
    static boolean textBlockSafe(String value) {
        if (value.contains("\\") || value.contains("\"\"\"") || value.contains("\r") || value.endsWith("\"")
                || value.endsWith("\n")) return false;
        boolean flushLeft = false;
        for (String l : value.split("\n", -1)) {
            if (!l.equals(l.stripTrailing())) return false; // trailing blanks are stripped from text blocks
            if (!l.isEmpty() && !Character.isWhitespace(l.charAt(0))) flushLeft = true;
            for (int i = 0; i < l.length(); i++) if (l.charAt(i) < 0x20 && l.charAt(i) != '\t') return false;
        }
        // Indentation is stripped up to the least indented line: one line must start in column 0.
        return flushLeft;
    }
}
