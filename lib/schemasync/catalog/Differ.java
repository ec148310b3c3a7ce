package schemasync.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import schemasync.model.Difference;

/**
 * One comparison per object kind, {@code diff(want, have) → differences}: the planner asks it whether a
 * declared object (in PostgreSQL's spelling) is what the database holds, and {@code verify}'s
 * roundtrip asks it whether two databases hold the same objects, so both see the same differences.
 * Every field of a kind is compared; a caller that decides some fields elsewhere (the planner settles
 * a sequence's owner after every table exists, validates a NOT VALID constraint instead of reporting
 * it) leaves those fields out by name. Names of the object itself are the caller's key, never a field.
 */
public final class Differ {
    private Differ() {
    }

    /** Column fields: PostgreSQL's type, NOT NULL, default, identity, generation (and VIRTUAL or STORED), collation, comment. */
    public static List<Difference> column(Column want, Column have) {
        return new Fields().add("type", want.type(), have.type()).add("not null", want.notNull(), have.notNull())
                .add("default", want.defaultExpr(), have.defaultExpr()).add("identity", want.identity(), have.identity())
                .add("generated", want.generated(), have.generated()).add("collation", want.collation(), have.collation())
                .add("virtual", want.virtual(), have.virtual())
                .add("comment", want.comment(), have.comment()).list();
    }

    /** What makes a constraint the same constraint: kind, columns, CHECK / EXCLUDE text, reference, NULLS NOT DISTINCT, NOT ENFORCED. */
    public static List<Difference> constraintShape(Constraint want, Constraint have) {
        return new Fields().add("kind", want.kind(), have.kind()).add("columns", want.columns(), have.columns())
                .add("expression", want.check(), have.check()).add("references", want.foreignKey(), have.foreignKey())
                .add("nulls not distinct", want.nullsNotDistinct(), have.nullsNotDistinct())
                .add("key options", want.keyOptions().sql().strip(), have.keyOptions().sql().strip())
                .add("not enforced", want.notEnforced(), have.notEnforced())
                .add("without overlaps", want.keyOptions().withoutOverlaps(), have.keyOptions().withoutOverlaps()).list();
    }

    /** The shape, whether it is validated, and pg_get_constraintdef's text (DEFERRABLE lives only there for UNIQUE). */
    public static List<Difference> constraint(Constraint want, Constraint have) {
        List<Difference> out = new ArrayList<>(constraintShape(want, have));
        out.addAll(new Fields().add("validated", want.validated(), have.validated())
                .add("definition", want.definition(), have.definition()).list());
        return out;
    }

    /** pg_get_indexdef from USING on, uniqueness, table, and the catalog's own flags. */
    public static List<Difference> index(Index want, Index have) {
        return new Fields().add("table", want.table(), have.table()).add("unique", want.unique(), have.unique())
                .add("method", want.method(), have.method()).add("definition", want.definition(), have.definition())
                .add("valid", want.valid(), have.valid()).add("constraint", want.constraintBacked(), have.constraintBacked()).list();
    }

    public static List<Difference> enumLabels(List<String> want, List<String> have) {
        return new Fields().add("labels", want, have).list();
    }

    /** A view's (or a materialized view's) query as pg_get_viewdef prints it. */
    public static List<Difference> query(String want, String have) {
        return new Fields().add("query", want, have).list();
    }

    public static List<Difference> materializedView(Catalog.MaterializedView want, Catalog.MaterializedView have) {
        return new Fields().add("query", want.definition(), have.definition()).add("populated", want.populated(), have.populated())
                .add("columns", want.columns(), have.columns()).list();
    }

    /** A function, procedure or aggregate: pg_get_functiondef's text (an aggregate: its option list). */
    public static List<Difference> routine(Catalog.Function want, Catalog.Function have) {
        return new Fields().add("arguments", want.arguments(), have.arguments())
                .add("definition", want.definition(), have.definition()).list();
    }

    public static List<Difference> extension(Catalog.Extension want, Catalog.Extension have) {
        return new Fields().add("schema", want.schema(), have.schema()).add("version", want.version(), have.version()).list();
    }

    /** A domain's own fields; its checks one by one ({@link #domainCheck}) under "check NAME". */
    public static List<Difference> domain(Domain want, Domain have) {
        Fields f = new Fields().add("base type", want.baseType(), have.baseType()).add("collation", want.collation(), have.collation())
                .add("not null", want.notNull(), have.notNull()).add("default", want.defaultExpr(), have.defaultExpr());
        keyed(f, "check", byName(want.checks(), Domain.Check::name), byName(have.checks(), Domain.Check::name), Differ::domainCheck);
        return f.list();
    }

    public static List<Difference> domainCheck(Domain.Check want, Domain.Check have) {
        return new Fields().add("expression", want.expression(), have.expression()).add("validated", want.validated(), have.validated()).list();
    }

    public static List<Difference> composite(CompositeType want, CompositeType have) {
        return new Fields().add("attributes", want.describe(), have.describe()).list();
    }

    /** Provider, locales, ICU rules and determinism: everything CREATE COLLATION sets (none can be altered). */
    public static List<Difference> collation(Collation want, Collation have) {
        return new Fields().add("provider", want.provider(), have.provider()).add("locale", want.locale(), have.locale())
                .add("lc_collate", want.lcCollate(), have.lcCollate()).add("lc_ctype", want.lcCtype(), have.lcCtype())
                .add("rules", want.icuRules(), have.icuRules()).add("deterministic", want.deterministic(), have.deterministic()).list();
    }

    /** Every option CREATE TYPE ... AS RANGE sets, and the multirange type's name. */
    public static List<Difference> rangeType(RangeType want, RangeType have) {
        return new Fields().add("subtype", want.subtype(), have.subtype()).add("subtype_opclass", want.subtypeOpclass(), have.subtypeOpclass())
                .add("collation", want.collation(), have.collation()).add("canonical", want.canonical(), have.canonical())
                .add("subtype_diff", want.subtypeDiff(), have.subtypeDiff()).add("multirange", want.multirange(), have.multirange()).list();
    }

    /** Every option pg_sequence holds, and the owning column ("owner"). */
    public static List<Difference> sequence(Sequence want, Sequence have) {
        return new Fields().add("options", want.describe(), have.describe()).add("owner", want.owner(), have.owner()).list();
    }

    public static List<Difference> partitioning(Catalog.Partitioning want, Catalog.Partitioning have) {
        return new Fields().add("key", want.key(), have.key()).add("parent", want.parent(), have.parent())
                .add("bound", want.bound(), have.bound()).list();
    }

    /**
     * A relation's storage parameters (sorted, as reloptions hold them), UNLOGGED, CLUSTER ON and per-column options
     * (attstattarget, attstorage, attcompression, attoptions): what generate writes with .with(...), .unlogged(),
     * .clustered() and the column options, compared by the round trip.
     */
    public static List<Difference> relationOptions(RelationOptions want, RelationOptions have) {
        return new Fields().add("storage", want.storage(), have.storage()).add("unlogged", want.unlogged(), have.unlogged())
                .add("clustered", want.clustered(), have.clustered()).add("columns", want.columns(), have.columns()).list();
    }

    /** INHERITS parents (in order), OF type, and the child's own default / NOT NULL on inherited columns. */
    public static List<Difference> lineage(TableLineage want, TableLineage have) {
        return new Fields().add("inherits", want.inherits(), have.inherits()).add("of type", want.ofType(), have.ofType())
                .add("inherited columns", want.inheritedColumns(), have.inheritedColumns()).list();
    }

    /** pg_get_triggerdef, the table written {@code ON <table>}. */
    public static List<Difference> trigger(Table.Trigger want, Table.Trigger have) {
        return new Fields().add("definition", want.definition(), have.definition()).add("enabled", want.enabled(), have.enabled()).list();
    }

    public static List<Difference> policy(Table.Policy want, Table.Policy have) {
        return new Fields().add("permissive", want.permissive(), have.permissive()).add("command", want.command(), have.command())
                .add("roles", want.roles(), have.roles()).add("using", want.using(), have.using())
                .add("with check", want.withCheck(), have.withCheck()).list();
    }

    /** Privileges held on one object (or given by default): one difference per "role PRIVILEGE" only one side has. */
    public static List<Difference> grants(Set<Grant> want, Set<Grant> have) {
        Fields f = new Fields();
        keyed(f, "grant", byName(want, g -> g.role() + " " + g.privilege()), byName(have, g -> g.role() + " " + g.privilege()),
                (a, b) -> List.of());
        return f.list();
    }

    public static List<Difference> comment(String want, String have) {
        return new Fields().add("text", want, have).list();
    }

    /**
     * A table's own fields (primary key, comment, row-level security, whether it is a partition, the
     * order of its columns); its parts (columns, constraints, triggers, policies, grants) are compared
     * by their own differs, keyed by name, by the caller.
     */
    public static List<Difference> table(Table want, Table have) {
        Fields f = new Fields();
        f.list.addAll(primaryKey(want.primaryKey(), have.primaryKey(), true));
        f.add("comment", want.comment(), have.comment())
                .add("row security", want.rowSecurity(), have.rowSecurity()).add("partition", want.partition(), have.partition());
        List<String> wantOrder = want.columns().stream().map(Column::name).toList();
        List<String> haveOrder = have.columns().stream().map(Column::name).toList();
        if (new TreeSet<>(wantOrder).equals(new TreeSet<>(haveOrder))) f.add("column order", wantOrder, haveOrder);
        return f.list();
    }

    /**
     * A primary key: its columns ("primary key"; none is the empty list) and, when {@code compareName}, its name
     * ("primary key name"). The planner compares a name only when the block declares one (an unnamed key keeps
     * whatever name it has: a renamed table keeps its old {@code <table>_pkey}); verify compares it always.
     */
    public static List<Difference> primaryKey(Table.PrimaryKey want, Table.PrimaryKey have, boolean compareName) {
        Fields f = new Fields().add("primary key", want == null ? List.of() : want.columns(), have == null ? List.of() : have.columns());
        if (compareName && want != null && have != null) f.add("primary key name", want.name(), have.name());
        return f.list();
    }

    /** The fields that differ, for a caller that decides field by field. */
    public static Set<String> fields(List<Difference> differences) {
        Set<String> out = new java.util.HashSet<>();
        for (Difference d : differences) out.add(d.field());
        return out;
    }

    /** Objects of one kind keyed by name: each missing, extra or different one under "{@code kind} KEY[: field]". */
    public static <V> void keyed(Fields out, String kind, Map<String, V> want, Map<String, V> have,
                                 java.util.function.BiFunction<V, V, List<Difference>> differ) {
        TreeSet<String> keys = new TreeSet<>(want.keySet());
        keys.addAll(have.keySet());
        for (String k : keys) {
            V w = want.get(k);
            V h = have.get(k);
            if (w == null || h == null) out.add(kind + " " + k, w == null ? null : "present", h == null ? null : "present");
            else for (Difference d : differ.apply(w, h)) out.list.add(new Difference(kind + " " + k + ": " + d.field(), d.wanted(), d.actual()));
        }
    }

    public static <V> Map<String, V> byName(Iterable<V> values, Function<V, String> name) {
        Map<String, V> m = new LinkedHashMap<>();
        for (V v : values) m.put(name.apply(v), v);
        return m;
    }

    /** Collects the fields that differ, values in their text form. */
    public static final class Fields {
        private final List<Difference> list = new ArrayList<>();

        public Fields add(String field, Object want, Object have) {
            if (!Objects.equals(want, have)) list.add(new Difference(field, text(want), text(have)));
            return this;
        }

        public List<Difference> list() {
            return List.copyOf(list);
        }

        private static String text(Object value) {
            return value == null ? null : value.toString();
        }
    }
}
