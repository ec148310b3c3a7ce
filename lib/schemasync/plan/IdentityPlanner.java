package schemasync.plan;

import schemasync.step.Step;
import schemasync.model.HazardKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import schemasync.SchemaSyncException;
import schemasync.catalog.Column;
import schemasync.catalog.Column.Identity;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Sequence;
import schemasync.catalog.Table;
import schemasync.catalog.ColumnSpec;
import schemasync.dsl.Origin;
import schemasync.catalog.SequenceOptions;

/**
 * An existing column's identity: its kind (ALWAYS / BY DEFAULT) and the options of its sequence.
 * Only the options a block declares are compared (undeclared: whatever the database has is right, so
 * schemas declared before options existed do not drift). Differences are changed with PostgreSQL's
 * identity forms of ALTER COLUMN (ADD GENERATED, SET GENERATED, SET option): metadata only, a brief
 * ACCESS EXCLUSIVE lock, no row read or rewritten, and never RESTART: the next value handed out stays
 * what it was, a new START WITH only says where a later RESTART begins.
 */
final class IdentityPlanner {
    private final PlanContext context;

    IdentityPlanner(PlanContext context) {
        this.context = context;
    }

    /**
     * Plans (or reports) what the declared identity needs; decides nothing when the column is as declared.
     */
    Decisions plan(Origin origin, QualifiedName table, String column, ColumnSpec spec, Column want, Column have) {
        Decisions out = new Decisions();
        String object = table + "." + column;
        boolean sameKind = !schemasync.catalog.Differ.fields(schemasync.catalog.Differ.column(want, have)).contains("identity");
        if (sameKind && spec.identityOptions().isEmpty()) return out;
        if (want.identity() == Identity.NONE) {
            // DROP IDENTITY drops the sequence: inserts that relied on it would start failing.
            out.drift(origin, "column", object, "declared identity " + want.identity() + ", database has "
                    + have.identity() + ": not changed", HazardKind.ACCESS_EXCLUSIVE_LOCK);
            return out;
        }
        if (have.identity() == Identity.NONE) return add(origin, table, column, spec, want, have);
        Sequence sequence = sequenceOf(context.state().sequences(), table, column);
        SequenceOptions set = sequence == null ? SequenceOptions.NONE : differences(spec.identityOptions(), sequence);
        Identity kind = sameKind ? null : want.identity();
        if (kind == null && set.isEmpty()) return out;
        List<String> what = new ArrayList<>();
        if (kind != null) what.add(kind.sql().replace(" AS IDENTITY", "") + " (was " + have.identity().sql().replace(" AS IDENTITY", "") + ")");
        Sequence after = sequence;
        if (!set.isEmpty()) {
            after = applied(sequence, set);
            what.add(changes(sequence, after));
            if (after.minValue() >= after.maxValue() || after.start() < after.minValue() || after.start() > after.maxValue()) {
                throw SchemaSyncException.badInput(origin + ": column " + object + " identity: " + set.describe()
                        + " with the database's other options gives MINVALUE " + after.minValue() + ", MAXVALUE "
                        + after.maxValue() + ", START WITH " + after.start() + ", which PostgreSQL refuses: declare those too");
            }
        }
        String note = set.start() == null ? "" : "; the sequence's current value does not move (START WITH only sets where"
                + " a RESTART begins, and the tool never restarts it)";
        out.change(origin, "column", object, Summary.text("⚠ will change identity: " + String.join(", ", what) + note),
                context.before().tables().get(table), new Step.SetIdentity(table, column, kind, set));
        return out;
    }

    /**
     * ADD GENERATED ... AS IDENTITY on an existing plain column: PostgreSQL wants it NOT NULL and
     * without a default; on a table that existed before this run the sequence must start above the
     * values already there, which only the block can say (the planner reads no rows).
     */
    private Decisions add(Origin origin, QualifiedName table, String column, ColumnSpec spec, Column want, Column have) {
        Decisions out = new Decisions();
        String object = table + "." + column;
        String declared = "declared " + want.identity().sql() + (spec.identityOptions().isEmpty() ? ""
                : " (" + spec.identityOptions().describe() + ")") + ", database has none: not changed: ";
        Table original = context.before().tables().get(table);
        if (have.hasDefault()) {
            out.drift(origin, "column", object, declared + "the column has DEFAULT " + have.defaultExpr()
                    + ", and ADD GENERATED needs it dropped first (a serial's sequence then goes with a custom step)", null);
        } else if (!have.notNull()) {
            out.drift(origin, "column", object, declared + "ADD GENERATED needs the column NOT NULL first"
                    + " (ensureColumnChanged(...).notNull())", null);
        } else if (original != null && spec.identityOptions().start() == null) {
            out.drift(origin, "column", object, declared + "its sequence would start at 1 on a table that may hold"
                    + " rows; declare .startWith(n) above the column's largest value (SELECT max(" + column + ") + 1)", null);
        } else {
            SequenceOptions options = spec.identityOptions().withoutDefaults(have.type());
            out.change(origin, "column", object, Summary.text("⚠ will change: " + want.identity().sql()
                    + (options.isEmpty() ? "" : " (" + options.describe() + ")") + " on the existing column (a new sequence,"
                    + " no row rewritten)"), original, new Step.AddIdentity(table, column, want.identity(), options));
            return out;
        }
        return out;
    }

    /** The sequence of an identity column, or null (this run creates the column, or the catalog has none). */
    static Sequence sequenceOf(Map<QualifiedName, Sequence> sequences, QualifiedName table, String column) {
        for (Sequence s : sequences.values()) {
            Sequence.Owner o = s.owner();
            if (o != null && o.identity() && o.table().equals(table) && o.column().equals(column)) return s;
        }
        return null;
    }

    /** The declared options whose value the sequence does not have. */
    static SequenceOptions differences(SequenceOptions declared, Sequence have) {
        return new SequenceOptions(differs(declared.increment(), have.increment()), differs(declared.minValue(), have.minValue()),
                differs(declared.maxValue(), have.maxValue()), differs(declared.start(), have.start()),
                differs(declared.cache(), have.cache()),
                declared.cycles() == null || declared.cycles() == have.cycle() ? null : declared.cycles());
    }

    private static Long differs(Long declared, long have) {
        return declared == null || declared == have ? null : declared;
    }

    static Sequence applied(Sequence s, SequenceOptions set) {
        return new Sequence(s.name(), s.dataType(), or(set.start(), s.start()), or(set.increment(), s.increment()),
                or(set.minValue(), s.minValue()), or(set.maxValue(), s.maxValue()), or(set.cache(), s.cache()),
                set.cycles() == null ? s.cycle() : set.cycles(), s.owner());
    }

    private static long or(Long declared, long have) {
        return declared == null ? have : declared;
    }

    /** {@code INCREMENT BY 1 → 10, START WITH 1 → 1000}: both sides of each option that changes. */
    private static String changes(Sequence before, Sequence after) {
        List<String> out = new ArrayList<>();
        change(out, "INCREMENT BY ", before.increment(), after.increment());
        change(out, "MINVALUE ", before.minValue(), after.minValue());
        change(out, "MAXVALUE ", before.maxValue(), after.maxValue());
        change(out, "START WITH ", before.start(), after.start());
        change(out, "CACHE ", before.cache(), after.cache());
        if (before.cycle() != after.cycle()) out.add(after.cycle() ? "CYCLE (was NO CYCLE)" : "NO CYCLE (was CYCLE)");
        return String.join(", ", out);
    }

    private static void change(List<String> out, String option, long before, long after) {
        if (!Objects.equals(before, after)) out.add(option + before + " → " + after);
    }
}
