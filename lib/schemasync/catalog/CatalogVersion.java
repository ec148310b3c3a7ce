package schemasync.catalog;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.TreeSet;

/**
 * A cheap version of the catalog rows {@link CatalogReader} depends on, for the managed schemas: per
 * catalog, how many rows and the sum of their row versions ({@code xmin}, the id of the transaction that
 * last wrote the row). No deparse function runs, so a new session does not warm the caches that
 * pg_get_indexdef and friends need: one set-based query, a few tens of milliseconds on 2,000 tables.
 *
 * <p>Why it moves with any DDL: every CREATE, ALTER, GRANT, COMMENT, RENAME or DROP inserts, updates
 * (a new row version) or deletes a catalog row, and a new row version carries the id of the writing
 * transaction, newer than every id already in the catalog. An insert or a delete changes a count; an
 * update changes the sum by (new id − old id), which is never zero (ids repeat only after 2³² transactions,
 * and then only the same row rewritten by a transaction whose id is equal modulo 2³² would go unseen).
 * VACUUM and ANALYZE update pg_class in place (statistics, no new row version): they do not count, as
 * the reader's statistics only size hazards of steps a no-op does not have.
 *
 * <p>What is covered: the managed schemas' rows in pg_namespace (incl. nspacl), pg_class (incl. relacl,
 * reloptions, relispartition and relpartbound: ATTACH/DETACH PARTITION), pg_attribute (incl. attacl), pg_attrdef,
 * pg_constraint (of tables and domains), pg_index (and its validity flags, which CREATE INDEX CONCURRENTLY may
 * set in place), pg_trigger, pg_policy, pg_rewrite (view definitions and rules), pg_statistic_ext (ANALYZE writes
 * pg_statistic_ext_data, never these rows), pg_sequence, pg_type (range types: pg_range
 * rows never change after CREATE TYPE), pg_enum, pg_collation, pg_ts_dict, pg_ts_config, pg_ts_config_map, pg_operator, pg_opfamily, pg_opclass, pg_conversion, pg_proc; user casts (pg_cast, oid 16384 on), user
 * operator family members (pg_amop, pg_amproc, oid 16384 on)
 * (aggregates included: CREATE OR REPLACE AGGREGATE rewrites its pg_proc row); database-wide: pg_default_acl,
 * pg_extension, the role names (grants, owners and policies show role names: a rename changes the reading),
 * comments (pg_description) on the managed schemas and on every object created after initdb (oid 16384 on),
 * security labels (pg_seclabel, every row: a database without a label provider has none),
 * and the pg_depend rows of those objects that the reader interprets: ownership ('a', 'i': OWNED BY, identity),
 * extension membership ('e'), and normal dependencies on a type, function, table, collation or operator class
 * created after initdb, whose row and schema are covered too (renaming one elsewhere changes how format_type,
 * pg_get_expr or pg_get_viewdef spell it). Over-covering is safe: DDL on unmanaged objects may cost a full
 * comparison, never a wrong fast path. Not covered on purpose: pg_db_role_setting (shared; the recorded
 * fingerprint lives there) and statistics. Foreign servers, foreign tables, publications, their tables and event
 * triggers count by row version; user mappings only by their ids (pg_user_mapping itself is readable by superusers
 * only), so a mapping's changed options and a publication's TABLES IN SCHEMA list (pg_publication_namespace, 15+)
 * move the reading only with other DDL. Read but not covered, and why: pg_inherits (each link has its pg_depend row,
 * which 'depend' counts: an INHERIT of a parent without columns moves the reading), pg_aggregate (CREATE OR REPLACE
 * AGGREGATE rewrites the pg_proc row too), pg_range (never changes after CREATE TYPE), pg_seclabels (a view over
 * pg_seclabel), pg_am, pg_ts_parser, pg_ts_template and pg_foreign_data_wrapper (built in or an extension's, which
 * pg_extension covers; a server's wrapper is in its pg_foreign_server row). {@code CatalogVersionCoversTheReadCatalogsTest}
 * fails for a catalog the reader reads that this text does not name.
 */
public final class CatalogVersion {
    private CatalogVersion() {
    }

    /**
     * {@code rows}: the version text (per catalog "name=count/sum", the server version and the current
     * role, whose privileges the normalizer sees); {@code recorded}: the database-level setting
     * {@code schema_sync.fingerprint} as this session saw it at start (null when unset).
     */
    public record Reading(String rows, String recorded) {
    }

    public static final String SETTING = "schema_sync.fingerprint";

    /**
     * The managed schemas as the setting holds them: each name's UTF-8 bytes in hex, comma-separated (a schema
     * name may hold any character but NUL; hex digits and commas survive the setting and split_part/decode).
     */
    public static String encodeSchemas(Collection<String> managedSchemas) {
        java.util.StringJoiner joined = new java.util.StringJoiner(",");
        for (String s : new TreeSet<>(managedSchemas)) {
            joined.add(java.util.HexFormat.of().formatHex(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return joined.length() == 0 ? "-" : joined.toString();
    }

    static final String SQL = """
            -- schema-sync: catalog version (fast path)
            WITH ns AS (SELECT n.oid, n.xmin::text::bigint AS x FROM pg_catalog.pg_namespace n
                        WHERE n.nspname = ANY (COALESCE(?::text[], ARRAY(
                            SELECT pg_catalog.convert_from(pg_catalog.decode(h, 'hex'), 'UTF8')
                            FROM pg_catalog.unnest(pg_catalog.string_to_array(pg_catalog.split_part(
                                pg_catalog.current_setting('schema_sync.fingerprint', true), ' ', 4), ',')) AS h
                            WHERE h ~ '^[0-9a-f]+$')))),
            rel AS (SELECT c.oid, c.xmin::text::bigint AS x FROM pg_catalog.pg_class c WHERE c.relnamespace IN (SELECT oid FROM ns)),
            typ AS (SELECT t.oid, t.xmin::text::bigint AS x FROM pg_catalog.pg_type t WHERE t.typnamespace IN (SELECT oid FROM ns)),
            fn AS (SELECT p.oid, p.xmin::text::bigint AS x FROM pg_catalog.pg_proc p WHERE p.pronamespace IN (SELECT oid FROM ns)),
            con AS (SELECT k.oid, k.xmin::text::bigint AS x FROM pg_catalog.pg_constraint k WHERE k.connamespace IN (SELECT oid FROM ns)),
            trg AS (SELECT g.oid, g.xmin::text::bigint AS x FROM pg_catalog.pg_trigger g WHERE g.tgrelid IN (SELECT oid FROM rel)),
            pol AS (SELECT p.oid, p.xmin::text::bigint AS x FROM pg_catalog.pg_policy p WHERE p.polrelid IN (SELECT oid FROM rel)),
            rw AS (SELECT w.oid, w.xmin::text::bigint AS x FROM pg_catalog.pg_rewrite w WHERE w.ev_class IN (SELECT oid FROM rel)),
            df AS (SELECT d.oid, d.xmin::text::bigint AS x FROM pg_catalog.pg_attrdef d WHERE d.adrelid IN (SELECT oid FROM rel)),
            dep AS (SELECT d.refclassid, d.refobjid, d.xmin::text::bigint AS x FROM pg_catalog.pg_depend d
                    WHERE d.objid >= 16384
                      AND (d.deptype = 'e'
                           OR d.deptype IN ('a', 'i') AND d.classid = 'pg_catalog.pg_class'::regclass
                           OR d.deptype = 'n' AND d.refobjid >= 16384 AND d.refclassid IN ('pg_catalog.pg_type'::regclass,
                               'pg_catalog.pg_proc'::regclass, 'pg_catalog.pg_class'::regclass,
                               'pg_catalog.pg_collation'::regclass, 'pg_catalog.pg_opclass'::regclass))),
            v (tag, n, s) AS (
                SELECT 'namespace', count(*), sum(x) FROM ns
                UNION ALL SELECT 'class', count(*), sum(x) FROM rel
                UNION ALL SELECT 'type', count(*), sum(x) FROM typ
                UNION ALL SELECT 'proc', count(*), sum(x) FROM fn
                UNION ALL SELECT 'constraint', count(*), sum(x) FROM con
                UNION ALL SELECT 'trigger', count(*), sum(x) FROM trg
                UNION ALL SELECT 'policy', count(*), sum(x) FROM pol
                UNION ALL SELECT 'rewrite', count(*), sum(x) FROM rw
                UNION ALL SELECT 'attrdef', count(*), sum(x) FROM df
                UNION ALL SELECT 'attribute', count(*), sum(a.xmin::text::bigint) FROM pg_catalog.pg_attribute a
                          WHERE a.attrelid IN (SELECT c.oid FROM pg_catalog.pg_class c
                                               WHERE c.relkind IN ('r', 'p', 'm', 'v', 'c', 'f')
                                                 AND c.relnamespace IN (SELECT oid FROM ns)) AND a.attnum > 0
                UNION ALL SELECT 'index', count(*) FILTER (WHERE i.indisvalid AND i.indisready AND i.indislive),
                                 sum(i.xmin::text::bigint) + count(*) FROM pg_catalog.pg_index i WHERE i.indrelid IN (SELECT oid FROM rel)
                UNION ALL SELECT 'sequence', count(*), sum(s.xmin::text::bigint) FROM pg_catalog.pg_sequence s
                          WHERE s.seqrelid IN (SELECT oid FROM rel)
                UNION ALL SELECT 'enum', count(*), sum(e.xmin::text::bigint) FROM pg_catalog.pg_enum e
                          WHERE e.enumtypid IN (SELECT oid FROM typ)
                UNION ALL SELECT 'collation', count(*), sum(c.xmin::text::bigint) FROM pg_catalog.pg_collation c
                          WHERE c.collnamespace IN (SELECT oid FROM ns)
                UNION ALL SELECT 'operator', count(*), sum(o.xmin::text::bigint) FROM pg_catalog.pg_operator o
                          WHERE o.oprnamespace IN (SELECT oid FROM ns)
                UNION ALL SELECT 'cast', count(*), sum(c.xmin::text::bigint) FROM pg_catalog.pg_cast c WHERE c.oid >= 16384
                UNION ALL SELECT 'conversion', count(*), sum(c.xmin::text::bigint) FROM pg_catalog.pg_conversion c
                          WHERE c.connamespace IN (SELECT oid FROM ns)
                UNION ALL SELECT 'operator_class', count(*), sum(x) FROM (
                          SELECT f.xmin::text::bigint AS x FROM pg_catalog.pg_opfamily f WHERE f.opfnamespace IN (SELECT oid FROM ns)
                          UNION ALL SELECT c.xmin::text::bigint FROM pg_catalog.pg_opclass c WHERE c.opcnamespace IN (SELECT oid FROM ns)
                          UNION ALL SELECT o.xmin::text::bigint FROM pg_catalog.pg_amop o WHERE o.oid >= 16384
                          UNION ALL SELECT p.xmin::text::bigint FROM pg_catalog.pg_amproc p WHERE p.oid >= 16384) oc
                UNION ALL SELECT 'statistic_ext', count(*), sum(s.xmin::text::bigint) FROM pg_catalog.pg_statistic_ext s
                          WHERE s.stxnamespace IN (SELECT oid FROM ns)
                UNION ALL SELECT 'text_search', count(*), sum(x) FROM (
                          SELECT d.xmin::text::bigint AS x FROM pg_catalog.pg_ts_dict d WHERE d.dictnamespace IN (SELECT oid FROM ns)
                          UNION ALL SELECT c.xmin::text::bigint FROM pg_catalog.pg_ts_config c WHERE c.cfgnamespace IN (SELECT oid FROM ns)
                          UNION ALL SELECT m.xmin::text::bigint FROM pg_catalog.pg_ts_config_map m
                                    JOIN pg_catalog.pg_ts_config c ON c.oid = m.mapcfg WHERE c.cfgnamespace IN (SELECT oid FROM ns)) ts
                UNION ALL SELECT 'description', count(*), sum(d.xmin::text::bigint) FROM pg_catalog.pg_description d
                          WHERE d.objoid >= 16384 OR d.objoid IN (SELECT oid FROM ns)
                UNION ALL SELECT 'seclabel', count(*), sum(l.xmin::text::bigint) FROM pg_catalog.pg_seclabel l
                UNION ALL SELECT 'default_acl', count(*), sum(d.xmin::text::bigint) FROM pg_catalog.pg_default_acl d
                          WHERE d.defaclnamespace = 0 OR d.defaclnamespace IN (SELECT oid FROM ns)
                UNION ALL SELECT 'extension', count(*), sum(e.xmin::text::bigint) FROM pg_catalog.pg_extension e
                UNION ALL SELECT 'external', count(*), sum(x) FROM (
                          SELECT xmin::text::bigint AS x FROM pg_catalog.pg_foreign_server
                          UNION ALL SELECT xmin::text::bigint FROM pg_catalog.pg_foreign_table
                          UNION ALL SELECT xmin::text::bigint FROM pg_catalog.pg_publication
                          UNION ALL SELECT xmin::text::bigint FROM pg_catalog.pg_publication_rel
                          UNION ALL SELECT xmin::text::bigint FROM pg_catalog.pg_event_trigger
                          UNION ALL SELECT umid::bigint FROM pg_catalog.pg_user_mappings) ext
                UNION ALL SELECT 'roles', count(*), sum(pg_catalog.hashtextextended(r.rolname::text, r.oid::bigint)) FROM pg_catalog.pg_roles r
                UNION ALL SELECT 'depend', count(*), sum(x) FROM dep
                UNION ALL SELECT 'ref_type', count(*), sum(t.xmin::text::bigint + n.xmin::text::bigint) FROM pg_catalog.pg_type t
                          JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
                          WHERE t.oid IN (SELECT refobjid FROM dep WHERE refclassid = 'pg_catalog.pg_type'::regclass)
                UNION ALL SELECT 'ref_proc', count(*), sum(p.xmin::text::bigint + n.xmin::text::bigint) FROM pg_catalog.pg_proc p
                          JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
                          WHERE p.oid IN (SELECT refobjid FROM dep WHERE refclassid = 'pg_catalog.pg_proc'::regclass)
                UNION ALL SELECT 'ref_class', count(*), sum(c.xmin::text::bigint + n.xmin::text::bigint) FROM pg_catalog.pg_class c
                          JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                          WHERE c.oid IN (SELECT refobjid FROM dep WHERE refclassid = 'pg_catalog.pg_class'::regclass)
                UNION ALL SELECT 'ref_collation', count(*), sum(c.xmin::text::bigint + n.xmin::text::bigint)
                          FROM pg_catalog.pg_collation c JOIN pg_catalog.pg_namespace n ON n.oid = c.collnamespace
                          WHERE c.oid IN (SELECT refobjid FROM dep WHERE refclassid = 'pg_catalog.pg_collation'::regclass)
                UNION ALL SELECT 'ref_opclass', count(*), sum(c.xmin::text::bigint + n.xmin::text::bigint)
                          FROM pg_catalog.pg_opclass c JOIN pg_catalog.pg_namespace n ON n.oid = c.opcnamespace
                          WHERE c.oid IN (SELECT refobjid FROM dep WHERE refclassid = 'pg_catalog.pg_opclass'::regclass))
            SELECT pg_catalog.string_agg(tag || '=' || n || '/' || COALESCE(s, 0), ' ' ORDER BY tag)
                       || ' server=' || pg_catalog.current_setting('server_version_num') || ' role=' || current_user,
                   pg_catalog.current_setting('schema_sync.fingerprint', true)
            FROM v
            """;

    /**
     * One statement, one snapshot: inside the caller's transaction if one is open (the catalog read's).
     *
     * @param managedSchemas the schemas to cover; null for those the recorded setting names (its fourth field,
     *                       {@link #encodeSchemas}): a fast path reads them before the blocks have run, and a
     *                       recorded key only matches blocks that manage exactly those schemas
     */
    public static Reading read(Connection connection, Collection<String> managedSchemas) throws SQLException {
        Array schemas = managedSchemas == null ? null : connection.createArrayOf("text", new TreeSet<>(managedSchemas).toArray());
        try (PreparedStatement ps = connection.prepareStatement(SQL)) {
            if (schemas == null) ps.setNull(1, java.sql.Types.ARRAY);
            else ps.setArray(1, schemas);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String recorded = rs.getString(2);
                return new Reading(rs.getString(1), recorded == null || recorded.isEmpty() ? null : recorded);
            }
        }
    }
}
