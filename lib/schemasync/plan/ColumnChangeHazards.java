package schemasync.plan;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which column type changes PostgreSQL makes without a rewrite (the rest rewrite the table). */
final class ColumnChangeHazards {
    private static final Pattern VARCHAR = Pattern.compile("character varying(?:\\((\\d+)\\))?");
    private static final Pattern NUMERIC = Pattern.compile("numeric(?:\\((\\d+),(\\d+)\\))?");

    private ColumnChangeHazards() {
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
