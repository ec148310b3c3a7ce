package schemasync.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads tables and what hangs off them (columns, constraints, policies, triggers, indexes) as part of
 * {@link CatalogReader}'s one batch, with the {@link TableSql} queries, and assembles the {@link Table} records once
 * the batch has run. Columns are read for materialized views too (the same pg_attribute rows), and triggers on
 * relations that are not tables (views, foreign tables) are handed back apart.
 */
final class TableReader {
    private record TableRow(QualifiedName name, long reltuples, boolean partition, String comment,
                            Table.RowSecurity rowSecurity, Set<Grant> grants, long relpages) {
    }

    private final List<TableRow> tableRows = new ArrayList<>();
    private final Map<QualifiedName, List<Column>> columns = new HashMap<>();
    private final Map<QualifiedName, List<Constraint>> constraints = new HashMap<>();
    private final Map<QualifiedName, Table.PrimaryKey> primaryKeys = new HashMap<>();
    private final Map<QualifiedName, List<Table.Policy>> policies = new HashMap<>();
    private final Map<QualifiedName, List<Table.Trigger>> triggers = new HashMap<>();
    final Map<QualifiedName, Index> indexes = new LinkedHashMap<>();
    final Map<QualifiedName, String> indexDefinitions = new LinkedHashMap<>();

    TableReader(CatalogReader.Batch batch, int major) {
        batch.add(TableSql.TABLES, rs -> tableRows.add(new TableRow(
                new QualifiedName(rs.getString(1), rs.getString(2)), rs.getLong(3), rs.getBoolean(4),
                rs.getString(5), !rs.getBoolean(6) ? Table.RowSecurity.OFF
                        : rs.getBoolean(7) ? Table.RowSecurity.FORCED : Table.RowSecurity.ENABLED,
                Acl.grants(rs.getArray(8) == null ? null : (String[]) rs.getArray(8).getArray(), rs.getString(9)),
                rs.getLong(10))));
        batch.add(TableSql.COLUMNS, rs -> {
            boolean virtual = "v".equals(rs.getString(9)); // PostgreSQL 18+; its expression is in pg_attrdef too
            boolean generated = "s".equals(rs.getString(9)) || virtual;
            columns.computeIfAbsent(new QualifiedName(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                    .add(new Column(rs.getString(3), rs.getString(4), rs.getBoolean(5), generated ? null : rs.getString(6),
                            Column.Identity.fromCatalog(rs.getString(7)), rs.getString(8), generated ? rs.getString(6) : null,
                            rs.getString(11) == null ? null : new QualifiedName(rs.getString(10), rs.getString(11)), virtual));
        });
        batch.add(TableSql.constraints(major), rs -> {
            QualifiedName table = new QualifiedName(rs.getString(1), rs.getString(2));
            if (rs.getString(4).equals("p")) {
                primaryKeys.put(table, new Table.PrimaryKey(rs.getString(3), names(rs, 6), keyOptions(rs)));
            } else {
                constraints.computeIfAbsent(table, k -> new ArrayList<>()).add(constraint(rs));
            }
        });
        batch.add(TableSql.POLICIES, rs -> policies
                .computeIfAbsent(new QualifiedName(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                .add(new Table.Policy(rs.getString(3), rs.getBoolean(4), command(rs.getString(5)),
                        Arrays.asList((String[]) rs.getArray(6).getArray()), rs.getString(7), rs.getString(8))));
        batch.add(TableSql.TRIGGERS, rs -> triggers
                .computeIfAbsent(new QualifiedName(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                .add(new Table.Trigger(rs.getString(3), triggerDefinition(rs.getString(4), rs.getString(5)),
                        ExternalObjects.Enabled.of(rs.getString(6)))));
        batch.add(TableSql.INDEXES, rs -> {
            QualifiedName name = new QualifiedName(rs.getString(1), rs.getString(2));
            indexDefinitions.put(name, rs.getString(9));
            indexes.put(name, new Index(name, name.sibling(rs.getString(3)), rs.getBoolean(5),
                    rs.getString(4), definitionAfterNames(rs.getString(9), rs.getString(8)),
                    rs.getBoolean(6), rs.getBoolean(7)));
        });
    }

    /** The columns of a relation (a materialized view's too), in attnum order; after the batch ran. */
    List<Column> columnsOf(QualifiedName relation) {
        return columns.getOrDefault(relation, List.of());
    }

    /** The tables, in the query's order, with everything that hangs off them; after the batch ran. */
    Map<QualifiedName, Table> tables() {
        Map<QualifiedName, Table> tables = new LinkedHashMap<>();
        for (TableRow row : tableRows) {
            tables.put(row.name(), new Table(row.name(), columnsOf(row.name()),
                    primaryKeys.get(row.name()), row.comment(), row.reltuples(), row.partition(),
                    constraints.getOrDefault(row.name(), List.of()), triggers.getOrDefault(row.name(), List.of()),
                    row.rowSecurity(), policies.getOrDefault(row.name(), List.of()), row.grants(), row.relpages()));
        }
        return tables;
    }

    /** Triggers on relations that are not tables (views, foreign tables: {@link Catalog#relationTriggers()}). */
    Map<QualifiedName, List<Table.Trigger>> relationTriggers(Set<QualifiedName> tables) {
        Map<QualifiedName, List<Table.Trigger>> relationTriggers = new LinkedHashMap<>();
        triggers.forEach((relation, list) -> {
            if (!tables.contains(relation)) relationTriggers.put(relation, list);
        });
        return relationTriggers;
    }

    private static Constraint constraint(ResultSet rs) throws SQLException {
        String type = rs.getString(4);
        String definition = rs.getString(15);
        List<String> columns = names(rs, 6);
        // PostgreSQL never validates a NOT ENFORCED constraint (18+, conenforced false): validation is moot.
        boolean notEnforced = rs.getBoolean(19);
        boolean validated = rs.getBoolean(5) || notEnforced;
        return switch (type) {
            case "f" -> new Constraint(rs.getString(3), Constraint.Kind.FOREIGN_KEY, columns, null,
                    new Constraint.ForeignKey(new QualifiedName(rs.getString(7), rs.getString(8)), names(rs, 9),
                            Constraint.ForeignKey.action(rs.getString(10)), Constraint.ForeignKey.action(rs.getString(11)),
                            Constraint.ForeignKey.match(rs.getString(12)), rs.getBoolean(13), rs.getBoolean(14), rs.getBoolean(18),
                            names(rs, 17)),
                    false, validated, definition, KeyOptions.NONE, notEnforced);
            // ruleutils prints a CHECK as "CHECK (" + the expression + ")" [+ " NO INHERIT"]: built here from the fields, so no
            // trailing NOT VALID / NOT ENFORCED is cut off the definition.
            case "c" -> new Constraint(rs.getString(3), Constraint.Kind.CHECK, columns,
                    "CHECK (" + rs.getString(20) + ")" + (rs.getBoolean(21) ? " NO INHERIT" : ""), null,
                    false, validated, definition, KeyOptions.NONE, notEnforced);
            // EXCLUDE USING gist (room WITH =, during WITH &&) [WHERE (...)] [DEFERRABLE ...]: compared as a whole.
            case "x" -> new Constraint(rs.getString(3), Constraint.Kind.EXCLUSION, List.of(), definition, null,
                    false, rs.getBoolean(5), definition);
            // pg_index.indnullsnotdistinct exists only from PG 15; the definition says it on every version.
            default -> new Constraint(rs.getString(3), Constraint.Kind.UNIQUE, columns, null, null,
                    definition.startsWith("UNIQUE NULLS NOT DISTINCT"), rs.getBoolean(5), definition, keyOptions(rs));
        };
    }

    /** A key's INCLUDE columns (its index's), DEFERRABLE / INITIALLY DEFERRED and WITHOUT OVERLAPS (conperiod). */
    private static KeyOptions keyOptions(ResultSet rs) throws SQLException {
        return new KeyOptions(names(rs, 16), rs.getBoolean(13), rs.getBoolean(14), rs.getBoolean(18));
    }

    /** A name[] column of the row, in the array's order. */
    private static List<String> names(ResultSet rs, int column) throws SQLException {
        return Arrays.asList((String[]) rs.getArray(column).getArray());
    }

    /** pg_policy.polcmd spelled as in CREATE POLICY ... FOR. */
    static String command(String polcmd) {
        return switch (polcmd) {
            case "r" -> "SELECT";
            case "a" -> "INSERT";
            case "w" -> "UPDATE";
            case "d" -> "DELETE";
            default -> "ALL";
        };
    }

    /**
     * {@code CREATE [UNIQUE] INDEX name ON [ONLY] schema.table USING ...} → {@code USING ...}. Cutting
     * after the table name (not at the first " USING ") keeps odd index names harmless.
     */
    static String definitionAfterNames(String indexdef, String qualifiedTable) {
        String table = " " + tableAsWritten(indexdef, qualifiedTable) + " USING ";
        return withoutStorageParameters(indexdef.substring(indexdef.indexOf(table) + table.length() - "USING ".length()));
    }

    /**
     * The definition without its {@code WITH (fillfactor='70')} clause: storage parameters are read from
     * reloptions ({@link RelationOptions}) and changed with ALTER INDEX ... SET, not by a rebuild. The clause is
     * the only {@code WITH (} outside parentheses and quotes (keys, INCLUDE and WHERE are all parenthesized).
     */
    static String withoutStorageParameters(String definition) {
        for (int i = 0; i < definition.length(); i++) {
            char c = definition.charAt(i);
            if (c == '(') {
                i = SqlText.closingParenthesis(definition, i); // keys, INCLUDE, WHERE: skipped whole
                if (i < 0) return definition;
            } else if (c == '\'' || c == '"') {
                i = definition.indexOf(c, i + 1); // a doubled quote reopens at the next character
                if (i < 0) return definition;
            } else if (definition.startsWith(" WITH (", i)) {
                int close = SqlText.closingParenthesis(definition, i + " WITH ".length());
                if (close > 0) return definition.substring(0, i) + definition.substring(close + 1);
            }
        }
        return definition;
    }

    /** {@code ... ON public.users FOR EACH ROW ...} → {@code ... ON <table> FOR EACH ROW ...}. */
    static String triggerDefinition(String triggerdef, String qualifiedTable) {
        return triggerdef.replace(" ON " + tableAsWritten(triggerdef, qualifiedTable) + " ", " ON <table> ");
    }

    /**
     * How a pg_get_*def text spells the table: {@code schema.table}, except that a table in this
     * session's temporary schema (pg_temp_N, the normalizer's shadows) is spelled {@code pg_temp.table}.
     */
    private static String tableAsWritten(String definition, String qualifiedTable) {
        if (definition.contains(" " + qualifiedTable + " ")) return qualifiedTable;
        return "pg_temp." + qualifiedTable.substring(qualifiedTable.indexOf('.') + 1);
    }
}
