package schemasync.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the operator families and classes of the managed schemas ({@link OperatorFamily}, {@link OperatorClass}) as part
 * of {@link CatalogReader}'s one batch, three queries runnable in psql (replace {@code ?} by {@code '{public}'::text[]}).
 * Objects an extension owns are left out (its CREATE EXTENSION makes them), as pg_catalog's are (not a managed schema).
 * A member belongs to the class it depends on (pg_depend to pg_opclass, as pg_dump tells them apart), else it is a
 * loose member of its family.
 */
final class OperatorClassReader {
    static final String FAMILIES = """
            -- schema-sync: operator families
            SELECT n.nspname, f.opfname, am.amname
            FROM pg_catalog.pg_opfamily f
            JOIN pg_catalog.pg_namespace n ON n.oid = f.opfnamespace
            JOIN pg_catalog.pg_am am ON am.oid = f.opfmethod
            WHERE n.nspname = ANY (?)
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_opfamily'::regclass AND e.objid = f.oid AND e.deptype = 'e')
            ORDER BY 1, 2, 3
            """;

    /** opckeytype 0: the index stores the input type itself (no STORAGE clause). */
    static final String CLASSES = """
            -- schema-sync: operator classes
            SELECT n.nspname, c.opcname, am.amname, pg_catalog.format_type(c.opcintype, NULL), c.opcdefault,
                   fn.nspname AS family_schema, f.opfname AS family,
                   CASE WHEN c.opckeytype <> 0 THEN pg_catalog.format_type(c.opckeytype, NULL) END AS storage
            FROM pg_catalog.pg_opclass c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.opcnamespace
            JOIN pg_catalog.pg_am am ON am.oid = c.opcmethod
            JOIN pg_catalog.pg_opfamily f ON f.oid = c.opcfamily
            JOIN pg_catalog.pg_namespace fn ON fn.oid = f.opfnamespace
            WHERE n.nspname = ANY (?)
              AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                              WHERE e.classid = 'pg_catalog.pg_opclass'::regclass AND e.objid = c.oid AND e.deptype = 'e')
            ORDER BY 1, 2, 3
            """;

    /**
     * The operators (pg_amop) and support functions (pg_amproc) of the managed schemas' families, each with the class it
     * depends on (null: a loose member of the family). Operators as regoperator and functions as regprocedure print
     * them (what CREATE OPERATOR CLASS and ALTER OPERATOR FAMILY accept back); an ordering operator (amoppurpose 'o')
     * with its btree family.
     */
    static final String MEMBERS = """
            -- schema-sync: operator family and class members
            WITH families AS (
                SELECT f.oid, n.nspname, f.opfname, am.amname
                FROM pg_catalog.pg_opfamily f
                JOIN pg_catalog.pg_namespace n ON n.oid = f.opfnamespace
                JOIN pg_catalog.pg_am am ON am.oid = f.opfmethod
                WHERE n.nspname = ANY (?)
            ), classes AS (
                SELECT c.oid, n.nspname, c.opcname FROM pg_catalog.pg_opclass c
                JOIN pg_catalog.pg_namespace n ON n.oid = c.opcnamespace
            )
            SELECT fa.nspname, fa.opfname, fa.amname, cl.nspname AS class_schema, cl.opcname AS class, false AS function,
                   o.amopstrategy::int AS number, pg_catalog.format_type(o.amoplefttype, NULL), pg_catalog.format_type(o.amoprighttype, NULL),
                   o.amopopr::pg_catalog.regoperator::text, sn.nspname AS order_schema, sf.opfname AS order_family
            FROM pg_catalog.pg_amop o
            JOIN families fa ON fa.oid = o.amopfamily
            LEFT JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_amop'::regclass AND d.objid = o.oid
                 AND d.refclassid = 'pg_catalog.pg_opclass'::regclass
            LEFT JOIN classes cl ON cl.oid = d.refobjid
            LEFT JOIN pg_catalog.pg_opfamily sf ON sf.oid = o.amopsortfamily AND o.amoppurpose = 'o'
            LEFT JOIN pg_catalog.pg_namespace sn ON sn.oid = sf.opfnamespace
            UNION ALL
            SELECT fa.nspname, fa.opfname, fa.amname, cl.nspname, cl.opcname, true,
                   p.amprocnum::int, pg_catalog.format_type(p.amproclefttype, NULL), pg_catalog.format_type(p.amprocrighttype, NULL),
                   p.amproc::pg_catalog.regprocedure::text, NULL, NULL
            FROM pg_catalog.pg_amproc p
            JOIN families fa ON fa.oid = p.amprocfamily
            LEFT JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_amproc'::regclass AND d.objid = p.oid
                 AND d.refclassid = 'pg_catalog.pg_opclass'::regclass
            LEFT JOIN classes cl ON cl.oid = d.refobjid
            ORDER BY 1, 2, 3, 6, 7, 8, 9
            """;

    private record Row(QualifiedName family, String method, QualifiedName owningClass, OperatorClass.Member member) {
    }

    private final Map<String, OperatorFamily> families = new LinkedHashMap<>();
    private final Map<String, OperatorClass> classes = new LinkedHashMap<>();
    private final List<Row> members = new ArrayList<>();

    /** A reader whose queries are in {@code batch}; {@link #into} once the batch has run. */
    static OperatorClassReader addedTo(CatalogReader.Batch batch) {
        OperatorClassReader reader = new OperatorClassReader();
        batch.add(FAMILIES, rs -> {
            OperatorFamily f = new OperatorFamily(new QualifiedName(rs.getString(1), rs.getString(2)), rs.getString(3), List.of());
            reader.families.put(f.key(), f);
        });
        batch.add(CLASSES, rs -> {
            OperatorClass c = new OperatorClass(new QualifiedName(rs.getString(1), rs.getString(2)), rs.getString(3), rs.getString(4),
                    rs.getBoolean(5), new QualifiedName(rs.getString(6), rs.getString(7)), rs.getString(8), List.of());
            reader.classes.put(c.key(), c);
        });
        batch.add(MEMBERS, rs -> reader.members.add(member(rs)));
        return reader;
    }

    private static Row member(ResultSet rs) throws SQLException {
        QualifiedName owner = rs.getString(5) == null ? null : new QualifiedName(rs.getString(4), rs.getString(5));
        QualifiedName order = rs.getString(12) == null ? null : new QualifiedName(rs.getString(11), rs.getString(12));
        return new Row(new QualifiedName(rs.getString(1), rs.getString(2)), rs.getString(3), owner,
                new OperatorClass.Member(rs.getBoolean(6), rs.getInt(7), rs.getString(8), rs.getString(9), rs.getString(10), order));
    }

    /** The operators and casts with the families and classes, each holding its members. */
    OperatorObjects into(OperatorObjects operatorsAndCasts) {
        Map<String, List<OperatorClass.Member>> byKey = new LinkedHashMap<>();
        Map<String, List<OperatorClass.Member>> looseByKey = new LinkedHashMap<>();
        for (Row r : members) {
            if (r.owningClass() == null) {
                looseByKey.computeIfAbsent(OperatorClass.key(r.family(), r.method()), k -> new ArrayList<>()).add(r.member());
            } else {
                byKey.computeIfAbsent(OperatorClass.key(r.owningClass(), r.method()), k -> new ArrayList<>()).add(r.member());
            }
        }
        Map<String, OperatorFamily> fullFamilies = new LinkedHashMap<>();
        families.forEach((k, f) -> fullFamilies.put(k, new OperatorFamily(f.name(), f.method(), looseByKey.getOrDefault(k, List.of()))));
        Map<String, OperatorClass> fullClasses = new LinkedHashMap<>();
        classes.forEach((k, c) -> fullClasses.put(k, new OperatorClass(c.name(), c.method(), c.type(), c.isDefault(), c.family(),
                c.storage(), byKey.getOrDefault(k, List.of()))));
        return new OperatorObjects(operatorsAndCasts.operators(), operatorsAndCasts.casts(), fullFamilies, fullClasses);
    }
}
