package schemasync.faults;

import changes.Changes;
import java.util.List;
import schemasync.cli.SchemaSyncCli;
import schemasync.dsl.ChangeBlock;

/**
 * The real command line ({@link SchemaSyncCli#main}, exactly what sync-production-schema.java calls) with
 * a block list chosen by {@code -Dfaults.blocks=NAME} (see {@link FaultBlocks}); without it, the example
 * blocks in changes/. A test-only entry point: the tool itself has no hook.
 */
public final class FaultCli {
    private FaultCli() {
    }

    public static void main(String[] args) {
        String name = System.getProperty("faults.blocks");
        List<? extends ChangeBlock> blocks = name == null ? Changes.ALL : FaultBlocks.named(name);
        SchemaSyncCli.main(args, blocks);
    }
}
