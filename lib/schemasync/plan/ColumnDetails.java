package schemasync.plan;

import schemasync.model.HazardKind;
import java.util.Objects;
import schemasync.catalog.Column;
import schemasync.catalog.Domain;
import schemasync.dsl.Origin;

/**
 * Column details beyond type, nullability and default: a stored generated column's expression and
 * the column's collation. Both are reported when they differ, never altered: a new generation
 * expression (ALTER COLUMN ... SET EXPRESSION, PG 17) recomputes every row, and a new collation is an
 * ALTER COLUMN TYPE that rebuilds the indexes on the column, both under an ACCESS EXCLUSIVE lock.
 */
final class ColumnDetails {
    private ColumnDetails() {
    }

    static Decisions drift(PlanContext context, Origin origin, String object, Column want, Column have) {
        Decisions out = new Decisions();
        if (!Objects.equals(want.generated(), have.generated()) || want.virtual() != have.virtual()) {
            out.drift(origin, "column", object, "declared " + generated(want) + ", database has " + generated(have)
                    + ": not changed: it would recompute every row", HazardKind.TABLE_REWRITE);
        }
        if (!Objects.equals(want.collation(), have.collation())) {
            out.drift(origin, "column", object, "declared COLLATE " + collation(want) + ", database has COLLATE "
                    + collation(have) + ": not changed: changing it rebuilds the column's indexes under an ACCESS EXCLUSIVE lock",
                    HazardKind.ACCESS_EXCLUSIVE_LOCK);
        }
        return out;
    }

    private static String generated(Column c) {
        return c.generated() == null ? "no generation expression"
                : "GENERATED ALWAYS AS (" + c.generated() + (c.virtual() ? ") VIRTUAL" : ") STORED");
    }

    private static String collation(Column c) {
        return c.collation() == null ? "(the type's default)" : Domain.collation(c.collation());
    }
}
