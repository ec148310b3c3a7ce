package schemasync.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import schemasync.dsl.ChangeBlock;

/** What every command gets from the entry point: the blocks, the environment and the streams. */
record CliContext(List<? extends ChangeBlock> blocks, Map<String, String> env, boolean interactive,
                  PrintStream out, PrintStream err) {

    static final String VERSION = "0.1.0";

    boolean colorAllowed(boolean noColorFlag) {
        return interactive && !noColorFlag && !env.containsKey("NO_COLOR") && !"dumb".equals(env.get("TERM"));
    }
}
