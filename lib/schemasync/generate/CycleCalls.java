package schemasync.generate;

import schemasync.dsl.SchemaChanges;

/** Calls that close a creation-order cycle in a block after the tables and routines, kept in a file of their own. */
final class CycleCalls {
    private CycleCalls() {
    }

    /**
     * {@code db.ensureColumnChanged("a_tickets", "id").dflt("zz_next()")}: a default split out of a cycle, as pg_dump
     * writes {@code ALTER TABLE ... SET DEFAULT} after the function (or table) it names; the table's own block declares the
     * column without it. {@code onlyThisTable}: {@code .onlyThisTable()}, pg_dump's {@code ALTER TABLE ONLY}, for a
     * partitioned table a partition of which has a default of its own on that column (the recursing form would overwrite it).
     */
    record DefaultCall(String table, String column, String dflt, boolean onlyThisTable) implements Call {
        public void render(JavaCode code) {
            code.line(0, "db.ensureColumnChanged(" + JavaCode.literal(table) + ", " + JavaCode.literal(column) + ").dflt("
                    + JavaCode.literal(dflt) + ")" + (onlyThisTable ? ".onlyThisTable()" : "") + ";");
        }

        public void declare(SchemaChanges db) {
            var change = db.ensureColumnChanged(table, column).dflt(dflt);
            if (onlyThisTable) change.onlyThisTable();
        }
    }
}
