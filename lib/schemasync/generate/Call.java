package schemasync.generate;

import java.util.List;
import schemasync.dsl.IndexMethod;
import schemasync.dsl.SchemaChanges;

/**
 * One DSL call of a generated block: the intermediate model that is both written as Java source
 * ({@link #render}) and run directly against a {@link SchemaChanges} ({@link #declare}), so the round-trip
 * command can use the generated blocks without compiling them (a test checks both give the same declarations).
 */
sealed interface Call permits Call.SchemaCall, Call.ExtensionCall, TypeCalls.EnumCall, TypeCalls.DomainCall, TypeCalls.CompositeCall,
        TypeCalls.SequenceCall, RoutineCalls.AggregateCall, RoutineCalls.FunctionCall, Call.ViewCall, Call.IndexCall, RoutineCalls.TriggerCall,
        Call.CustomCall, Call.IgnoreCall, Call.CommentLine, Call.PartitionCall, Call.MaterializedViewCall, Call.CommentCall,
        Call.ConstraintsCall, AccessCalls.ObjectGrantCall, AccessCalls.DefaultPrivilegesCall, AccessCalls.RowSecurityCall,
        AccessCalls.PolicyCall, AccessCalls.GrantCall, TableCall, ExternalCalls.ServerCall, ExternalCalls.UserMappingCall,
        ExternalCalls.ForeignTableCall, ExternalCalls.PublicationCall, ExternalCalls.EventTriggerCall,
        KindCalls.CollationCall, KindCalls.RangeTypeCall, PartitionCalls.PartitionWithStorageCall,
        StatisticsRuleCalls.StatisticsCall, StatisticsRuleCalls.RuleCall,
        OwnerCalls.OwnerCall, SecurityLabels.SecurityLabelCall,
        OperatorCalls.OperatorCall, OperatorCalls.CastCall, OperatorClassCalls.FamilyCall, OperatorClassCalls.ClassCall,
        CycleCalls.DefaultCall,
        TextSearchCalls.DictionaryCall, TextSearchCalls.ConfigurationCall, ConversionCalls.ConversionCall {

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
            code.line(0, "db.ensureComment(CommentOn." + schemasync.dsl.CommentOn.of(kind).name() + ", " + JavaCode.literal(object)
                    + (detail == null ? "" : ", " + JavaCode.literal(detail)) + ", " + JavaCode.literal(text) + ");");
        }

        public void declare(SchemaChanges db) {
            if (detail == null) db.ensureComment(schemasync.dsl.CommentOn.of(kind), object, text);
            else db.ensureComment(schemasync.dsl.CommentOn.of(kind), object, detail, text);
        }
    }
}
