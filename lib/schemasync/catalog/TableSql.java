package schemasync.catalog;

/**
 * The catalog queries for tables and what hangs off them: columns, indexes, constraints, triggers and policies (the
 * conventions are {@link CatalogSql}'s: set-based, managed schemas only, never an extension's objects, one parameter,
 * runnable in psql with {@code ?} replaced by {@code '{public}'::text[]}). Read by {@link TableReader}.
 */
final class TableSql {
    private TableSql() {
    }

    /**
     * Tables: ordinary ('r') and partitioned ('p'). reltuples is an estimate (-1 = never analyzed
     * on PG 14+), relpages the size in pages at the last VACUUM / ANALYZE; both only size hazards
     * (pg_relation_size would be exact, but it takes a lock and could queue behind the very DDL
     * whose cost we want to describe). Partitions are flagged so that run-time partitions are not called drift.
     */
    static final String TABLES = """
            -- schema-sync: tables
            SELECT n.nspname, c.relname,
                   -- Before PG 14 a never-analyzed table reads 0 rows / 0 pages, like an empty one: say unknown.
                   CASE WHEN pg_catalog.current_setting('server_version_num')::int < 140000
                             AND c.reltuples = 0 AND c.relpages = 0 THEN -1
                        ELSE c.reltuples::bigint END AS reltuples,
                   c.relispartition,
                   d.description, c.relrowsecurity, c.relforcerowsecurity, c.relacl::text[] AS acl,
                   pg_catalog.pg_get_userbyid(c.relowner) AS owner, c.relpages::bigint AS relpages
            FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_catalog.pg_description d
                   ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = 0
            WHERE c.relkind IN ('r', 'p')
              AND n.nspname = ANY (?)
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_class'::regclass AND e.objid = c.oid
                                AND e.deptype = 'e')
            ORDER BY 1, 2
            """;

    /**
     * Columns of those tables and of materialized views in attnum order, with canonical type and default text. For a stored
     * generated column (attgenerated 's') pg_attrdef holds the generation expression, not a default.
     * The collation only where it is not the type's default (a domain's type carries the domain's).
     */
    static final String COLUMNS = """
            -- schema-sync: columns
            SELECT n.nspname, c.relname, a.attname,
                   pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
                   a.attnotnull,
                   pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) AS default_expr,
                   a.attidentity::text AS identity,
                   d.description,
                   a.attgenerated::text AS generated,
                   CASE WHEN a.attcollation <> t.typcollation THEN cn.nspname END AS collation_schema,
                   CASE WHEN a.attcollation <> t.typcollation THEN co.collname END AS collation
            FROM pg_catalog.pg_attribute a
            JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
            LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
            LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
            LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
            LEFT JOIN pg_catalog.pg_description d
                   ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = a.attnum
            WHERE c.relkind IN ('r', 'p', 'm')
              AND a.attnum > 0 AND NOT a.attisdropped
              AND (a.attislocal OR c.relispartition) -- an INHERITS child's inherited columns are its parent's
              AND n.nspname = ANY (?)
            ORDER BY 1, 2, a.attnum
            """;

    /**
     * Indexes on those tables and on materialized views. An index that PostgreSQL created on a partition
     * for an index of its partitioned parent (or that was attached to one) has relispartition set: it
     * belongs to the parent's index, cannot be dropped alone, and is left out, so partitions do not show
     * their parent's indexes as undeclared. qualified_table is the table exactly as pg_get_indexdef spells it,
     * so the reader can cut the definition after the names. indisvalid = false marks a failed
     * concurrent build.
     */
    static final String INDEXES = """
            -- schema-sync: indexes
            SELECT n.nspname, ci.relname AS index_name, ct.relname AS table_name, am.amname,
                   i.indisunique, i.indisvalid AND i.indisready AS valid,
                   EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con
                           WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid
                             AND con.contype IN ('p', 'u', 'x')) AS constraint_backed,
                   pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(ct.relname)
                       AS qualified_table,
                   pg_catalog.pg_get_indexdef(i.indexrelid) AS indexdef
            FROM pg_catalog.pg_index i
            JOIN pg_catalog.pg_class ci ON ci.oid = i.indexrelid
            JOIN pg_catalog.pg_class ct ON ct.oid = i.indrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = ci.relnamespace
            JOIN pg_catalog.pg_am am ON am.oid = ci.relam
            WHERE ct.relkind IN ('r', 'p', 'm')
              AND NOT ci.relispartition
              AND n.nspname = ANY (?)
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_class'::regclass AND e.objid = ct.oid
                                AND e.deptype = 'e')
            ORDER BY 1, 2
            """;

    /**
     * PRIMARY KEY, UNIQUE, CHECK, FOREIGN KEY and EXCLUDE constraints declared on the table itself (not inherited from a
     * partitioned parent), with key columns in key order and the referenced table and columns.
     * pg_get_constraintdef appends " NOT VALID" to constraints added NOT VALID and not yet validated. What the text
     * also says is read from the catalog's own columns, so no reader cuts it: a key's INCLUDE columns are its index's
     * pg_index.indkey after the first indnkeyatts (for a foreign key conindid is the referenced key's index, so only
     * 'p' and 'u' read them); {@code ON DELETE SET NULL (cols)} / {@code SET DEFAULT (cols)} is confdelsetcols
     * (PostgreSQL 15+); WITHOUT OVERLAPS on a key and PERIOD on a foreign key are conperiod, and NOT ENFORCED is
     * conenforced false (both PostgreSQL 18+). A CHECK's expression is pg_get_expr(conbin), the very text
     * pg_get_constraintdef wraps in {@code CHECK (...)} (both deparse it with the table as context), with connoinherit
     * beside it, and its columns are conkey (every column the expression mentions, what DROP COLUMN takes it along with). A column a server's major lacks reads as the constant every
     * constraint had before it, so the columns are the same on 13-18.
     */
    static String constraints(int major) {
        String deleteSetColumns = major >= 15 ? """
                ARRAY(SELECT a.attname
                                     FROM unnest(con.confdelsetcols) WITH ORDINALITY AS k(attnum, ord)
                                     JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
                                     ORDER BY k.ord)""" : "ARRAY[]::name[]";
        String period = major >= 18 ? "con.conperiod" : "false";
        String notEnforced = major >= 18 ? "NOT con.conenforced" : "false";
        return """
                -- schema-sync: constraints
                SELECT n.nspname, c.relname, con.conname, con.contype::text, con.convalidated,
                       ARRAY(SELECT a.attname
                             FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                             JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
                             ORDER BY k.ord) AS columns,
                       rn.nspname AS ref_schema, rc.relname AS ref_table,
                       ARRAY(SELECT a.attname
                             FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                             JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
                             ORDER BY k.ord) AS ref_columns,
                       con.confupdtype::text, con.confdeltype::text, con.confmatchtype::text,
                       con.condeferrable, con.condeferred,
                       pg_catalog.pg_get_constraintdef(con.oid) AS definition,
                       ARRAY(SELECT a.attname
                             FROM pg_catalog.pg_index i
                             CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                             JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                             WHERE con.contype IN ('p', 'u') AND i.indexrelid = con.conindid AND k.ord > i.indnkeyatts
                             ORDER BY k.ord) AS include_columns,
                       %s AS delete_set_columns,
                       %s AS period, %s AS not_enforced,
                       CASE WHEN con.contype = 'c' THEN pg_catalog.pg_get_expr(con.conbin, con.conrelid) END AS check_expr,
                       con.connoinherit
                FROM pg_catalog.pg_constraint con
                JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                LEFT JOIN pg_catalog.pg_class rc ON rc.oid = con.confrelid
                LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
                WHERE con.contype IN ('p', 'u', 'c', 'f', 'x')
                  AND con.conislocal
                  AND n.nspname = ANY (?)
                ORDER BY 1, 2, 3
                """.formatted(deleteSetColumns, period, notEnforced);
    }

    /**
     * User triggers (not the internal ones behind foreign keys, nor the clones PostgreSQL 13+ puts on each
     * partition of a table whose row trigger is declared on the partitioned parent: tgparentid <> 0),
     * with the table as pg_get_triggerdef spells it. Constraint triggers are included: pg_get_triggerdef
     * writes them CREATE CONSTRAINT TRIGGER ... DEFERRABLE INITIALLY DEFERRED.
     */
    static final String TRIGGERS = """
            -- schema-sync: triggers
            SELECT n.nspname, c.relname, t.tgname, pg_catalog.pg_get_triggerdef(t.oid) AS definition,
                   pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname) AS qualified_table, t.tgenabled::text
            FROM pg_catalog.pg_trigger t
            JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE NOT t.tgisinternal
              AND t.tgparentid = 0
              AND n.nspname = ANY (?)
            ORDER BY 1, 2, 3
            """;

    /**
     * Row-level security policies: PERMISSIVE or RESTRICTIVE, the command (r, a, w, d or * for ALL),
     * the roles by name (0 is PUBLIC), and USING / WITH CHECK as pg_get_expr renders them.
     */
    static final String POLICIES = """
            -- schema-sync: policies
            SELECT n.nspname, c.relname, p.polname, p.polpermissive, p.polcmd::text,
                   ARRAY(SELECT CASE WHEN r.oid = 0 THEN 'public' ELSE pg_catalog.pg_get_userbyid(r.oid)::text END
                         FROM unnest(p.polroles) AS r(oid) ORDER BY 1) AS roles,
                   pg_catalog.pg_get_expr(p.polqual, p.polrelid) AS using_expr,
                   pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) AS check_expr
            FROM pg_catalog.pg_policy p
            JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ANY (?)
            ORDER BY 1, 2, 3
            """;
}
