package schemasync.generate;

import java.util.List;
import schemasync.dsl.IndexMethod;
import schemasync.dsl.SchemaChanges;
import schemasync.dsl.TriggerEvent;

/**
 * One DSL call of a generated block: the intermediate model that is both written as Java source
 * ({@link #render}) and run directly against a {@link SchemaChanges} ({@link #declare}), so the round-trip
 * command can use the generated blocks without compiling them (a test checks both give the same declarations).
 */
sealed interface Call permits Call.SchemaCall, Call.ExtensionCall, Call.EnumCall, Call.DomainCall, Call.CompositeCall,
        Call.SequenceCall, Call.AggregateCall, Call.FunctionCall, Call.ViewCall, Call.IndexCall, Call.TriggerCall,
        Call.CustomCall, Call.IgnoreCall, Call.CommentLine, Call.PartitionCall, Call.MaterializedViewCall, Call.CommentCall,
        Call.ConstraintsCall, AccessCalls.ObjectGrantCall, AccessCalls.DefaultPrivilegesCall, AccessCalls.RowSecurityCall,
        AccessCalls.PolicyCall, AccessCalls.GrantCall, TableCall, ExternalCalls.ServerCall, ExternalCalls.UserMappingCall,
        ExternalCalls.ForeignTableCall, ExternalCalls.PublicationCall, ExternalCalls.EventTriggerCall,
        KindCalls.CollationCall, KindCalls.RangeTypeCall, PartitionCalls.PartitionWithStorageCall,
        StatisticsRuleCalls.StatisticsCall, StatisticsRuleCalls.RuleCall {

    void render(JavaCode code);
    void declare(SchemaChanges db);

    /** {@code db.ensureSchema("audit");} */
    record SchemaCall(String name) implements Call {
        public void render(JavaCode code) {
            code.line(0, "db.ensureSchema(" + JavaCode.literal(name) + ");");
        }

        public void declare(SchemaChanges db) {
            db.ensureSchema(name);
        }
    }

    /** {@code db.ensureExtension("btree_gist")}, with its schema when that is not PostgreSQL's choice. */
    record ExtensionCall(String name, String schema) implements Call {
        public void render(JavaCode code) {
            code.line(0, schema == null ? "db.ensureExtension(" + JavaCode.literal(name) + ");"
                    : "db.ensureExtension(" + JavaCode.literal(name) + ", x -> x.inSchema(" + JavaCode.literal(schema) + "));");
        }

        public void declare(SchemaChanges db) {
            if (schema == null) db.ensureExtension(name);
            else db.ensureExtension(name, x -> x.inSchema(schema));
        }
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

    /**
     * {@code signature} with pg_get_function_arguments (OUT and DEFAULT included); the rest verbatim.
     * {@code procedure}: ensureProcedure (CREATE OR REPLACE PROCEDURE).
     */
    record FunctionCall(String signature, String definition, boolean procedure) implements Call {
        public void render(JavaCode code) {
            code.line(0, "db." + (procedure ? "ensureProcedure(" : "ensureFunction(") + JavaCode.literal(signature) + ", "
                    + JavaCode.multiline(definition, 1) + ");");
        }

        public void declare(SchemaChanges db) {
            if (procedure) db.ensureProcedure(signature, definition);
            else db.ensureFunction(signature, definition);
        }
    }

    /** {@code db.ensureAggregate("group_concat(text)", "SFUNC = _group_concat, STYPE = text")}. */
    record AggregateCall(String signature, String definition) implements Call {
        public void render(JavaCode code) {
            code.line(0, "db.ensureAggregate(" + JavaCode.literal(signature) + ", " + JavaCode.multiline(definition, 1) + ");");
        }

        public void declare(SchemaChanges db) {
            db.ensureAggregate(signature, definition);
        }
    }

    record ViewCall(String name, String query) implements Call {
        public void render(JavaCode code) {
            code.line(0, "db.ensureView(" + JavaCode.literal(name) + ", " + JavaCode.multiline(query, 1) + ");");
        }

        public void declare(SchemaChanges db) {
            db.ensureView(name, query);
        }
    }

    /** One index key: a plain column, or key SQL verbatim (expression, opclass, ordering). */
    record Key(String column, String sql) {
    }

    /** {@code storage}: {@code name=value} storage parameters; {@code clustered}: the table is marked CLUSTER ON it. */
    record IndexCall(String name, String table, boolean unique, IndexMethod method, List<Key> keys, List<String> include,
                     String where, List<String> storage, boolean clustered, boolean nullsNotDistinct) implements Call {
        public void render(JavaCode code) {
            StringBuilder s = new StringBuilder("db.ensureIndex(" + JavaCode.literal(name) + ").on(" + JavaCode.literal(table) + ")");
            if (unique) s.append(".unique()");
            if (method != IndexMethod.BTREE) {
                code.importClass("schemasync.dsl.IndexMethod");
                s.append(".using(IndexMethod.").append(method.name()).append(")");
            }
            int i = 0;
            while (i < keys.size()) {
                if (keys.get(i).column() != null) {
                    int j = i;
                    while (j < keys.size() && keys.get(j).column() != null) j++;
                    s.append(".columns(").append(JavaCode.strings(keys.subList(i, j).stream().map(Key::column).toList())).append(")");
                    i = j;
                } else {
                    s.append(".key(").append(JavaCode.literal(keys.get(i).sql())).append(")");
                    i++;
                }
            }
            if (!include.isEmpty()) s.append(".include(").append(JavaCode.strings(include)).append(")");
            if (where != null) s.append(".where(").append(JavaCode.literal(where)).append(")");
            s.append(nullsNotDistinct ? ".nullsNotDistinct()" : "").append(TableCall.storage(storage));
            if (clustered) s.append(".clustered()");
            code.line(0, s.append(";").toString());
        }

        public void declare(SchemaChanges db) {
            var b = db.ensureIndex(name).on(table);
            if (unique) b.unique();
            if (method != IndexMethod.BTREE) b.using(method);
            for (Key k : keys) {
                if (k.column() != null) b.columns(k.column());
                else b.key(k.sql());
            }
            if (!include.isEmpty()) b.include(include.toArray(String[]::new));
            if (where != null) b.where(where);
            for (String o : storage) b.with(schemasync.catalog.RelationOptions.key(o), o.substring(o.indexOf('=') + 1));
            if (clustered) b.clustered();
            if (nullsNotDistinct) b.nullsNotDistinct();
        }
    }

    /** A constraint trigger's extras: {@code FROM} table (or null), DEFERRABLE, INITIALLY DEFERRED. */
    record ConstraintTriggerDef(String from, boolean deferrable, boolean initiallyDeferred) {
    }

    /** {@code constraint}: a constraint trigger ({@code .constraint()}, {@code .from(...)}, {@code .deferrable()} ...), else null. */
    record TriggerCall(String name, String table, String timing, String events, boolean forEachRow, String when,
                       String function, ConstraintTriggerDef constraint, schemasync.catalog.TriggerSpec.Transitions transitions, schemasync.catalog.ExternalObjects.Enabled enabled) implements Call {
        public void render(JavaCode code) {
            String timingCall = switch (timing) {
                case "BEFORE" -> "before";
                case "AFTER" -> "after";
                default -> "insteadOf";
            };
            code.line(0, "db.ensureTrigger(" + JavaCode.literal(name) + ").on(" + JavaCode.literal(table) + ")");
            code.importClass("schemasync.dsl.TriggerEvent");
            String typed = TriggerEvents.java(events);
            code.line(1, "." + timingCall + "(" + typed + ")" + (forEachRow ? ".forEachRow()" : "")
                    + (when == null ? "" : ".when(" + JavaCode.literal(when) + ")"));
            if (constraint != null) {
                code.line(1, ".constraint()" + (constraint.from() == null ? "" : ".from(" + JavaCode.literal(constraint.from()) + ")")
                        + (constraint.initiallyDeferred() ? ".initiallyDeferred()" : constraint.deferrable() ? ".deferrable()" : ""));
            }
            code.line(1, TriggerTransitions.java(transitions) + TriggerTransitions.enabledJava(enabled) + ".executes(" + JavaCode.literal(function) + ");");
        }

        public void declare(SchemaChanges db) {
            var b = db.ensureTrigger(name).on(table);
            List<TriggerEvent> typed = TriggerEvents.parse(events);
            TriggerEvent first = typed.get(0);
            TriggerEvent[] more = typed.subList(1, typed.size()).toArray(TriggerEvent[]::new);
            switch (timing) {
                case "BEFORE" -> b.before(first, more);
                case "AFTER" -> b.after(first, more);
                default -> b.insteadOf(first, more);
            }
            if (forEachRow) b.forEachRow();
            if (when != null) b.when(when);
            TriggerTransitions.declare(b, transitions, enabled);
            if (constraint != null) {
                b.constraint();
                if (constraint.from() != null) b.from(constraint.from());
                if (constraint.initiallyDeferred()) b.initiallyDeferred();
                else if (constraint.deferrable()) b.deferrable();
            }
            b.executes(function);
        }
    }

    /**
     * What the vocabulary cannot express, as exact SQL behind a guard that is true while the object
     * is missing: {@code customStep}, or {@code ensureCustomObject} when later declarations use what
     * it creates (a domain as a column type, a sequence in a default).
     */
    record CustomCall(String id, boolean definesObjects, String guardSql, String sql) implements Call {
        public void render(JavaCode code) {
            code.line(0, "db." + (definesObjects ? "ensureCustomObject(" : "customStep(") + JavaCode.literal(id) + ")");
            code.line(1, ".neededWhile(" + JavaCode.multiline(guardSql, 1) + ")");
            code.line(1, ".runs(" + JavaCode.multiline(sql, 1) + ");");
        }

        public void declare(SchemaChanges db) {
            (definesObjects ? db.ensureCustomObject(id) : db.customStep(id)).neededWhile(guardSql).runs(sql);
        }
    }

    /** {@code db.ignore(...)}: objects a custom step owns, so the plan does not call them undeclared. */
    record IgnoreCall(List<String> patterns) implements Call {
        public void render(JavaCode code) {
            code.line(0, "db.ignore(" + JavaCode.strings(patterns) + ");");
        }

        public void declare(SchemaChanges db) {
            db.ignore(patterns.toArray(String[]::new));
        }
    }

    /** A comment in the source (nothing to declare): why something is a custom step, or not generated. */
    record CommentLine(String text) implements Call {
        public void render(JavaCode code) {
            code.comment(text);
        }

        public void declare(SchemaChanges db) {
        }
    }

    /**
     * {@code db.ensurePartition("payment_p2022_01", "payment", "FOR VALUES FROM (...) TO (...)")}, with its own
     * key when sub-partitioned, and the constraints of this partition alone as an ensureTable-like chain.
     */
    record PartitionCall(String name, String parent, String bound, String partitionBy, List<TableCall.ConstraintDef> constraints)
            implements Call {
        public void render(JavaCode code) {
            String head = "db.ensurePartition(" + JavaCode.literal(name) + ", " + JavaCode.literal(parent) + ", " + JavaCode.literal(bound)
                    + (partitionBy == null ? "" : ", " + JavaCode.literal(partitionBy));
            if (constraints.isEmpty()) {
                code.line(0, head + ");");
                return;
            }
            code.line(0, head + ", t -> t");
            for (int i = 0; i < constraints.size(); i++) {
                code.line(1, TableCall.constraint(constraints.get(i)) + (i == constraints.size() - 1 ? ");" : ""));
            }
        }

        public void declare(SchemaChanges db) {
            if (constraints.isEmpty()) {
                db.ensurePartition(name, parent, bound, partitionBy);
                return;
            }
            db.ensurePartition(name, parent, bound, partitionBy, t -> {
                schemasync.dsl.TableBuilder b = t;
                for (TableCall.ConstraintDef d : constraints) b = TableCall.constraint(b, d);
                return b;
            });
        }
    }

    /** {@code db.ensureConstraints("care_site", t -> t.foreignKey(...)...)}: constraints added once the tables they need exist. */
    record ConstraintsCall(String table, List<TableCall.ConstraintDef> constraints) implements Call {
        public void render(JavaCode code) {
            code.line(0, "db.ensureConstraints(" + JavaCode.literal(table) + ", t -> t");
            for (int i = 0; i < constraints.size(); i++) {
                code.line(1, TableCall.constraint(constraints.get(i)) + (i == constraints.size() - 1 ? ");" : ""));
            }
        }

        public void declare(SchemaChanges db) {
            db.ensureConstraints(table, t -> {
                schemasync.dsl.TableBuilder b = t;
                for (TableCall.ConstraintDef d : constraints) b = TableCall.constraint(b, d);
                return b;
            });
        }
    }

    /** {@code db.ensureMaterializedView("rental_by_category", "SELECT ...")}; {@code withData} false: {@code ensureMaterializedViewWithNoData}. */
    record MaterializedViewCall(String name, String query, boolean withData) implements Call {
        public void render(JavaCode code) {
            code.line(0, "db.ensureMaterializedView" + (withData ? "" : "WithNoData") + "(" + JavaCode.literal(name) + ", "
                    + JavaCode.multiline(query, 1) + ");");
        }

        public void declare(SchemaChanges db) {
            if (withData) db.ensureMaterializedView(name, query);
            else db.ensureMaterializedViewWithNoData(name, query);
        }
    }

    /**
     * {@code db.ensureComment(CommentOn.VIEW, "active_users", "...")}, or with the table (domain) and the
     * constraint, trigger or policy name when {@code detail} is set.
     */
    record CommentCall(schemasync.catalog.CommentTarget.Kind kind, String object, String detail, String text) implements Call {
        public void render(JavaCode code) {
            code.importClass("schemasync.dsl.CommentOn");
            code.line(0, "db.ensureComment(CommentOn." + kind.name() + ", " + JavaCode.literal(object)
                    + (detail == null ? "" : ", " + JavaCode.literal(detail)) + ", " + JavaCode.literal(text) + ");");
        }

        public void declare(SchemaChanges db) {
            if (detail == null) db.ensureComment(schemasync.dsl.CommentOn.of(kind), object, text);
            else db.ensureComment(schemasync.dsl.CommentOn.of(kind), object, detail, text);
        }
    }
}
