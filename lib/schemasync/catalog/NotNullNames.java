package schemasync.catalog;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The names of NOT NULL constraints (PostgreSQL 18+ keeps NOT NULL in pg_constraint, contype 'n', each with a name:
 * {@code CONSTRAINT name NOT NULL}). Only a name that is not PostgreSQL's own choice ({@code <table>_<column>_not_null},
 * see {@link #defaultName}) is kept, so every schema reads as before on 18 and 13–17 have nothing to read. Kept by
 * table and column in {@code Catalog.notNullNames()}; compared only where a block names the constraint, and by
 * {@code roundtrip}. Inherited-only constraints (a partition's, a child's) are the parent's and are skipped.
 */
public final class NotNullNames {
    private NotNullNames() {
    }

    /** A column of a table: the key of a NOT NULL constraint (PostgreSQL allows one per column). */
    public record Key(QualifiedName table, String column) {
        @Override
        public String toString() {
            return table + "." + column;
        }
    }

    /** One parameter (the managed schemas), runnable in psql on 18+. */
    static final String NOT_NULL_NAMES = """
            -- schema-sync: NOT NULL constraint names (PostgreSQL 18+)
            SELECT n.nspname, c.relname, a.attname, con.conname
            FROM pg_catalog.pg_constraint con
            JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]
            WHERE con.contype = 'n' AND con.conislocal AND c.relkind IN ('r', 'p')
              AND n.nspname = ANY (?)
            ORDER BY 1, 2, 3
            """;

    /** On 18+, the query joins the catalog's batch (no round trip of its own); before 18 there is nothing to read. */
    static Map<Key, String> addTo(CatalogReader.Batch batch, int major) {
        Map<Key, String> names = new java.util.LinkedHashMap<>();
        if (major < 18) return names;
        batch.add(NOT_NULL_NAMES, rs -> {
            QualifiedName table = new QualifiedName(rs.getString(1), rs.getString(2));
            String name = rs.getString(4);
            if (!name.equals(defaultName(table.name(), rs.getString(3)))) names.put(new Key(table, rs.getString(3)), name);
        });
        return names;
    }

    /**
     * PostgreSQL's choice, {@code makeObjectName(table, column, "not_null")}: both parts clipped, the longer first, until
     * the name fits in 63 bytes. (A clash would get a number appended: such a name is then kept as a custom one.)
     */
    public static String defaultName(String table, String column) {
        int available = 63 - "not_null".length() - 2;
        byte[] t = table.getBytes(StandardCharsets.UTF_8);
        byte[] c = column.getBytes(StandardCharsets.UTF_8);
        int tl = t.length;
        int cl = c.length;
        while (tl + cl > available) {
            if (tl > cl) tl--;
            else cl--;
        }
        return clip(table, tl) + "_" + clip(column, cl) + "_not_null";
    }

    /** The longest prefix of at most {@code bytes} UTF-8 bytes that does not cut a character (pg_mbcliplen). */
    private static String clip(String s, int bytes) {
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + len > bytes) break;
            out.appendCodePoint(cp);
            used += len;
            i += Character.charCount(cp);
        }
        return out.toString();
    }
}
