package schemasync.generate;

import java.util.List;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.SchemaChanges;

/**
 * One generated change block: its class name (also its id), its description and its calls. It is a
 * {@link ChangeBlock} itself, interpreting its calls, so a generated schema can be planned and
 * applied without compiling the Java source (what the round-trip command does).
 */
public record GeneratedBlock(String className, String description, List<Call> calls) implements ChangeBlock {

    public GeneratedBlock {
        calls = List.copyOf(calls);
    }

    @Override
    public String id() {
        return className;
    }

    @Override
    public void declare(SchemaChanges db) {
        for (Call c : calls) c.declare(db);
    }

    /** The Java source of this block, in package {@code pkg}. */
    public String source(String pkg) {
        JavaCode code = new JavaCode();
        for (Call c : calls) c.render(code);
        code.importClass("schemasync.dsl.ChangeBlock");
        code.importClass("schemasync.dsl.SchemaChanges");
        StringBuilder s = new StringBuilder("package " + pkg + ";\n\n");
        for (String i : code.staticImports) s.append("import static ").append(i).append(";\n");
        if (!code.staticImports.isEmpty()) s.append('\n');
        for (String i : code.imports) s.append("import ").append(i).append(";\n");
        s.append("\nfinal class ").append(className).append(" implements ChangeBlock {\n");
        s.append("    public String description() {\n        return ").append(JavaCode.literal(description)).append(";\n    }\n\n");
        s.append("    public void declare(SchemaChanges db) {\n").append(code.body()).append("    }\n}\n");
        return s.toString();
    }

    /** {@code changes/Changes.java}: the one ordered list. */
    public static String changesSource(String pkg, List<GeneratedBlock> blocks) {
        StringBuilder s = new StringBuilder("package " + pkg + ";\n\n");
        s.append("import java.util.List;\nimport schemasync.dsl.ChangeBlock;\n\n");
        s.append("""
                /**
                 * The one list that orders the change blocks. Blocks run top to bottom, every time; each declares
                 * what must exist, so re-running is harmless. Add new blocks at the end; never reorder or delete
                 * one that has reached production (to remove something, add a block that declares its removal).
                 * Generated from an existing database by {@code sync-production-schema.java generate}.
                 */
                public final class Changes {
                    private Changes() {
                    }

                    public static final List<ChangeBlock> ALL = List.of(
                """);
        for (int i = 0; i < blocks.size(); i++) {
            s.append("            new ").append(blocks.get(i).className()).append("()").append(i == blocks.size() - 1 ? ");\n" : ",\n");
        }
        if (blocks.isEmpty()) s.append("            );\n");
        return s.append("}\n").toString();
    }
}
