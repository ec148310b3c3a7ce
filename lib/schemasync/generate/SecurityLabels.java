package schemasync.generate;

import java.util.List;
import schemasync.catalog.SqlText;

/**
 * Security labels (pg_seclabel, {@code SECURITY LABEL FOR provider ON kind object IS 'label'}) on the objects of the
 * managed schemas and on the schemas themselves. PostgreSQL accepts a label only for a provider a loaded module
 * registers (sepgsql, or an extension's own); without one every SECURITY LABEL fails with "no security label
 * providers have been loaded", so the DSL has no verb for them: generate writes each as a guarded custom step named
 * after it, in a block of their own after the owners, and lists it among the custom steps to review. The target
 * must load the same provider (shared_preload_libraries) or the apply names PostgreSQL's error and changes nothing.
 * The catalog does not model them: the census counts them as not compared by plans or the round trip. Labels on
 * roles, databases and tablespaces (pg_shseclabel: cluster objects, no schema's) are not read, as no schema holds them.
 */
final class SecurityLabels {
    private SecurityLabels() {
    }

    /** One label: {@code objectType} and {@code object} as pg_seclabels prints them ({@code column}, {@code shop.orders.note}). */
    record Label(String objectType, String object, String provider, String label) {
        /** The statement pg_dump writes for it; the object name is pg_seclabels' own, already quoted where needed. */
        String sql() {
            return "SECURITY LABEL FOR " + SqlText.quoteIdent(provider) + " ON " + objectType.toUpperCase(java.util.Locale.ROOT) + " "
                    + object + " IS " + SqlText.literal(label);
        }

        /** True while the object does not carry this label from this provider: the custom step is needed. */
        String guard() {
            return "SELECT NOT EXISTS (SELECT 1 FROM pg_catalog.pg_seclabels WHERE objtype = " + SqlText.literal(objectType)
                    + " AND objname = " + SqlText.literal(object) + " AND provider = " + SqlText.literal(provider)
                    + " AND label = " + SqlText.literal(label) + ")";
        }
    }

    /**
     * The labels of the managed schemas' objects and of those schemas, runnable in psql (replace the parameters by
     * {@code '{public}'::text[]}). Read under the generator's search_path (pg_catalog), so every name comes out
     * schema-qualified. Never a question mark in this text but the parameters: the reader counts them.
     */
    static final String LABELS = """
            -- schema-sync generate: security labels
            WITH managed AS (SELECT n.oid FROM pg_catalog.pg_namespace n WHERE n.nspname = ANY (?))
            SELECT l.objtype, l.objname, l.provider, l.label
            FROM pg_catalog.pg_seclabels l
            WHERE l.objnamespace IN (SELECT oid FROM managed)
               OR l.objtype = 'schema' AND l.objoid IN (SELECT oid FROM managed)
            ORDER BY 1, 2, 3
            """;

    static void write(Generator g, List<Label> labels) {
        if (labels.isEmpty()) return;
        g.startBlock("Security labels", "Security labels: no DSL verb (they need a label provider loaded on the server), written as"
                + " the statements pg_dump writes, each applied while the object does not carry it");
        for (Label l : labels) {
            g.add(g.custom("security label " + l.provider() + " on " + l.objectType() + " " + l.object(),
                    "security labels need a label provider loaded (sepgsql): the target must load " + l.provider(), l.guard(), l.sql()));
        }
    }
}
