package schemasync.plan;

import schemasync.step.Step;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import schemasync.catalog.Catalog;
import schemasync.catalog.Column;
import schemasync.catalog.CommentTarget;
import schemasync.catalog.Constraint;
import schemasync.catalog.Domain;
import schemasync.catalog.RelationOptions;
import schemasync.catalog.Sequence;
import schemasync.catalog.Table;

/**
 * The facts of a catalog that a replay of the plan ({@link Effects}) must predict exactly: which objects
 * exist, under which names, on which tables, in which order, NOT NULL (and, on PostgreSQL 18, its constraint's name), identity, validated, owned by,
 * commented how, row security and policies, and the objects' owners (those a replay can know: see {@link #of(Catalog, String)}). The one place that lists what is not compared, and why:
 * <ul>
 * <li>texts PostgreSQL deparses and re-spells: column types, defaults and generation expressions,
 *     collations, CHECK/EXCLUDE/index/view/trigger/policy/function/aggregate text, domain base types
 *     and defaults, and the columns a CHECK or EXCLUDE mentions (the step carries the user's spelling;
 *     the normalizer, not the replay, predicts PostgreSQL's); sequence options (PostgreSQL fills unset
 *     ones by type), the access method of a constraint's index, and extension versions;</li>
 * <li>routine arguments: a function, procedure or aggregate is compared by name, since its key holds
 *     pg_get_function_identity_arguments' text;</li>
 * <li>grants and default privileges: a new object also receives the privileges ALTER DEFAULT PRIVILEGES
 *     gave its owner's future objects, which the plan does not state;</li>
 * <li>view dependencies (pg_depend of a new view's query), statistics (reltuples, relpages) and the
 *     extension's own objects;</li>
 * <li>an extension's comment: CREATE EXTENSION sets the one its control file gives, which only the server reads (as
 *     it reads the default version); a declared one is checked by the re-plan being empty;</li>
 * <li>of a column's options, its STORAGE: attstorage reads back as "the type's" (null) when it equals the column type's
 *     own storage, which no step carries for a column this run creates (the re-plan being empty checks it); its
 *     statistics target, compression and attribute options are compared, as are storage parameters with their
 *     values (PostgreSQL keeps a value as written, the name folded to lower case), UNLOGGED and CLUSTER ON;</li>
 * <li>table lineage (INHERITS parents, OF type: {@code Catalog.lineage}): replayed by CREATE TABLE and INHERIT, but
 *     checked by the re-plan (a missing or extra link is a ⚠ there), not compared here;</li>
 * <li>of foreign tables, the columns' types, defaults and options, and of a publication's tables, the column lists
 *     and row filters (texts PostgreSQL re-spells; the re-plan being empty checks them);</li>
 * <li>security labels: the replay sets a declared one ({@code ObjectKindEffects#setSecurityLabel}) but a DROP or
 *     RENAME of its object does not carry it (pg_seclabel keys a label by the object's oid), and no test server loads a
 *     provider to apply one; a declared label is checked by the re-plan being empty;</li>
 * <li>plans with custom steps ({@link #predictable}): their SQL is the user's.</li>
 * </ul>
 */
public final class CatalogOutline {
    private CatalogOutline() {
    }

    /** Whether a replay of these steps can be compared at all (a custom step runs SQL the tool does not model). */
    public static boolean predictable(List<? extends Step> steps) {
        return steps.stream().noneMatch(Step.CustomSql.class::isInstance);
    }

    /** One line per compared fact, sorted: two outlines differ exactly where the replay mispredicted. Every owner is listed. */
    public static Set<String> of(Catalog catalog) {
        return of(catalog, null);
    }

    /**
     * The facts, with the owners of objects not owned by {@code applyingRole} (null: every owner). What a run
     * creates is owned by the role that applies it, which the pure planner does not know, so the replay holds no
     * owner for it until an {@code ensureOwner} sets one; outlines for the role that applied compare every owner
     * the replay can know: declared ones, and those a rename moves or a drop takes along.
     */
    public static Set<String> of(Catalog catalog, String applyingRole) {
        Set<String> facts = new TreeSet<>();
        catalog.schemas().forEach(s -> facts.add("schema " + s));
        catalog.extensions().keySet().forEach(e -> facts.add("extension " + e));
        for (Table t : catalog.tables().values()) table(facts, t);
        // PostgreSQL 18: a NOT NULL's name of its own (one a block declared, or PostgreSQL's old one a rename left behind).
        catalog.notNullNames().forEach((k, name) -> facts.add("not null " + k + " named " + name));
        catalog.indexes().values().forEach(i -> facts.add("index " + i.name() + " on " + i.table() + (i.unique() ? " unique" : "")
                + (i.constraintBacked() ? " of a constraint" : "") + (i.valid() ? "" : " INVALID")));
        catalog.enums().forEach((n, labels) -> facts.add("enum " + n + " " + labels));
        catalog.views().keySet().forEach(v -> facts.add("view " + v));
        catalog.materializedViews().values().forEach(m -> facts.add("materialized view " + m.name() + (m.populated() ? "" : " WITH NO DATA")));
        catalog.functions().values().forEach(f -> facts.add("routine " + f.name()));
        catalog.aggregates().values().forEach(f -> facts.add("aggregate " + f.name()));
        for (Domain d : catalog.domains().values()) {
            facts.add("domain " + d.name() + (d.notNull() ? " NOT NULL" : ""));
            d.checks().forEach(k -> facts.add("domain check " + d.name() + "." + k.name() + (k.validated() ? "" : " NOT VALID")));
        }
        catalog.composites().values().forEach(t -> facts.add("composite type " + t.name() + " "
                + t.attributes().stream().map(a -> a.name()).toList()));
        // Provider and determinism only: PostgreSQL 16+ re-spells an ICU locale as a language tag.
        catalog.collations().values().forEach(k -> facts.add("collation " + k.name() + " " + k.provider()
                + (k.deterministic() ? "" : " nondeterministic")));
        // The range's name only: its subtype and function texts are re-spelled (format_type, regproc).
        catalog.rangeTypes().keySet().forEach(r -> facts.add("range type " + r));
        // Kinds, columns and target of statistics; expressions and a rule's text are re-spelled (the normalizer predicts them).
        catalog.statistics().values().forEach(s -> facts.add("statistics " + s.name() + " on " + s.table() + " " + s.kinds() + " "
                + s.columns() + (s.target() == null ? "" : " target " + s.target())));
        catalog.rules().values().forEach(r -> facts.add("rule " + r.key() + " " + r.enabled()));
        // Operators and casts whole: the planner steps carry PostgreSQL's spelling (format_type, regproc).
        catalog.operators().operators().values().forEach(o -> facts.add("operator " + o.key() + " " + o.describe()));
        catalog.operators().casts().values().forEach(c -> facts.add("cast " + c.key() + " " + c.describe()));
        // Operator families and classes whole, members included (regoperator, regprocedure, format_type spellings).
        catalog.operators().families().values().forEach(f -> facts.add("operator family " + f.key() + " " + f.describe()));
        catalog.operators().classes().values().forEach(c -> facts.add("operator class " + c.key() + " " + c.describe()));
        // Text search objects whole: the planner spells them as pg_ts_dict and pg_ts_config_map hold them.
        catalog.textSearch().dictionaries().values().forEach(d -> facts.add("text search dictionary " + d.name() + " "
                + d.template() + " " + d.options()));
        catalog.textSearch().configurations().values().forEach(c -> facts.add("text search configuration " + c.name() + " "
                + c.parser() + " " + new java.util.TreeMap<>(c.mappings())));
        catalog.conversions().values().forEach(v -> facts.add("conversion " + v.name() + " " + v.describe()));
        for (Sequence q : catalog.sequences().values()) {
            facts.add("sequence " + q.name() + (q.owner() == null ? "" : " owned by " + q.owner() + (q.owner().identity() ? " (identity)" : "")));
        }
        catalog.comments().forEach((k, text) -> {
            // CREATE EXTENSION sets the comment of the extension's control file, which only the server reads (as its version).
            if (k.kind() != CommentTarget.Kind.EXTENSION) facts.add("comment on " + k.kind().word() + " " + k.object()
                    + (k.detail() == null || routine(k) ? "" : " " + k.detail()) + ": " + text);
        });
        catalog.relationOptions().forEach((n, o) -> {
            if (!o.storage().isEmpty()) {
                facts.add("storage parameters of " + n + " " + o.storage().stream().map(CatalogOutline::parameter).sorted().toList());
            }
            o.columns().forEach((column, k) -> {
                if (k.statistics() != null) facts.add("statistics target of " + n + "." + column + " " + k.statistics());
                if (k.compression() != null) facts.add("compression of " + n + "." + column + " " + k.compression().toLowerCase(Locale.ROOT));
                if (!k.attributes().isEmpty()) facts.add("attribute options of " + n + "." + column + " "
                        + k.attributes().stream().map(CatalogOutline::parameter).sorted().toList());
            });
            if (o.unlogged()) facts.add("unlogged " + n);
            if (o.clustered()) facts.add("clustered on " + n);
        });
        catalog.partitioning().forEach((n, p) -> facts.add("partitioning " + n + (p.key() == null ? "" : " partitioned")
                + (p.parent() == null ? "" : " partition of " + p.parent())));
        externals(facts, catalog.externals());
        // A routine by its name, like its other facts (its identity arguments are re-spelled text).
        catalog.owners().forEach((t, role) -> {
            if (!role.equals(applyingRole)) facts.add("owner of " + t.kind().word() + " " + (t.kind().routine() ? t.name() : t) + ": " + role);
        });
        return facts;
    }

    /** Servers, user mappings, foreign tables, publications, event triggers: names, links, options, states. */
    private static void externals(Set<String> facts, schemasync.catalog.ExternalObjects e) {
        e.servers().values().forEach(v -> facts.add("server " + v.name() + " wrapper " + v.wrapper() + " type " + v.type()
                + " version " + v.version() + " options " + v.options()));
        e.userMappings().values().forEach(m -> facts.add("user mapping " + m.key() + " options " + m.options()
                + (m.hasPassword() ? " with a password" : "")));
        e.foreignTables().values().forEach(t -> facts.add("foreign table " + t.name() + " server " + t.server() + " columns "
                + t.columns().stream().map(schemasync.catalog.ExternalObjects.ForeignColumn::name).toList() + " options " + t.options()));
        e.publications().values().forEach(p -> facts.add("publication " + p.name() + (p.allTables() ? " for all tables" : " tables "
                + p.tables().stream().map(t -> t.table().toString()).toList() + " schemas " + p.schemas()) + " publish " + p.publish()
                + (p.viaRoot() ? " via root" : "")));
        e.eventTriggers().values().forEach(t -> facts.add("event trigger " + t.name() + " on " + t.event() + " tags " + t.tags()
                + " function " + t.function() + " " + t.enabled()));
    }

    private static void table(Set<String> facts, Table t) {
        facts.add("table " + t.name() + (t.partition() ? " (partition)" : "") + " columns " + t.columns().stream().map(Column::name).toList()
                + (t.rowSecurity() == Table.RowSecurity.OFF ? "" : " row security " + t.rowSecurity())
                + (t.comment() == null ? "" : " comment: " + t.comment()));
        for (Column k : t.columns()) {
            facts.add("column " + t.name() + "." + k.name() + (k.notNull() ? " NOT NULL" : "")
                    + (k.identity() == Column.Identity.NONE ? "" : " " + k.identity()) + (k.generated() == null ? "" : " GENERATED")
                    + (k.comment() == null ? "" : " comment: " + k.comment()));
        }
        if (t.primaryKey() != null) facts.add("primary key " + t.name() + " " + t.primaryKey().name() + " " + t.primaryKey().columns());
        for (Constraint k : t.constraints()) {
            // A CHECK's or EXCLUDE's columns are those its expression mentions (conkey): text, not compared.
            boolean keyed = k.kind() == Constraint.Kind.UNIQUE || k.kind() == Constraint.Kind.FOREIGN_KEY;
            facts.add("constraint " + t.name() + "." + k.name() + " " + k.kind() + (keyed ? " " + k.columns() : "")
                    + (k.validated() ? "" : " NOT VALID")
                    + (k.foreignKey() == null ? "" : " references " + k.foreignKey().table()));
        }
        t.triggers().forEach(g -> facts.add("trigger " + t.name() + "." + g.name() + " " + g.enabled()));
        t.policies().forEach(p -> facts.add("policy " + t.name() + "." + p.name() + " " + (p.permissive() ? "PERMISSIVE" : "RESTRICTIVE")
                + " " + p.command() + " " + new TreeSet<>(p.roles())));
    }

    /** {@code name=value} with the name as PostgreSQL folds an unquoted one; the value as written. */
    private static String parameter(String p) {
        String key = RelationOptions.key(p);
        return key.strip().toLowerCase(Locale.ROOT) + p.substring(key.length());
    }

    private static boolean routine(CommentTarget k) {
        return k.kind() == CommentTarget.Kind.FUNCTION || k.kind() == CommentTarget.Kind.PROCEDURE || k.kind() == CommentTarget.Kind.AGGREGATE;
    }
}
