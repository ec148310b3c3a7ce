package schemasync.dsl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import schemasync.SchemaSyncException;

/**
 * What a change block's {@code declare(SchemaChanges db)} talks to. Every method is a declaration ("this
 * must exist, like this"), never a command: the planner decides what, if anything, to run. Names are
 * {@code name} (schema {@code public}) or {@code schema.name}; case and reserved words are kept as
 * written, since every identifier is quoted when rendered.
 *
 * <p>The verbs live in the classes it extends, one family each ({@link ObjectDeclarations}, {@link RelationDeclarations},
 * {@link KindDeclarations}, {@link StatisticsRuleDeclarations}, {@link ChangeDeclarations}, {@link ExternalDeclarations},
 * {@link PrivilegeDeclarations}); this class holds one fold's state: the declarations so far, the block declaring,
 * and the tenant the fold is for.
 */
public class SchemaChanges extends ObjectDeclarations {
    private final List<Declaration> declarations = new ArrayList<>();
    /**
     * Fluent declarations (indexes, triggers) have no terminal call: a placeholder keeps their place
     * in {@link #declarations} until the block's {@code declare} returns, then the builder is read.
     */
    private final Map<Integer, Supplier<Declaration>> pending = new LinkedHashMap<>();
    private final TenantScope scope;
    private Origin origin;

    SchemaChanges(TenantScope scope) { // only DeclaredSchema runs blocks (through the deprecated subclass Schema, which old blocks take)
        this.scope = scope;
    }

    /** Runs every block in order and returns its declarations, each tagged with its block; names resolved for {@code scope}. */
    static List<Declaration> collect(List<? extends ChangeBlock> blocks, TenantScope scope) {
        SchemaChanges db = new Schema(scope);
        int position = 0;
        for (ChangeBlock block : blocks) {
            db.origin = new Origin(block.id(), block.description(), ++position);
            Deprecations.oldDeclare(block);
            try {
                block.declare(db);
            } catch (RuntimeException e) {
                throw SchemaSyncException.badInput(block.id() + " failed while declaring: "
                        + (e.getMessage() == null ? e.toString() : e.getMessage()));
            }
            db.finishPending();
        }
        return List.copyOf(db.declarations);
    }

    @Override
    void add(Declaration declaration) {
        declarations.add(declaration);
    }

    @Override
    Origin currentOrigin() {
        return origin;
    }

    @Override
    SchemaChanges self() {
        return this;
    }

    @Override
    TenantScope scope() {
        return scope;
    }

    @Override
    void placeholder(Supplier<Declaration> declaration) {
        declarations.add(null);
        pending.put(declarations.size() - 1, declaration);
    }

    private void finishPending() {
        pending.forEach((position, declaration) -> declarations.set(position, declaration.get()));
        pending.clear();
    }
}
