package schemasync.catalog;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import schemasync.catalog.ExternalObjects.EventTrigger;
import schemasync.catalog.ExternalObjects.ForeignColumn;
import schemasync.catalog.ExternalObjects.ForeignServer;
import schemasync.catalog.ExternalObjects.ForeignTable;
import schemasync.catalog.ExternalObjects.Publication;
import schemasync.catalog.ExternalObjects.PublishedTable;
import schemasync.catalog.ExternalObjects.UserMapping;

/**
 * Reads {@link ExternalObjects}: foreign servers and user mappings (database-wide), the foreign tables of the
 * managed schemas, publications and event triggers. Objects an extension owns are left out (pg_dump leaves them
 * to CREATE EXTENSION). Queries are in {@link ExternalSql}; a database with none of these costs five empty scans
 * of small catalogs.
 */
public final class ExternalReader {
    private ExternalReader() {
    }

    public static ExternalObjects read(Connection connection, Collection<String> managedSchemas) throws SQLException {
        Array schemas = connection.createArrayOf("text", new TreeSet<>(managedSchemas).toArray());
        int major = connection.getMetaData().getDatabaseMajorVersion();
        Map<String, ForeignServer> servers = new LinkedHashMap<>();
        query(connection, ExternalSql.SERVERS, null, rs -> servers.put(rs.getString(1),
                new ForeignServer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), strings(rs, 5))));
        Map<String, UserMapping> mappings = new LinkedHashMap<>();
        query(connection, ExternalSql.USER_MAPPINGS, null, rs -> {
            UserMapping m = new UserMapping(rs.getString(1), rs.getString(2), strings(rs, 3), rs.getBoolean(4));
            mappings.put(m.key(), m);
        });
        Map<QualifiedName, List<ForeignColumn>> columns = new HashMap<>();
        query(connection, ExternalSql.FOREIGN_COLUMNS, schemas, rs -> columns.computeIfAbsent(
                new QualifiedName(rs.getString(1), rs.getString(2)), k -> new ArrayList<>()).add(
                new ForeignColumn(rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getString(6), strings(rs, 7))));
        Map<QualifiedName, ForeignTable> tables = new LinkedHashMap<>();
        query(connection, ExternalSql.FOREIGN_TABLES, schemas, rs -> {
            QualifiedName name = new QualifiedName(rs.getString(1), rs.getString(2));
            tables.put(name, new ForeignTable(name, rs.getString(3), columns.getOrDefault(name, List.of()), strings(rs, 4)));
        });
        Map<String, List<PublishedTable>> publishedTables = new HashMap<>();
        query(connection, ExternalSql.publicationTables(major >= 15), null, rs -> publishedTables.computeIfAbsent(rs.getString(1),
                k -> new ArrayList<>()).add(new PublishedTable(new QualifiedName(rs.getString(2), rs.getString(3)),
                strings(rs, 4), rs.getString(5))));
        Map<String, List<String>> publishedSchemas = new HashMap<>();
        if (major >= 15) {
            query(connection, ExternalSql.PUBLICATION_SCHEMAS, null, rs -> publishedSchemas.computeIfAbsent(rs.getString(1),
                    k -> new ArrayList<>()).add(rs.getString(2)));
        }
        Map<String, Publication> publications = new LinkedHashMap<>();
        query(connection, ExternalSql.PUBLICATIONS, null, rs -> {
            String name = rs.getString(1);
            List<String> publish = new ArrayList<>();
            for (int i = 0; i < Publication.ALL_OPERATIONS.size(); i++) {
                if (rs.getBoolean(3 + i)) publish.add(Publication.ALL_OPERATIONS.get(i));
            }
            publications.put(name, new Publication(name, rs.getBoolean(2), publishedTables.getOrDefault(name, List.of()),
                    publishedSchemas.getOrDefault(name, List.of()), publish, rs.getBoolean(7)));
        });
        Map<String, EventTrigger> eventTriggers = new LinkedHashMap<>();
        query(connection, ExternalSql.EVENT_TRIGGERS, null, rs -> eventTriggers.put(rs.getString(1), new EventTrigger(
                rs.getString(1), rs.getString(2), strings(rs, 3), new QualifiedName(rs.getString(4), rs.getString(5)),
                ExternalObjects.Enabled.of(rs.getString(6)))));
        return new ExternalObjects(servers, mappings, tables, publications, eventTriggers);
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection connection, String sql, Array schemas, Row row) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            if (schemas != null) ps.setArray(1, schemas);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) row.read(rs);
            }
        }
    }

    private static List<String> strings(ResultSet rs, int column) throws SQLException {
        Array a = rs.getArray(column);
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }
}
