package schemasync.generate;

import java.util.List;
import java.util.Map;
import schemasync.catalog.ColumnOptions;
import schemasync.catalog.RelationOptions;
import schemasync.dsl.SchemaChanges;
import schemasync.dsl.TableBuilder;

/** Calls about one partition beyond {@link Call.PartitionCall}, kept in a file of their own. */
final class PartitionCalls {
    private PartitionCalls() {
    }

    /**
     * {@code db.ensurePartition(name, parent, bound, t -> t.check(...).with("fillfactor", "70").unlogged()
     * .onColumn("note").statistics(500))}: a partition with options of its own beside its own constraints: storage
     * parameters (pg_class.reloptions of the partition, which PostgreSQL never copies from the parent), UNLOGGED
     * (relpersistence: a partition may be unlogged under a logged parent) and column options (pg_attribute of the
     * partition: statistics target, storage, compression, attribute options), by column name.
     */
    record PartitionWithStorageCall(Call.PartitionCall partition, List<String> storage, boolean unlogged,
                                    Map<String, ColumnOptions> columnOptions, String comment, OwnColumns own, OwnKey key) implements Call {
        PartitionWithStorageCall {
            storage = List.copyOf(storage);
            columnOptions = new java.util.TreeMap<>(columnOptions);
            if (own == null) own = OwnColumns.NONE;
            if (key == null) key = OwnKey.NONE;
        }

        PartitionWithStorageCall(Call.PartitionCall partition, List<String> storage, boolean unlogged,
                                 Map<String, ColumnOptions> columnOptions, String comment) {
            this(partition, storage, unlogged, columnOptions, comment, OwnColumns.NONE, OwnKey.NONE);
        }

        PartitionWithStorageCall(Call.PartitionCall partition, List<String> storage) {
            this(partition, storage, false, Map.of(), null);
        }

        /** Whether a partition with these options or comment needs this call rather than a plain {@link Call.PartitionCall}. */
        static boolean needed(RelationOptions o, String comment) {
            return comment != null || !o.storage().isEmpty() || o.unlogged() || o.columns().values().stream().anyMatch(c -> !c.isNone());
        }

        public void render(JavaCode code) {
            Call.PartitionCall p = partition;
            code.line(0, "db.ensurePartition(" + JavaCode.literal(p.name()) + ", " + JavaCode.literal(p.parent()) + ", "
                    + JavaCode.literal(p.bound()) + (p.partitionBy() == null ? "" : ", " + JavaCode.literal(p.partitionBy())) + ", t -> t");
            for (TableCall.ConstraintDef d : p.constraints()) code.line(1, TableCall.constraint(d));
            StringBuilder last = new StringBuilder(key.call());
            if (comment != null) last.append(".comment(").append(JavaCode.literal(comment)).append(")");
            last.append(TableCall.storage(storage));
            if (unlogged) last.append(".unlogged()");
            for (Map.Entry<String, ColumnOptions> e : columnOptions.entrySet()) {
                if (e.getValue().isNone()) continue;
                if (!last.isEmpty()) code.line(1, last.toString());
                last = new StringBuilder(".onColumn(" + JavaCode.literal(e.getKey()) + ")" + TableCall.columnOptions(e.getValue()));
            }
            for (String column : own.columns()) {
                if (!last.isEmpty()) code.line(1, last.toString());
                last = new StringBuilder(own.calls(column));
            }
            code.line(1, last + ");");
        }

        public void declare(SchemaChanges db) {
            Call.PartitionCall p = partition;
            db.ensurePartition(p.name(), p.parent(), p.bound(), p.partitionBy(), t -> {
                TableBuilder b = t;
                for (TableCall.ConstraintDef d : p.constraints()) b = TableCall.constraint(b, d);
                b = key.declare(b);
                if (comment != null) b = b.comment(comment);
                for (String o : storage) b = b.with(RelationOptions.key(o), o.substring(o.indexOf('=') + 1));
                if (unlogged) b = b.unlogged();
                for (Map.Entry<String, ColumnOptions> e : columnOptions.entrySet()) {
                    ColumnOptions o = e.getValue();
                    if (o.isNone()) continue;
                    b = b.onColumn(e.getKey());
                    if (o.statistics() != null) b = b.statistics(o.statistics());
                    if (o.storage() != null) b = b.storage(o.storage());
                    if (o.compression() != null) b = b.compression(o.compression());
                    for (String a : o.attributes()) b = b.columnOption(RelationOptions.key(a), a.substring(a.indexOf('=') + 1));
                }
                return own.declare(b);
            });
        }
    }

    /**
     * A partition's own defaults (a null value: none though the parent has one), NOT NULL and column comments, by column:
     * {@code .columnDefault("status", "'new'::text").notNull("status").columnComment("status", "...")}; an own NOT NULL
     * under a name of its own (PostgreSQL 18, {@code notNullNames}) is {@code .notNullNamed("status", "status_required")}.
     */
    record OwnColumns(Map<String, String> defaults, java.util.Set<String> notNull, Map<String, String> comments,
                      Map<String, String> notNullNames) {
        static final OwnColumns NONE = new OwnColumns(Map.of(), java.util.Set.of(), Map.of(), Map.of());

        OwnColumns {
            notNullNames = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(notNullNames));
            defaults = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(defaults));
            notNull = java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(notNull));
            comments = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(comments));
        }

        boolean isNone() {
            return defaults.isEmpty() && notNull.isEmpty() && comments.isEmpty();
        }

        java.util.SortedSet<String> columns() {
            java.util.SortedSet<String> out = new java.util.TreeSet<>(defaults.keySet());
            out.addAll(notNull);
            out.addAll(comments.keySet());
            return out;
        }

        /** The chain of calls for one column, as Java source. */
        String calls(String column) {
            StringBuilder out = new StringBuilder();
            String name = JavaCode.literal(column);
            if (defaults.containsKey(column)) {
                String d = defaults.get(column);
                out.append(".columnDefault(").append(name).append(", ").append(d == null ? "null" : JavaCode.literal(d)).append(")");
            }
            if (notNullNames.containsKey(column)) {
                out.append(".notNullNamed(").append(name).append(", ").append(JavaCode.literal(notNullNames.get(column))).append(")");
            } else if (notNull.contains(column)) {
                out.append(".notNull(").append(name).append(")");
            }
            if (comments.containsKey(column)) {
                out.append(".columnComment(").append(name).append(", ").append(JavaCode.literal(comments.get(column))).append(")");
            }
            return out.toString();
        }

        TableBuilder declare(TableBuilder b) {
            for (Map.Entry<String, String> e : defaults.entrySet()) b = b.columnDefault(e.getKey(), e.getValue());
            for (String n : notNull) b = notNullNames.containsKey(n) ? b.notNullNamed(n, notNullNames.get(n)) : b.notNull(n);
            for (Map.Entry<String, String> e : comments.entrySet()) b = b.columnComment(e.getKey(), e.getValue());
            return b;
        }
    }

    /**
     * A primary key of one partition alone ({@code .primaryKey("id").named("...")}: a partition created alone and attached
     * keeps the key it had; its parent has none). {@code name} null: PostgreSQL's default {@code <partition>_pkey}.
     */
    record OwnKey(List<String> columns, String name) {
        static final OwnKey NONE = new OwnKey(List.of(), null);

        OwnKey {
            columns = List.copyOf(columns);
        }

        boolean isNone() {
            return columns.isEmpty();
        }

        String call() {
            if (isNone()) return "";
            return ".primaryKey(" + String.join(", ", columns.stream().map(JavaCode::literal).toList()) + ")"
                    + (name == null ? "" : ".named(" + JavaCode.literal(name) + ")");
        }

        TableBuilder declare(TableBuilder b) {
            if (isNone()) return b;
            b = b.primaryKey(columns.toArray(String[]::new));
            return name == null ? b : b.named(name);
        }
    }
}
