package schemasync.catalog;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import schemasync.catalog.ExternalObjects.EventTrigger;
import schemasync.catalog.ExternalObjects.ForeignColumn;
import schemasync.catalog.ExternalObjects.ForeignServer;
import schemasync.catalog.ExternalObjects.ForeignTable;
import schemasync.catalog.ExternalObjects.Publication;
import schemasync.catalog.ExternalObjects.PublishedTable;
import schemasync.catalog.ExternalObjects.UserMapping;

/**
 * Reads {@link ExternalObjects} as part of {@link CatalogReader}'s one batch (same round trip, same snapshot):
 * foreign servers and user mappings (database-wide), the foreign tables of the managed schemas, publications and
 * event triggers. Objects an extension owns are left out (pg_dump leaves them to CREATE EXTENSION). Queries are in
 * {@link ExternalSql}; {@link #build} assembles the rows once the batch has run.
 */
final class ExternalReader {
    private final int major;
    private final Map<String, ForeignServer> servers = new LinkedHashMap<>();
    private final Map<String, UserMapping> mappings = new LinkedHashMap<>();
    private final Map<QualifiedName, List<ForeignColumn>> columns = new HashMap<>();
    private final List<ForeignTable> tables = new ArrayList<>();
    private final Map<String, List<PublishedTable>> publishedTables = new HashMap<>();
    private final Map<String, List<String>> publishedSchemas = new HashMap<>();
    private final List<Publication> publications = new ArrayList<>();
    private final Map<String, EventTrigger> eventTriggers = new LinkedHashMap<>();

    ExternalReader(int major) {
        this.major = major;
    }

    void addTo(CatalogReader.Batch batch) {
        batch.add(ExternalSql.SERVERS, rs -> servers.put(rs.getString(1),
                new ForeignServer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), strings(rs, 5))));
        batch.add(ExternalSql.USER_MAPPINGS, rs -> {
            UserMapping m = new UserMapping(rs.getString(1), rs.getString(2), strings(rs, 3), rs.getBoolean(4));
            mappings.put(m.key(), m);
        });
        batch.add(ExternalSql.FOREIGN_COLUMNS, rs -> columns.computeIfAbsent(new QualifiedName(rs.getString(1), rs.getString(2)),
                k -> new ArrayList<>()).add(new ForeignColumn(rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getString(6),
                strings(rs, 7))));
        batch.add(ExternalSql.FOREIGN_TABLES, rs -> tables.add(new ForeignTable(new QualifiedName(rs.getString(1), rs.getString(2)),
                rs.getString(3), List.of(), strings(rs, 4))));
        batch.add(ExternalSql.publicationTables(major >= 15), rs -> publishedTables.computeIfAbsent(rs.getString(1),
                k -> new ArrayList<>()).add(new PublishedTable(new QualifiedName(rs.getString(2), rs.getString(3)),
                strings(rs, 4), rs.getString(5))));
        if (major >= 15) {
            batch.add(ExternalSql.PUBLICATION_SCHEMAS, rs -> publishedSchemas.computeIfAbsent(rs.getString(1),
                    k -> new ArrayList<>()).add(rs.getString(2)));
        }
        batch.add(ExternalSql.PUBLICATIONS, rs -> {
            List<String> publish = new ArrayList<>();
            for (int i = 0; i < Publication.ALL_OPERATIONS.size(); i++) {
                if (rs.getBoolean(3 + i)) publish.add(Publication.ALL_OPERATIONS.get(i));
            }
            publications.add(new Publication(rs.getString(1), rs.getBoolean(2), List.of(), List.of(), publish, rs.getBoolean(7)));
        });
        batch.add(ExternalSql.EVENT_TRIGGERS, rs -> eventTriggers.put(rs.getString(1), new EventTrigger(rs.getString(1),
                rs.getString(2), strings(rs, 3), new QualifiedName(rs.getString(4), rs.getString(5)),
                ExternalObjects.Enabled.of(rs.getString(6)))));
    }

    ExternalObjects build() {
        Map<QualifiedName, ForeignTable> foreignTables = new LinkedHashMap<>();
        for (ForeignTable t : tables) {
            foreignTables.put(t.name(), new ForeignTable(t.name(), t.server(), columns.getOrDefault(t.name(), List.of()), t.options()));
        }
        Map<String, Publication> byName = new LinkedHashMap<>();
        for (Publication p : publications) {
            byName.put(p.name(), new Publication(p.name(), p.allTables(), publishedTables.getOrDefault(p.name(), List.of()),
                    publishedSchemas.getOrDefault(p.name(), List.of()), p.publish(), p.viaRoot()));
        }
        return new ExternalObjects(servers, mappings, foreignTables, byName, eventTriggers);
    }

    private static List<String> strings(ResultSet rs, int column) throws SQLException {
        Array a = rs.getArray(column);
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }
}
