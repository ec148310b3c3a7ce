package schemasync.dsl;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import schemasync.SchemaSyncException;

/**
 * The declarations of a run while they are still being collected and validated on a thread of their
 * own. An every-deploy run spends most of its time waiting for PostgreSQL (connecting, the catalog
 * read, which costs the server a cold cache per new session), and running the blocks and validating
 * them is the largest piece of client work: done side by side, the run costs the longer of the two
 * instead of their sum. The catalog read needs only {@link #schemas()}; nothing that sends a declared
 * SQL fragment to the server (normalization, the plan) may start before {@link #validated()}.
 *
 * <p>A run with invalid declarations still changes nothing and reports the same problems: its
 * connection only read the catalog (and, for {@code --apply}, held the advisory lock) before
 * {@link #validated()} threw.
 */
public final class PendingDeclarations {
    private final CompletableFuture<Set<String>> schemas;
    private final CompletableFuture<DeclaredSchema> validated;
    /** Of the folded declarations, before validation: see {@link #unvalidatedFingerprint()}. */
    private final CompletableFuture<Folded> folded;
    /**
     * Completed by the first call that needs the declarations: until then a worker that could fingerprint the
     * blocks from their code does not run them (a fast path needs only the fingerprint; jOOQ and the DSL fold
     * are never loaded). Null when the worker runs the blocks at once.
     */
    private final CompletableFuture<Void> proceed;
    private final List<? extends ChangeBlock> blocks;
    private final Class<?> caller;
    private volatile Folded lazilyFolded;

    /**
     * The blocks' fingerprint, whether any is a custom step, and whether the block list had problems; {@code basis}
     * says what was hashed (for --verbose). A fingerprint of the blocks' code ({@link BlocksFingerprint}) says false
     * to both: a verified apply, the only one that records a fingerprint, never has either.
     */
    public record Folded(String fingerprint, boolean customSteps, boolean listProblems, String basis) {
    }

    private PendingDeclarations(CompletableFuture<Set<String>> schemas, CompletableFuture<DeclaredSchema> validated,
                                CompletableFuture<Folded> folded, CompletableFuture<Void> proceed,
                                List<? extends ChangeBlock> blocks, Class<?> caller) {
        this.schemas = schemas;
        this.validated = validated;
        this.folded = folded;
        this.proceed = proceed;
        this.blocks = blocks;
        this.caller = caller;
    }

    /** Already validated: nothing runs beside the caller. */
    public static PendingDeclarations of(DeclaredSchema declared) {
        return new PendingDeclarations(CompletableFuture.completedFuture(declared.managedSchemas()),
                CompletableFuture.completedFuture(declared), null, null, null, null);
    }

    /** Starts running and validating {@code blocks} on a daemon thread. */
    public static PendingDeclarations start(List<? extends ChangeBlock> blocks) {
        return start(blocks, false, null);
    }

    /**
     * As above; with {@code foldedFirst} (an {@code --apply} that may take the fast path) the thread fingerprints the
     * blocks before it runs them: from their code ({@link BlocksFingerprint}) when that code reads nothing from
     * outside, and then it runs them only once something asks for the declarations; else from the folded
     * declarations, before it validates them. When the fast path is not taken, validation still ends long before the
     * full catalog read and normalization need it.
     *
     * @param caller the class that handed the blocks to the engine (its code builds the list), or null
     */
    public static PendingDeclarations start(List<? extends ChangeBlock> blocks, boolean foldedFirst, Class<?> caller) {
        CompletableFuture<Set<String>> schemas = new CompletableFuture<>();
        CompletableFuture<DeclaredSchema> validated = new CompletableFuture<>();
        CompletableFuture<Folded> folded = new CompletableFuture<>();
        CompletableFuture<Void> proceed = foldedFirst ? new CompletableFuture<>() : null;
        Thread worker = new Thread(() -> {
            try {
                String codeNotHashed = null;
                if (foldedFirst) {
                    BlocksFingerprint.Result code = BlocksFingerprint.of(blocks, caller);
                    if (code.fingerprint() != null) {
                        folded.complete(new Folded(code.fingerprint(), false, false, "the blocks' code"));
                        proceed.join();
                    } else {
                        codeNotHashed = code.why();
                    }
                }
                DeclaredSchema.Collected collected = DeclaredSchema.collect(blocks);
                if (foldedFirst && !folded.isDone()) {
                    try {
                        folded.complete(new Folded(DeclaredSchema.fingerprint(collected.declarations()),
                                collected.declarations().stream().anyMatch(Declaration.CustomStepDecl.class::isInstance),
                                !collected.problems().isEmpty(), "the declarations: " + codeNotHashed));
                    } catch (RuntimeException e) {
                        folded.completeExceptionally(e);
                    }
                }
                Set<String> names;
                try {
                    names = collected.schemas();
                } catch (RuntimeException incomplete) {
                    // A declaration too broken to name its schema: validation says what is wrong with it.
                    collected.validate(Set.of());
                    throw incomplete;
                }
                schemas.complete(names);
                validated.complete(collected.validate(names));
            } catch (Throwable t) {
                schemas.completeExceptionally(t);
                validated.completeExceptionally(t);
                folded.completeExceptionally(t);
            }
        }, "schema-sync-declarations");
        worker.setDaemon(true);
        worker.start();
        return new PendingDeclarations(schemas, validated, foldedFirst ? folded : null, proceed, blocks, caller);
    }

    /**
     * The blocks' fingerprint, as the fast path compares it with the one a verified apply recorded: of the blocks'
     * code when it can be ({@link BlocksFingerprint}), else of the folded declarations before validation (the same
     * text as {@link DeclaredSchema#fingerprint} of the validated ones: validation checks, it does not change them).
     * Equal fingerprints were valid then, and validation depends on nothing else. Without {@code foldedFirst}, taken
     * the same way here (a verified {@code --full-check} records what the next run compares).
     */
    public Folded unvalidatedFingerprint() {
        if (folded != null) return join(folded);
        Folded memo = lazilyFolded;
        if (memo != null) return memo;
        BlocksFingerprint.Result code = blocks == null ? new BlocksFingerprint.Result(null, "the blocks are not known")
                : BlocksFingerprint.of(blocks, caller);
        if (code.fingerprint() != null) {
            memo = new Folded(code.fingerprint(), false, false, "the blocks' code");
        } else {
            DeclaredSchema declared = validated();
            memo = new Folded(DeclaredSchema.fingerprint(declared.declarations()),
                    declared.declarations().stream().anyMatch(Declaration.CustomStepDecl.class::isInstance), false,
                    "the declarations: " + code.why());
        }
        lazilyFolded = memo;
        return memo;
    }

    /**
     * Lets a worker that waits for a fast path's decision run the blocks now: called as soon as the run knows
     * it will compare the full catalog (nothing recorded on the database, say), so the blocks run beside the
     * rest of the start-up instead of after it.
     */
    public void proceed() {
        if (proceed != null) proceed.complete(null);
    }

    /** The schemas the declarations name; waits for the blocks to run, not for validation. */
    public Set<String> schemas() {
        if (proceed != null) proceed.complete(null);
        return join(schemas);
    }

    /** The validated declarations; throws the validation failure (bad input) if there is one. */
    public DeclaredSchema validated() {
        if (proceed != null) proceed.complete(null);
        return join(validated);
    }

    /**
     * When another failure (say, the database is unreachable) meets invalid declarations, the
     * declarations are reported: they are what a run without a database would have said first.
     */
    public RuntimeException preferValidationFailure(RuntimeException other) {
        try {
            validated();
            return other;
        } catch (SchemaSyncException invalid) {
            return invalid;
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }
}
