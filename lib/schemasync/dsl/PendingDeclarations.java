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

    /** The fingerprint of the folded declarations, whether any is a custom step, and whether the block list had problems. */
    public record Folded(String fingerprint, boolean customSteps, boolean listProblems) {
    }

    private PendingDeclarations(CompletableFuture<Set<String>> schemas, CompletableFuture<DeclaredSchema> validated,
                                CompletableFuture<Folded> folded) {
        this.schemas = schemas;
        this.validated = validated;
        this.folded = folded;
    }

    /** Already validated: nothing runs beside the caller. */
    public static PendingDeclarations of(DeclaredSchema declared) {
        return new PendingDeclarations(CompletableFuture.completedFuture(declared.managedSchemas()),
                CompletableFuture.completedFuture(declared), null);
    }

    /** Starts running and validating {@code blocks} on a daemon thread. */
    public static PendingDeclarations start(List<? extends ChangeBlock> blocks) {
        return start(blocks, false);
    }

    /**
     * As above; with {@code foldedFirst} (an {@code --apply} that may take the fast path) the thread hashes the
     * folded declarations before it validates them: the fast path needs only that hash, and when it is not taken,
     * validation still ends long before the full catalog read and normalization need it.
     */
    public static PendingDeclarations start(List<? extends ChangeBlock> blocks, boolean foldedFirst) {
        CompletableFuture<Set<String>> schemas = new CompletableFuture<>();
        CompletableFuture<DeclaredSchema> validated = new CompletableFuture<>();
        CompletableFuture<Folded> folded = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                DeclaredSchema.Collected collected = DeclaredSchema.collect(blocks);
                if (foldedFirst) {
                    try {
                        folded.complete(new Folded(DeclaredSchema.fingerprint(collected.declarations()),
                                collected.declarations().stream().anyMatch(Declaration.CustomStepDecl.class::isInstance),
                                !collected.problems().isEmpty()));
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
        return new PendingDeclarations(schemas, validated, foldedFirst ? folded : null);
    }

    /**
     * The folded declarations' fingerprint before validation (the same text as {@link DeclaredSchema#fingerprint}
     * of the validated ones: validation checks, it does not change them). A fast path compares it with the one a
     * verified apply recorded: equal declarations were valid then, and validation depends on nothing else.
     * Without {@code foldedFirst}, it waits for validation.
     */
    public Folded unvalidatedFingerprint() {
        if (folded != null) return join(folded);
        DeclaredSchema declared = validated();
        return new Folded(DeclaredSchema.fingerprint(declared.declarations()),
                declared.declarations().stream().anyMatch(Declaration.CustomStepDecl.class::isInstance), false);
    }

    /** The schemas the declarations name; waits for the blocks to run, not for validation. */
    public Set<String> schemas() {
        return join(schemas);
    }

    /** The validated declarations; throws the validation failure (bad input) if there is one. */
    public DeclaredSchema validated() {
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
