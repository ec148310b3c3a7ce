package schemasync.faults;

import changes.Changes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import schemasync.CliProcess.Run;
import schemasync.cli.SchemaSyncCli;

/** The command line in this JVM: {@link SchemaSyncCli#run}, what main calls before System.exit. */
final class InProcess {
    private InProcess() {
    }

    static Run run(Map<String, String> env, String blocks, List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = SchemaSyncCli.run(args.toArray(String[]::new), blocks == null ? Changes.ALL : FaultBlocks.named(blocks),
                    withSampleAllowed(env), false, o, e);
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Test databases are throwaway: the sample blocks may run there. */
    private static Map<String, String> withSampleAllowed(Map<String, String> env) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.putIfAbsent("SCHEMA_SYNC_ALLOW_SAMPLE", "1");
        return all;
    }
}
