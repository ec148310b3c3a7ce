package schemasync.generate;

import java.util.List;
import schemasync.dsl.SchemaChanges;

/** The generated calls for enum, domain and composite types and sequences. */
final class TypeCalls {
    private TypeCalls() {
    }

    record EnumCall(String name, List<String> labels) implements Call {
        public void render(JavaCode code) {
            code.line(0, "db.ensureEnum(" + JavaCode.literal(name) + (labels.isEmpty() ? "" : ", " + JavaCode.strings(labels)) + ");");
        }

        public void declare(SchemaChanges db) {
            db.ensureEnum(name, labels.toArray(String[]::new));
        }
    }

    /** {@code db.ensureDomain("year", "integer").notNull().dflt("0").check("year_check", "VALUE > 0")}; {@code notValid}: check names. */
    record DomainCall(String name, String baseType, boolean notNull, String defaultSql, String collationSchema,
                      String collation, List<String> checkNames, List<String> checkExpressions, List<String> notValid) implements Call {
        public void render(JavaCode code) {
            StringBuilder s = new StringBuilder("db.ensureDomain(" + JavaCode.literal(name) + ", " + JavaCode.literal(baseType) + ")");
            if (notNull) s.append(".notNull()");
            if (defaultSql != null) s.append(".dflt(").append(JavaCode.literal(defaultSql)).append(")");
            if (collation != null) {
                s.append(".collate(").append(collationSchema.equals("pg_catalog") ? "" : JavaCode.literal(collationSchema) + ", ")
                        .append(JavaCode.literal(collation)).append(")");
            }
            if (checkNames.isEmpty()) {
                code.line(0, s + ";");
                return;
            }
            code.line(0, s.toString());
            for (int i = 0; i < checkNames.size(); i++) {
                code.line(1, ".check(" + JavaCode.literal(checkNames.get(i)) + ", " + JavaCode.literal(checkExpressions.get(i)) + ")"
                        + (notValid.contains(checkNames.get(i)) ? ".notValid()" : "") + (i == checkNames.size() - 1 ? ";" : ""));
            }
        }

        public void declare(SchemaChanges db) {
            var b = db.ensureDomain(name, baseType);
            if (notNull) b.notNull();
            if (defaultSql != null) b.dflt(defaultSql);
            if (collation != null) b.collate(collationSchema, collation);
            for (int i = 0; i < checkNames.size(); i++) {
                b.check(checkNames.get(i), checkExpressions.get(i));
                if (notValid.contains(checkNames.get(i))) b.notValid();
            }
        }
    }

    /** {@code db.ensureCompositeType("pair").attribute("a", "integer").attribute("b", "text").collate("C")}. */
    record CompositeCall(String name, List<List<String>> attributes) implements Call {
        public void render(JavaCode code) {
            code.line(0, "db.ensureCompositeType(" + JavaCode.literal(name) + ")");
            for (int i = 0; i < attributes.size(); i++) {
                List<String> a = attributes.get(i);
                String collate = a.size() < 4 ? "" : ".collate(" + (a.get(2).equals("pg_catalog") ? "" : JavaCode.literal(a.get(2)) + ", ")
                        + JavaCode.literal(a.get(3)) + ")";
                code.line(1, ".attribute(" + JavaCode.literal(a.get(0)) + ", " + JavaCode.literal(a.get(1)) + ")" + collate
                        + (i == attributes.size() - 1 ? ";" : ""));
            }
            if (attributes.isEmpty()) code.line(1, ";");
        }

        public void declare(SchemaChanges db) {
            var b = db.ensureCompositeType(name);
            for (List<String> a : attributes) {
                b.attribute(a.get(0), a.get(1));
                if (a.size() >= 4) b.collate(a.get(2), a.get(3));
            }
        }
    }

    /**
     * {@code db.ensureSequence("invoice_number").startWith(1000).ownedBy("invoices.number")}: options
     * null where they are PostgreSQL's default for the type (an ascending sequence), so only the
     * deliberate ones are written.
     */
    record SequenceCall(String name, String as, Long incrementBy, Long minValue, Long maxValue, Long startWith, Long cache,
                        boolean cycle, String ownedBy) implements Call {
        public void render(JavaCode code) {
            StringBuilder s = new StringBuilder("db.ensureSequence(" + JavaCode.literal(name) + ")");
            if (as != null) s.append(".as(").append(JavaCode.literal(as)).append(")");
            if (incrementBy != null) s.append(".incrementBy(").append(incrementBy).append("L)");
            if (minValue != null) s.append(".minValue(").append(minValue).append("L)");
            if (maxValue != null) s.append(".maxValue(").append(maxValue).append("L)");
            if (startWith != null) s.append(".startWith(").append(startWith).append("L)");
            if (cache != null) s.append(".cache(").append(cache).append("L)");
            if (cycle) s.append(".cycle()");
            if (ownedBy != null) s.append(".ownedBy(").append(JavaCode.literal(ownedBy)).append(")");
            code.line(0, s.append(";").toString());
        }

        public void declare(SchemaChanges db) {
            var b = db.ensureSequence(name);
            if (as != null) b.as(as);
            if (incrementBy != null) b.incrementBy(incrementBy);
            if (minValue != null) b.minValue(minValue);
            if (maxValue != null) b.maxValue(maxValue);
            if (startWith != null) b.startWith(startWith);
            if (cache != null) b.cache(cache);
            if (cycle) b.cycle();
            if (ownedBy != null) b.ownedBy(ownedBy);
        }
    }
}
