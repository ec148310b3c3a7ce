package schemasync.plan;

import java.util.List;
import java.util.Map;
import schemasync.catalog.Column;
import schemasync.catalog.ColumnSpec;
import schemasync.catalog.NotNullNames;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Table;

/**
 * What steps do to the names of NOT NULL constraints (PostgreSQL 18 keeps each in pg_constraint), kept as the catalog
 * keeps them ({@link NotNullNames}): only a name that is not PostgreSQL's own {@code <table>_<column>_not_null}. A
 * declared name is created by CREATE TABLE, ADD COLUMN or ADD CONSTRAINT ... NOT NULL; an unnamed NOT NULL gets
 * PostgreSQL's name; a rename of the table or the column leaves the constraint's name as it was (so PostgreSQL's old
 * default becomes a name of its own); DROP NOT NULL, DROP COLUMN and DROP TABLE take it away.
 */
final class NotNullNameEffects {
    private NotNullNameEffects() {
    }

    static void created(CatalogEdit c, QualifiedName table, List<ColumnSpec> columns) {
        for (ColumnSpec k : columns) named(c, table, k.name(), k.notNullName());
    }

    /** A NOT NULL made under {@code name} (null: PostgreSQL's default, which the catalog does not keep). */
    static void named(CatalogEdit c, QualifiedName table, String column, String name) {
        if (name != null && !name.equals(NotNullNames.defaultName(table.name(), column))) {
            c.notNullNames.put(new NotNullNames.Key(table, column), name);
        }
    }

    /** After ALTER TABLE ... RENAME TO: every NOT NULL of the table keeps its name, PostgreSQL's old default included. */
    static void renamedTable(CatalogEdit c, QualifiedName from, QualifiedName to) {
        Table table = c.tables.get(to);
        if (table == null || !c.notNullNamesKept) return; // below 18 there is no constraint to keep a name
        for (Column k : table.columns()) {
            if (!k.notNull()) continue;
            String name = c.notNullNames.remove(new NotNullNames.Key(from, k.name()));
            keep(c, to, k.name(), name != null ? name : NotNullNames.defaultName(from.name(), k.name()));
        }
    }

    /** After ALTER TABLE ... RENAME COLUMN: its NOT NULL keeps its name. */
    static void renamedColumn(CatalogEdit c, QualifiedName table, String from, String to) {
        Table t = c.tables.get(table);
        if (t == null || !c.notNullNamesKept || t.column(to).map(k -> !k.notNull()).orElse(true)) return;
        String name = c.notNullNames.remove(new NotNullNames.Key(table, from));
        keep(c, table, to, name != null ? name : NotNullNames.defaultName(table.name(), from));
    }

    private static void keep(CatalogEdit c, QualifiedName table, String column, String name) {
        NotNullNames.Key key = new NotNullNames.Key(table, column);
        if (name.equals(NotNullNames.defaultName(table.name(), column))) c.notNullNames.remove(key);
        else c.notNullNames.put(key, name);
    }

    /** After any step: a name whose table or column is gone, or whose column allows NULL again, went with it. */
    static void forgetGone(CatalogEdit c) {
        if (c.notNullNames.isEmpty()) return;
        for (Map.Entry<NotNullNames.Key, String> e : List.copyOf(c.notNullNames.entrySet())) {
            Table t = c.tables.get(e.getKey().table());
            if (t == null || t.column(e.getKey().column()).map(k -> !k.notNull()).orElse(true)) c.notNullNames.remove(e.getKey());
        }
    }
}
