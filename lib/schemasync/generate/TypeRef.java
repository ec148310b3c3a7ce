package schemasync.generate;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DataType;
import org.jooq.impl.SQLDataType;
import schemasync.dsl.ColumnType;

/**
 * A column type as a generated block writes it: a jOOQ {@code SQLDataType} constant where one renders
 * to exactly the type PostgreSQL reports ({@code VARCHAR(160)} for {@code character varying(160)}),
 * otherwise PostgreSQL's own spelling ({@code type("public.mpaa_rating")}), arrays as
 * {@code .array()}. Every mapping here was checked against {@code format_type}: the round-trip test
 * fails if one drifts.
 */
record TypeRef(String postgres, String jooqConstant, List<Integer> args, boolean array) {

    private static final Pattern SIZED = Pattern.compile("(character varying|character|numeric|timestamp|time)\\((\\d+)(?:,(\\d+))?\\)(.*)");

    /** From {@code format_type(atttypid, atttypmod)}. */
    static TypeRef of(String formatType) {
        boolean array = formatType.endsWith("[]");
        String base = array ? formatType.substring(0, formatType.length() - 2) : formatType;
        if (array) return new TypeRef(base, null, List.of(), true); // TEXT.array(), type("inet").array(): arrays read best by name
        String constant = switch (base) {
            case "integer" -> "INTEGER";
            case "bigint" -> "BIGINT";
            case "smallint" -> "SMALLINT";
            case "boolean" -> "BOOLEAN";
            case "date" -> "DATE";
            case "uuid" -> "UUID";
            case "jsonb" -> "JSONB";
            case "json" -> "JSON";
            case "real" -> "REAL";
            case "double precision" -> "DOUBLE";
            case "timestamp with time zone" -> "TIMESTAMPWITHTIMEZONE";
            case "timestamp without time zone" -> "TIMESTAMP";
            case "time without time zone" -> "TIME";
            case "time with time zone" -> "TIMEWITHTIMEZONE";
            case "character varying" -> "VARCHAR";
            case "numeric" -> "NUMERIC";
            case "bytea" -> "BLOB";
            case "interval" -> "INTERVAL";
            case "xml" -> "XML";
            default -> null;
        };
        if (constant != null) return new TypeRef(base, constant, List.of(), false);
        Matcher m = SIZED.matcher(base);
        if (m.matches()) {
            String rest = m.group(4);
            String sized = switch (m.group(1) + rest) {
                case "character varying" -> "VARCHAR";
                case "character" -> "CHAR";
                case "numeric" -> "NUMERIC";
                case "timestamp with time zone" -> "TIMESTAMPWITHTIMEZONE";
                case "timestamp without time zone" -> "TIMESTAMP";
                default -> null;
            };
            if (sized != null) {
                List<Integer> args = m.group(3) == null ? List.of(Integer.parseInt(m.group(2)))
                        : List.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                return new TypeRef(base, sized, args, false);
            }
        }
        return new TypeRef(base, null, List.of(), false);
    }

    /** text is the DSL's own {@code TEXT} (jOOQ's spelling, CLOB, reads as a large object). */
    boolean text() {
        return postgres.equals("text");
    }

    boolean jooq() {
        return jooqConstant != null;
    }

    /** The Java expression: {@code VARCHAR(160)}, {@code type("tsvector")}, {@code TEXT.array()}. */
    String java(JavaCode code) {
        if (text()) {
            code.importStatic("schemasync.dsl.ColumnType.TEXT");
            return "TEXT" + (array ? ".array()" : "");
        }
        if (!jooq()) {
            code.importStatic("schemasync.dsl.ColumnType.type");
            return "type(" + JavaCode.literal(postgres) + ")" + (array ? ".array()" : "");
        }
        code.importStatic("org.jooq.impl.SQLDataType." + jooqConstant);
        if (args.isEmpty()) return jooqConstant;
        return jooqConstant + "(" + String.join(", ", args.stream().map(String::valueOf).toList()) + ")";
    }

    /** The same value the Java expression evaluates to, for blocks interpreted without compiling. */
    DataType<?> dataType() {
        return switch (jooqConstant) {
            case "INTEGER" -> SQLDataType.INTEGER;
            case "BIGINT" -> SQLDataType.BIGINT;
            case "SMALLINT" -> SQLDataType.SMALLINT;
            case "BOOLEAN" -> SQLDataType.BOOLEAN;
            case "DATE" -> SQLDataType.DATE;
            case "UUID" -> SQLDataType.UUID;
            case "JSONB" -> SQLDataType.JSONB;
            case "JSON" -> SQLDataType.JSON;
            case "REAL" -> SQLDataType.REAL;
            case "DOUBLE" -> SQLDataType.DOUBLE;
            case "TIMESTAMPWITHTIMEZONE" -> args.isEmpty() ? SQLDataType.TIMESTAMPWITHTIMEZONE : SQLDataType.TIMESTAMPWITHTIMEZONE(args.get(0));
            case "TIMESTAMP" -> args.isEmpty() ? SQLDataType.TIMESTAMP : SQLDataType.TIMESTAMP(args.get(0));
            case "TIME" -> SQLDataType.TIME;
            case "TIMEWITHTIMEZONE" -> SQLDataType.TIMEWITHTIMEZONE;
            case "VARCHAR" -> args.isEmpty() ? SQLDataType.VARCHAR : SQLDataType.VARCHAR(args.get(0));
            case "CHAR" -> SQLDataType.CHAR(args.get(0));
            case "NUMERIC" -> args.isEmpty() ? SQLDataType.NUMERIC : args.size() == 1 ? SQLDataType.NUMERIC(args.get(0))
                    : SQLDataType.NUMERIC(args.get(0), args.get(1));
            case "BLOB" -> SQLDataType.BLOB;
            case "INTERVAL" -> SQLDataType.INTERVAL;
            case "XML" -> SQLDataType.XML;
            default -> throw new IllegalStateException("unmapped jOOQ type " + jooqConstant);
        };
    }

    /** The declared column type as the DSL builds it (used to interpret a generated block). */
    ColumnType columnType() {
        if (!jooq()) {
            ColumnType t = text() ? ColumnType.TEXT : ColumnType.type(postgres);
            return array ? t.array() : t;
        }
        return ColumnType.of(dataType());
    }
}
