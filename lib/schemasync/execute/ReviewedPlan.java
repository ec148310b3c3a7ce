package schemasync.execute;

import java.util.List;
import schemasync.SchemaSyncException;

/**
 * A plan someone reviewed ({@code --plan-out}), to be applied exactly ({@code --apply --plan}). It
 * records what it was computed against: the tool version, the change blocks and the catalog. The
 * apply refuses it when any of them changed; when the database has meanwhile converged, there is
 * nothing to apply and the apply says so.
 */
public record ReviewedPlan(String toolVersion, String blocksFingerprint, String catalogFingerprint, List<String> sql) {

    public ReviewedPlan {
        sql = List.copyOf(sql);
    }

    /** Before connecting: same tool, same blocks. */
    public void requireSameInputs(String currentToolVersion, String currentBlocksFingerprint) {
        if (!toolVersion.equals(currentToolVersion)) {
            throw stale("it was made by Schema Sync " + toolVersion + ", this is " + currentToolVersion);
        }
        if (!blocksFingerprint.equals(currentBlocksFingerprint)) {
            throw stale("the change blocks changed since it was made");
        }
    }

    /** Under the lock, with a non-empty plan: the database must still be the one reviewed. */
    void requireCurrent(String currentCatalogFingerprint, List<String> currentSql) {
        if (!catalogFingerprint.equals(currentCatalogFingerprint)) {
            throw stale("the database changed since it was made");
        }
        if (!sql.equals(currentSql)) {
            throw stale("planning again gives different statements");
        }
    }

    private static SchemaSyncException stale(String why) {
        return new SchemaSyncException(SchemaSyncException.Code.PLAN_STALE, "the reviewed plan is stale: " + why
                + "; nothing was changed. Make and review a new plan (--dry-run --plan-out FILE)");
    }
}
