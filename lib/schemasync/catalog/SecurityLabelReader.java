package schemasync.catalog;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the security labels in {@link CatalogReader}'s one batch: one query over pg_seclabels, runnable in psql with
 * the managed schemas as {@code $1}. The objects of the managed schemas, those schemas themselves, and the
 * database-level objects the DSL declares (publications, event triggers: pg_seclabels gives them no namespace).
 * Labels on roles, databases and tablespaces live in pg_shseclabel (cluster objects) and are not read. The names come
 * out as pg_seclabels prints them under the reader's search_path (pg_catalog): schema-qualified, quoted where needed.
 */
final class SecurityLabelReader {
    private SecurityLabelReader() {
    }

    static final String LABELS = """
            -- schema-sync: security labels
            WITH managed AS (SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = ANY (?))
            SELECT l.provider, l.objtype, l.objname, l.label
            FROM pg_catalog.pg_seclabels l
            WHERE l.objnamespace IN (SELECT oid FROM managed)
               OR l.objtype = 'schema' AND l.objoid IN (SELECT oid FROM managed)
               OR l.objtype IN ('publication', 'event trigger')
            ORDER BY 1, 2, 3
            """;

    /** Adds the query to the batch; the map fills when the batch runs. */
    static Map<SecurityLabelTarget, String> addTo(CatalogReader.Batch batch) {
        Map<SecurityLabelTarget, String> labels = new LinkedHashMap<>();
        batch.add(LABELS, rs -> labels.put(new SecurityLabelTarget(rs.getString(1), rs.getString(2), rs.getString(3)),
                rs.getString(4)));
        return labels;
    }
}
