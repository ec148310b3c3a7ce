package schemasync.cli;

import picocli.CommandLine.Option;
import schemasync.SchemaSyncException;
import schemasync.report.TextReporter.Verbosity;

/** --format, --quiet, --verbose, --no-color: shared by the commands that report. */
final class OutputOptions {
    enum Format { text, json, markdown }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), json (versioned, for machines) or markdown (for a pull request).")
    Format format;

    @Option(names = {"-q", "--quiet"}, description = "Only changes, warnings and the summary.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Also list unchanged columns; why --apply took the fast path or not; stack traces on failure.")
    boolean verbose;

    @Option(names = "--no-color", description = "No colours (also when NO_COLOR is set or output is not a terminal).")
    boolean noColor;

    Verbosity verbosity() {
        if (quiet && verbose) throw SchemaSyncException.badInput("--quiet and --verbose cannot be used together");
        return quiet ? Verbosity.QUIET : verbose ? Verbosity.VERBOSE : Verbosity.NORMAL;
    }

    /** Progress and announcements: text mode only, never in machine output. */
    boolean chatty() {
        return format == Format.text && !quiet;
    }
}
