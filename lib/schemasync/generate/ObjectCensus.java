package schemasync.generate;

import java.util.List;
import java.util.Map;

/**
 * Counts every pg_class, pg_type, pg_proc, pg_collation, pg_statistic_ext, pg_rewrite, pg_operator, pg_opclass,
 * pg_opfamily, cast and text search object of the managed schemas, and their security labels, by kind (every kind the
 * round trip compares), and which of
 * them the catalog comparison does not cover, so that an incomplete model is visible rather than
 * silent. Kinds the generator does not reproduce at all are listed as not carried.
 */
final class ObjectCensus {
    private ObjectCensus() {
    }

    static void count(Source source, Map<String, Integer> objects, Map<String, Integer> unmodeled, List<String> notCarried) {
        for (Source.DbObject o : source.objects()) {
            String kind = kind(o);
            objects.merge(kind, 1, Integer::sum);
            if (!modeled(o)) unmodeled.merge(kind, 1, Integer::sum);
            String reason = notCarried(o);
            if (reason != null) notCarried.add(kind + " " + o.name() + ": " + reason);
        }
        // Every label of the read schemas is in Catalog.securityLabels, which the round trip compares (a routine's too,
        // though it is written as a custom step: SecurityLabels), so none is counted as not compared.
        int labels = source.securityLabels().size();
        if (labels > 0) objects.merge("security label", labels, Integer::sum);
    }

    static String kind(Source.DbObject o) {
        String k = o.kind();
        return switch (o.catalog()) {
            case "pg_class" -> switch (k) {
                case "r" -> "table";
                case "p" -> "partitioned table";
                case "v" -> "view";
                case "m" -> "materialized view";
                case "i" -> "index";
                case "I" -> "partitioned index";
                case "S" -> "sequence";
                case "c" -> "composite type";
                case "f" -> "foreign table";
                default -> "relation (relkind " + k + ")";
            };
            case "pg_type" -> switch (k) {
                case "e" -> "enum type";
                case "d" -> "domain";
                case "r" -> "range type";
                case "b" -> "base type";
                case "p" -> "pseudo-type";
                default -> "type (typtype " + k + ")";
            };
            case "pg_collation" -> "collation";
            case "pg_statistic_ext" -> "statistics";
            case "pg_rewrite" -> "rule";
            case "pg_operator" -> "operator";
            case "pg_opclass" -> "operator class";
            case "pg_opfamily" -> "operator family";
            case "pg_ts_dict" -> "text search dictionary";
            case "pg_ts_config" -> "text search configuration";
            case "pg_ts_parser" -> "text search parser";
            case "pg_ts_template" -> "text search template";
            case "pg_cast" -> "cast";
            case "pg_conversion" -> "conversion";
            default -> switch (k) {
                case "f" -> "function";
                case "p" -> "procedure";
                case "a" -> "aggregate";
                case "w" -> "window function";
                default -> "routine (prokind " + k + ")";
            };
        };
    }

    /** Whether the catalog snapshot (and so the round-trip comparison) covers this object. */
    private static boolean modeled(Source.DbObject o) {
        return switch (o.catalog()) {
            case "pg_class" -> switch (o.kind()) {
                case "r", "p", "v", "m", "i", "I", "c", "S", "f" -> true;
                default -> false;
            };
            case "pg_type" -> o.kind().equals("e") || o.kind().equals("d") || o.kind().equals("r");
            case "pg_collation", "pg_statistic_ext", "pg_rewrite", "pg_operator", "pg_cast", "pg_ts_dict", "pg_ts_config",
                 "pg_opclass", "pg_opfamily", "pg_conversion" -> true;
            case "pg_ts_parser", "pg_ts_template" -> false;
            default -> o.kind().equals("f") || o.kind().equals("p") || o.kind().equals("a");
        };
    }

    /** Why the generated blocks do not reproduce this object at all, or null when they do. */
    private static String notCarried(Source.DbObject o) {
        return switch (o.catalog() + ":" + o.kind()) {
            case "pg_type:b", "pg_type:p" -> "base and pseudo types are defined in C (CREATE TYPE with input/output functions)";
            case "pg_proc:w" -> "window functions are defined in C";
            case "pg_ts_parser:p", "pg_ts_template:t" -> "text search parsers and templates are made of C functions"
                    + " (create them with the extension that ships those)";
            default -> null;
        };
    }
}
