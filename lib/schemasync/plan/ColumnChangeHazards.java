package schemasync.plan;

import schemasync.model.HazardKind;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import schemasync.catalog.Table;

/** Hazards of the steps that change an existing column (type, nullability, default, identity). */
final class ColumnChangeHazards {
    private static final Pattern VARCHAR = Pattern.compile("character varying(?:\\((\\d+)\\))?");
    private static final Pattern NUMERIC = Pattern.compile("numeric(?:\\((\\d+),(\\d+)\\))?");

    private ColumnChangeHazards() {
    }

    static List<Hazard> classify(Step step, Table table, String size, boolean small) {
        String name = table.name().toString();
        if (step instanceof Step.AlterColumnType a) {
            if (a.using() == null && binaryCoercible(a.from(), a.to())) {
                return List.of(new Hazard(HazardKind.ACCESS_EXCLUSIVE_LOCK, "brief ACCESS EXCLUSIVE lock on " + name + ": "
                        + a.from() + " to " + a.to() + " needs no rewrite"));
            }
            return List.of(small ? new Hazard(HazardKind.ACCESS_EXCLUSIVE_LOCK, "rewrites " + name + " (small: " + size
                    + ") under a brief ACCESS EXCLUSIVE lock")
                    : new Hazard(HazardKind.TABLE_REWRITE, "rewrites every row of " + name + " (" + size + ") and rebuilds"
                    + " its indexes under an ACCESS EXCLUSIVE lock: reads and writes wait until it finishes"));
        }
        if (step instanceof Step.AddIdentity || step instanceof Step.SetIdentity) {
            // AT_AddIdentity / AT_SetIdentity: catalog rows of the column and its sequence, no row read.
            return List.of(new Hazard(HazardKind.ACCESS_EXCLUSIVE_LOCK, "brief ACCESS EXCLUSIVE lock on " + name
                    + ": metadata only (the identity's sequence), no row read or rewritten"));
        }
        if (step instanceof Step.SetNotNull n) {
            if (n.provenBy() != null) {
                return List.of(new Hazard(HazardKind.ACCESS_EXCLUSIVE_LOCK, "brief ACCESS EXCLUSIVE lock on " + name
                        + " after the commit, in its own transaction: no scan, the validated " + n.provenBy() + " proves it"));
            }
            return List.of(small ? HazardClassifier.brief(name) : new Hazard(HazardKind.FULL_SCAN_UNDER_LOCK,
                    "SET NOT NULL reads " + name + " (" + size + ") under an ACCESS EXCLUSIVE lock"));
        }
        return List.of();
    }

    /**
     * Changes PostgreSQL makes without touching the rows (ALTER TABLE skips the rewrite when the old
     * type is binary-coercible to the new one and no typmod shrinks): a longer or unlimited varchar,
     * varchar to text, a numeric with more precision and the same scale.
     */
    static boolean binaryCoercible(String from, String to) {
        if (from == null || to == null) return false;
        if (from.equals(to)) return true;
        Matcher f = VARCHAR.matcher(from);
        if (f.matches() || from.equals("text")) {
            if (to.equals("text")) return true;
            Matcher t = VARCHAR.matcher(to);
            if (!t.matches()) return false;
            if (t.group(1) == null) return true;
            return f.matches() && f.group(1) != null && Integer.parseInt(t.group(1)) >= Integer.parseInt(f.group(1));
        }
        Matcher nf = NUMERIC.matcher(from), nt = NUMERIC.matcher(to);
        if (nf.matches() && nt.matches()) {
            if (nt.group(1) == null) return true;
            return nf.group(1) != null && nf.group(2).equals(nt.group(2))
                    && Integer.parseInt(nt.group(1)) >= Integer.parseInt(nf.group(1));
        }
        return false;
    }
}
