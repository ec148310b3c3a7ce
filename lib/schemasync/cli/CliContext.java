package schemasync.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import schemasync.dsl.ChangeBlock;

/**
 * What every command gets from the entry point: the blocks, the environment and the streams, and the
 * source folder of the blocks when it is visible (null otherwise: then unlisted blocks are not checked).
 */
record CliContext(List<? extends ChangeBlock> blocks, Map<String, String> env, boolean interactive,
                  PrintStream out, PrintStream err, Path changesDir, Class<?> caller) {

    /** {@code caller}: the class that handed over the blocks (the script's main class; its code builds the list), or null. */
    CliContext(List<? extends ChangeBlock> blocks, Map<String, String> env, boolean interactive,
               PrintStream out, PrintStream err, Path changesDir) {
        this(blocks, env, interactive, out, err, changesDir, null);
    }

    /** Set to 1 to let the sample blocks (@SampleBlock) run against a database that is not the embedded one. */
    static final String ALLOW_SAMPLE = "SCHEMA_SYNC_ALLOW_SAMPLE";

    static final String VERSION = "0.1.0";

    boolean colorAllowed(boolean noColorFlag) {
        return interactive && !noColorFlag && !env.containsKey("NO_COLOR") && !"dumb".equals(env.get("TERM"));
    }
}
