package schemasync.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import schemasync.generate.SchemaSelection;

/** {@code --schema} / {@code --exclude-schema} of the commands that read a whole database (generate, roundtrip). */
final class SchemaSelectionOptions {

    @Option(names = "--schema", paramLabel = "NAME",
            description = "Read only this schema (repeatable; default: every user schema, as pg_dump: not pg_*, "
                    + "information_schema or a schema an extension owns).")
    List<String> schemas = new ArrayList<>();

    @Option(names = "--exclude-schema", paramLabel = "NAME", description = "Leave this schema out (repeatable).")
    List<String> excluded = new ArrayList<>();

    SchemaSelection selection() {
        return new SchemaSelection(schemas, excluded);
    }
}
