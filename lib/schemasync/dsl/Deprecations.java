package schemasync.dsl;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Old spellings kept working for one release: each use prints one warning on standard error naming
 * the new spelling (once per message per run, so a schema of 2,000 tables does not print 2,000 lines).
 */
final class Deprecations {
    private static final Set<String> SAID = ConcurrentHashMap.newKeySet();

    private Deprecations() {
    }

    /** The warnings given so far in this run (each printed once). */
    static Set<String> said() {
        return Set.copyOf(SAID);
    }

    static void warn(String oldSpelling, String newSpelling) {
        String message = "warning: " + oldSpelling + " is deprecated and goes away in the next release: write " + newSpelling;
        if (SAID.add(message)) System.err.println(message);
    }

    /** A block that implements the old declare(Schema db) rather than declare(SchemaChanges db). */
    @SuppressWarnings("removal")
    static void oldDeclare(ChangeBlock block) {
        try {
            if (block.getClass().getMethod("declare", Schema.class).getDeclaringClass() != ChangeBlock.class) {
                warn("declare(Schema db) (" + block.id() + ")", "declare(SchemaChanges db) with import schemasync.dsl.SchemaChanges"
                        + " (Schema clashes with org.jooq.Schema)");
            }
        } catch (NoSuchMethodException e) {
            // every ChangeBlock has the default method: not reached
        }
    }
}
