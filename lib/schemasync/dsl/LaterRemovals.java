package schemasync.dsl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import schemasync.catalog.ConstraintSpec;
import schemasync.catalog.KeyPart;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.SqlText;
import schemasync.dsl.Declaration.ColumnDecl;
import schemasync.dsl.Declaration.ConstraintsDecl;
import schemasync.dsl.Declaration.FunctionDecl;
import schemasync.dsl.Declaration.IndexDecl;
import schemasync.dsl.Declaration.IndexOptionsDecl;
import schemasync.dsl.Declaration.RemovalDecl;
import schemasync.dsl.Declaration.TableDecl;
import schemasync.dsl.Declaration.TriggerDecl;
import schemasync.dsl.Declaration.ViewDecl;
import schemasync.model.ObjectKind;

/**
 * The one removal replay of ordered blocks ({@link Superseded}'s second half): an {@code ensureNo…} of a later block
 * takes away what earlier blocks declared of the object it drops, as the DROP does on a database where those blocks
 * ran. The planner (on an empty database the object is never created) and the schema docs (the object is not shown)
 * both read the declarations this leaves; nothing else replays a removal.
 *
 * <p>The object is matched by the name it has when the removal runs: an earlier declaration is followed through the
 * renames declared between it and the removal ({@link RenameLane}), so {@code ensureNoColumn("accounts", "old_flag")}
 * after {@code users} became {@code accounts} trims the column from {@code ensureTable("users", …)}. A column removal
 * takes the earlier indexes and table constraints that use the column with it (their columns, INCLUDE list,
 * expressions, predicate or CHECK as spelled by then): PostgreSQL's {@code DROP COLUMN} drops the indexes and table
 * constraints involving the column, so declaring them still would ask for a key on a column the table no longer has.
 * A removal in the same block as the declaration is a contradiction for the validator, not a replay.
 */
final class LaterRemovals {
    private record Removal(int position, RemovalDecl decl) {
    }

    private final RenameLane lane;
    private final List<Removal> removals = new ArrayList<>();
    /** Each ensureTable by name: the options of its keys' indexes go when a column removal takes the key. */
    private final Map<QualifiedName, TableDecl> tables = new HashMap<>();
    /** Each ensureIndex by name, with where it is: its options ({@code IndexOptionsDecl}) go when a column removal takes it. */
    private final Map<QualifiedName, Integer> indexes = new HashMap<>();
    private final List<Declaration> declarations;

    private LaterRemovals(List<Declaration> declarations) {
        this.declarations = declarations;
        this.lane = new RenameLane(declarations);
        for (int i = 0; i < declarations.size(); i++) {
            Declaration d = declarations.get(i);
            if (d instanceof RemovalDecl r) removals.add(new Removal(i, r));
            if (d instanceof TableDecl t) tables.putIfAbsent(t.name(), t);
            if (d instanceof IndexDecl x) indexes.putIfAbsent(x.name(), i);
        }
    }

    /** The declarations without (or trimmed of) what a later block removes. */
    static List<Declaration> apply(List<Declaration> declarations) {
        LaterRemovals replay = new LaterRemovals(declarations);
        if (replay.removals.isEmpty()) return declarations;
        List<Declaration> kept = new ArrayList<>(declarations.size());
        for (int at = 0; at < declarations.size(); at++) {
            Declaration left = declarations.get(at);
            for (Removal r : replay.removals) {
                if (left == null) break;
                if (r.decl().origin().position() > left.origin().position()) left = replay.without(left, at, r);
            }
            if (left != null) kept.add(left);
        }
        return kept;
    }

    /** The declaration at {@code at} once the removal took its object away: itself, a trimmed one, or null. */
    private Declaration without(Declaration d, int at, Removal removal) {
        RemovalDecl r = removal.decl();
        if (d instanceof OwnerDecl w && OwnerRemovals.removes(r, w)) return null; // DROP takes the owner along
        QualifiedName table = tableOf(d);
        boolean onIt = table != null && tableAt(table, at, removal).equals(r.object());
        switch (r.kind()) {
            case TABLE -> {
                if (onIt) return null;
            }
            case COLUMN -> {
                if (onIt && d instanceof IndexOptionsDecl x) return optionsIndexUses(x, at, removal) ? null : d;
                if (onIt) return withoutColumn(d, table, at, removal);
            }
            case CONSTRAINT -> {
                if (onIt && d instanceof TableDecl t) return trimmed(t, t.constraints().stream().filter(c -> !r.column().equals(c.name())).toList());
                if (onIt && d instanceof ConstraintsDecl k) return trimmed(k, k.constraints().stream().filter(c -> !r.column().equals(c.name())).toList());
            }
            case INDEX -> {
                if (d instanceof IndexDecl i && indexAt(i.name(), at, removal).equals(r.object())) return null;
                if (d instanceof IndexOptionsDecl x && indexAt(x.index(), at, removal).equals(r.object())) return null;
            }
            case VIEW -> {
                if (d instanceof ViewDecl v && v.name().equals(r.object())) return null;
            }
            case FUNCTION -> {
                if (d instanceof FunctionDecl f && f.name().equals(r.object()) && Removals.arguments(f.arguments()).equals(Removals.arguments(r.column()))) {
                    return null;
                }
            }
            case TRIGGER -> {
                if (onIt && d instanceof TriggerDecl g && g.name().equals(r.column())) return null;
            }
            default -> {
                if (Removals.removes(r, d)) return null;
            }
        }
        return d;
    }

    /** A declaration on the table a column removal names: without the column and what uses it. */
    private Declaration withoutColumn(Declaration d, QualifiedName table, int at, Removal removal) {
        if (d instanceof ColumnDecl c) return removes(removal, table, c.column().name(), at) ? null : d;
        if (d instanceof TableDecl t) {
            List<ConstraintSpec> constraints = t.constraints().stream().filter(c -> !uses(c, table, at, removal)).toList();
            boolean keyGoes = t.primaryKey().stream().anyMatch(c -> removes(removal, table, c, at));
            TableDecl left = new TableDecl(t.name(), t.columns().stream().filter(c -> !removes(removal, table, c.name(), at)).toList(),
                    keyGoes ? List.of() : t.primaryKey(), keyGoes ? null : t.primaryKeyName(), constraints, t.comment(),
                    t.partitionBy(), keyGoes ? null : t.primaryKeyOptions(), t.origin(), t.form());
            return left.equals(t) ? t : left;
        }
        if (d instanceof ConstraintsDecl k) return trimmed(k, k.constraints().stream().filter(c -> !uses(c, table, at, removal)).toList());
        if (d instanceof IndexDecl i) return uses(i, at, removal) ? null : d;
        return d;
    }

    /**
     * Whether the index the options are for uses the column: an ensureIndex's, or a key's (named after its constraint,
     * {@link KeyIndexOptions}).
     */
    private boolean optionsIndexUses(IndexOptionsDecl x, int at, Removal removal) {
        Integer index = indexes.get(x.index());
        if (index != null) return uses((IndexDecl) declarations.get(index), index, removal);
        TableDecl t = tables.get(x.table());
        if (t == null) return false;
        String key = x.index().name();
        String primaryKey = t.primaryKeyName() != null ? t.primaryKeyName() : t.name().name() + "_pkey";
        return key.equals(primaryKey) && t.primaryKey().stream().anyMatch(c -> removes(removal, t.name(), c, at))
                || t.constraints().stream().anyMatch(c -> c.name().equals(key) && uses(c, t.name(), at, removal));
    }

    private static TableDecl trimmed(TableDecl t, List<ConstraintSpec> constraints) {
        return constraints.size() == t.constraints().size() ? t : new TableDecl(t.name(), t.columns(), t.primaryKey(),
                t.primaryKeyName(), constraints, t.comment(), t.partitionBy(), t.primaryKeyOptions(), t.origin(), t.form());
    }

    private static ConstraintsDecl trimmed(ConstraintsDecl k, List<ConstraintSpec> constraints) {
        if (constraints.size() == k.constraints().size()) return k;
        return constraints.isEmpty() ? null : new ConstraintsDecl(k.table(), constraints, k.origin());
    }

    /** Whether a constraint declared at {@code at} on {@code table} involves the column the removal drops. */
    private boolean uses(ConstraintSpec c, QualifiedName table, int at, Removal removal) {
        return uses(table, at, removal, c.columns().stream(), Stream.ofNullable(c.checkSql()));
    }

    private boolean uses(IndexDecl i, int at, Removal removal) {
        if (i.table() == null) return false;
        List<String> columns = new ArrayList<>(i.include());
        List<String> sqls = new ArrayList<>();
        if (i.where() != null) sqls.add(i.where());
        for (KeyPart k : i.keys()) {
            if (k instanceof KeyPart.ColumnKey c) columns.add(c.column());
            else if (k instanceof KeyPart.ExpressionKey e) sqls.add(e.sql());
            else if (k instanceof KeyPart.RawKey raw) sqls.add(raw.sql());
        }
        return tableAt(i.table(), at, removal).equals(removal.decl().object())
                && uses(i.table(), at, removal, columns.stream(), sqls.stream());
    }

    /** Some of these columns, or some of these SQL texts as spelled by the removal's turn, is the removed column. */
    private boolean uses(QualifiedName table, int at, Removal removal, Stream<String> columns, Stream<String> sqls) {
        String column = removal.decl().column();
        return columns.anyMatch(c -> removes(removal, table, c, at)) || sqls.anyMatch(s -> SqlText.mentions(
                lane.columnsInSql(s, table, lane.names(ObjectKind.TABLE, table, at, removal.position()), at, removal.position()), column));
    }

    /** Whether the column declared at {@code at} is, by the removal's turn, the one it drops. */
    private boolean removes(Removal removal, QualifiedName table, String column, int at) {
        DesiredState.ColumnName now = lane.column(table, column, at, removal.position());
        return now.table().equals(removal.decl().object()) && now.column().equals(removal.decl().column());
    }

    private QualifiedName tableAt(QualifiedName table, int at, Removal removal) {
        return lane.follow(ObjectKind.TABLE, table, at, removal.position());
    }

    private QualifiedName indexAt(QualifiedName index, int at, Removal removal) {
        return lane.follow(ObjectKind.INDEX, index, at, removal.position());
    }

    /** The table a declaration is on (or is), when a table's removal or a removal on a table concerns it. */
    private static QualifiedName tableOf(Declaration d) {
        if (d instanceof TableDecl t) return t.name();
        if (d instanceof ColumnDecl c) return c.table();
        if (d instanceof ConstraintsDecl k) return k.table();
        if (d instanceof IndexDecl i) return i.table();
        if (d instanceof TriggerDecl g) return g.table();
        if (d instanceof Declaration.TableOptionsDecl t) return t.table();
        if (d instanceof IndexOptionsDecl x) return x.table();
        return null;
    }
}
