package schemasync.normalize;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import schemasync.SchemaSyncException;
import schemasync.catalog.ColumnSpec;
import schemasync.catalog.ConstraintSpec;
import schemasync.catalog.QualifiedName;
import schemasync.dsl.Declaration;
import schemasync.dsl.DeclaredSchema;
import schemasync.dsl.Origin;

/**
 * Declarations that only a newer PostgreSQL understands, refused on an older server before anything is read into
 * a shadow or changed: the server's own syntax error would name neither the feature nor the version, and a shadow
 * built without the feature (a VIRTUAL column made STORED) would plan a different object than the one declared.
 */
public final class NewerServerFeatures {
    private NewerServerFeatures() {
    }

    /** @throws SchemaSyncException (bad input) naming each such declaration, its block, the feature and its version */
    public static void refuseUnsupported(Connection connection, DeclaredSchema declared) throws SQLException {
        int major = connection.getMetaData().getDatabaseMajorVersion();
        List<String> refused = new ArrayList<>();
        for (Declaration d : declared.declarations()) {
            if (d instanceof Declaration.TableDecl t) {
                t.columns().forEach(c -> column(refused, major, t.name(), c, t.origin()));
                t.constraints().forEach(c -> constraint(refused, major, t.name(), c, t.origin()));
                if (t.primaryKeyOptions().withoutOverlaps()) {
                    needs(refused, major, 18, "a primary key WITHOUT OVERLAPS", t.name() + " primary key", t.origin());
                }
            } else if (d instanceof Declaration.ColumnDecl c) {
                column(refused, major, c.table(), c.column(), c.origin());
            } else if (d instanceof Declaration.ColumnChangeDecl c && c.notNullName() != null) {
                needs(refused, major, 18, "a named NOT NULL constraint", c.table() + "." + c.column(), c.origin());
            } else if (d instanceof schemasync.dsl.PartitionColumnsDecl p) {
                p.notNullNames().keySet().forEach(c -> needs(refused, major, 18, "a named NOT NULL constraint", p.name() + "." + c, p.origin()));
            } else if (d instanceof Declaration.ConstraintsDecl k) {
                k.constraints().forEach(c -> constraint(refused, major, k.table(), c, k.origin()));
            } else if (d instanceof Declaration.IndexDecl i && i.nullsNotDistinct()) {
                needs(refused, major, 15, "a unique index NULLS NOT DISTINCT", i.name().toString(), i.origin());
            }
        }
        if (!refused.isEmpty()) {
            throw SchemaSyncException.badInput(String.join("\n", refused) + "\nnothing was changed");
        }
    }

    private static void column(List<String> refused, int major, QualifiedName table, ColumnSpec c, Origin origin) {
        if (c.virtual()) needs(refused, major, 18, "a VIRTUAL generated column", table + "." + c.name(), origin);
        if (c.notNullName() != null) needs(refused, major, 18, "a named NOT NULL constraint", table + "." + c.name(), origin);
    }

    private static void constraint(List<String> refused, int major, QualifiedName table, ConstraintSpec c, Origin origin) {
        if (c.notEnforced()) needs(refused, major, 18, "a NOT ENFORCED constraint", table + "." + c.name(), origin);
        if (c.nullsNotDistinct()) needs(refused, major, 15, "a UNIQUE constraint NULLS NOT DISTINCT", table + "." + c.name(), origin);
        if (c.keyOptions().withoutOverlaps()) needs(refused, major, 18, "a key WITHOUT OVERLAPS", table + "." + c.name(), origin);
        if (c.foreignKey() != null && c.foreignKey().period()) {
            needs(refused, major, 18, "a foreign key with PERIOD", table + "." + c.name(), origin);
        }
    }

    private static void needs(List<String> refused, int major, int since, String feature, String object, Origin origin) {
        if (major >= since) return;
        refused.add(object + " (block " + origin.blockId() + "): " + feature + " needs PostgreSQL " + since
                + " or later; this server is PostgreSQL " + major);
    }
}
