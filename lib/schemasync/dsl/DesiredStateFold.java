package schemasync.dsl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import schemasync.catalog.Catalog;
import schemasync.catalog.DefaultTarget;
import schemasync.catalog.GrantTarget;
import schemasync.catalog.QualifiedName;
import schemasync.dsl.Declaration.RemovalDecl;
import schemasync.dsl.Declaration.RenameDecl;
import schemasync.model.ObjectId;
import schemasync.model.ObjectKind;

/**
 * The one pass behind {@link DesiredState}: each declaration adds what it declares, under every name the renames
 * declared after it give it ({@link RenameLane#names}): the database holds one of those names, depending on whether
 * the rename has run on it yet. Mutable while it runs; {@link DesiredState} copies it.
 */
final class DesiredStateFold {
    final Map<ObjectId, Origin> objects = new HashMap<>();
    final Set<QualifiedName> partitions = new HashSet<>();
    final Set<QualifiedName> touched = new HashSet<>();
    final Set<QualifiedName> rebuiltIndexes = new HashSet<>();
    final Map<QualifiedName, Set<String>> columns = new HashMap<>();
    final Map<QualifiedName, Map<String, TreeMap<Integer, String>>> columnChanges = new HashMap<>();
    final Set<QualifiedName> reshaped = new HashSet<>();
    final Set<String> grants = new HashSet<>();
    final Set<String> defaultGrants = new HashSet<>();
    final Set<GrantTarget> grantTargets = new HashSet<>();
    final CurrentNames names;

    private final List<Declaration> declarations;
    private final Catalog before;
    private final DesiredState.Spelling spelling;
    private final RenameLane lane;

    DesiredStateFold(List<Declaration> declarations, Catalog before, DesiredState.Spelling spelling) {
        this.declarations = declarations;
        this.before = before;
        this.spelling = spelling;
        this.lane = new RenameLane(declarations);
        this.names = new CurrentNames(declarations, before, lane);
    }

    DesiredStateFold run() {
        for (int i = 0; i < declarations.size(); i++) {
            Declaration d = declarations.get(i);
            objects(d, i);
            columns(d, i);
        }
        // A renamed column or table keeps its declaration under its new name too.
        for (QualifiedName table : new ArrayList<>(columns.keySet())) {
            for (QualifiedName alias : tableAliases(table)) {
                columns.computeIfAbsent(alias, k -> new HashSet<>()).addAll(columns.get(table));
            }
        }
        columns.forEach((table, names) -> names.addAll(columnTargets(table)));
        return this;
    }

    /** The objects and touched tables of one declaration at {@code position}. */
    private void objects(Declaration d, int position) {
        Origin origin = d.origin();
        if (d instanceof Declaration.TableDecl t) {
            for (QualifiedName name : tableNames(t.name(), position)) {
                declare(DesiredState.table(name), origin);
                touched.add(name);
            }
        } else if (d instanceof Declaration.ConstraintsDecl k) {
            touched.addAll(tableNames(k.table(), position));
        } else if (d instanceof Declaration.ColumnDecl c) {
            touched.addAll(tableNames(c.table(), position));
        } else if (d instanceof Declaration.ColumnChangeDecl c) {
            touched.addAll(tableNames(c.table(), position));
        } else if (d instanceof Declaration.IndexDecl i) {
            touched.addAll(tableNames(i.table(), position));
            for (QualifiedName name : lane.names(ObjectKind.INDEX, i.name(), position, Integer.MAX_VALUE)) {
                declare(DesiredState.index(name), origin);
                if (i.rebuildWhenChanged()) rebuiltIndexes.add(name);
            }
        } else if (d instanceof Declaration.TriggerDecl g) {
            for (QualifiedName table : tableNames(g.table(), position)) {
                touched.add(table);
                declare(DesiredState.trigger(table, g.name()), origin);
            }
        } else if (d instanceof AccessDecl.PolicyDecl p) {
            for (QualifiedName table : tableNames(p.table(), position)) {
                touched.add(table);
                declare(DesiredState.policy(table, p.name()), origin);
            }
        } else if (d instanceof Declaration.PartitionDecl p) {
            partitions.add(p.name());
            touched.add(p.name());
        } else if (d instanceof Declaration.MaterializedViewDecl m) {
            declare(DesiredState.materializedView(m.name()), origin);
            touched.add(m.name());
        } else if (d instanceof Declaration.ViewDecl v) {
            declare(DesiredState.view(v.name()), origin);
        } else if (d instanceof TypeDecl.SequenceDecl q) {
            declare(DesiredState.sequence(q.name()), origin);
        } else if (d instanceof TypeDecl.EnumDecl e) {
            declare(DesiredState.type(e.name()), origin);
        } else if (d instanceof TypeDecl.DomainDecl t) {
            declare(DesiredState.type(t.name()), origin);
        } else if (d instanceof TypeDecl.CompositeTypeDecl t) {
            declare(DesiredState.type(t.name()), origin);
        } else if (d instanceof KindDecl.CollationDecl c) {
            declare(DesiredState.collation(c.name()), origin);
        } else if (d instanceof KindDecl.RangeTypeDecl t) {
            declare(DesiredState.type(t.name()), origin);
        } else if (d instanceof TextSearchDecl.DictionaryDecl t) {
            declare(DesiredState.textSearchDictionary(t.name()), origin);
        } else if (d instanceof TextSearchDecl.ConfigurationDecl t) {
            declare(DesiredState.textSearchConfiguration(t.name()), origin);
        } else if (d instanceof ConversionDecl c) {
            declare(DesiredState.conversion(c.name()), origin);
        } else if (d instanceof StatisticsRuleDecl.StatisticsDecl s) {
            declare(DesiredState.statistics(s.name()), origin);
        } else if (d instanceof StatisticsRuleDecl.RuleDecl r) {
            declare(DesiredState.rule(r.table(), r.name()), origin);
        } else if (d instanceof Declaration.FunctionDecl f) {
            declare(routine(f.name(), spelling.functionKey().apply(f.signature())), origin);
        } else if (d instanceof Declaration.AggregateDecl a) {
            declare(routine(a.name(), spelling.aggregateKey().apply(a.signature())), origin);
        } else if (d instanceof AccessDecl.GrantDecl g) {
            granted(g, position);
        } else if (d instanceof AccessDecl.DefaultPrivilegesDecl p) {
            DefaultTarget target = new DefaultTarget(p.forRole() != null ? p.forRole() : spelling.currentUser(), p.schema(), p.objects());
            p.privileges().forEach(privilege -> defaultGrants.add(target + " " + p.role() + " " + privilege));
        } else if (d instanceof ExternalDecl.ForeignServerDecl s) {
            declare(DesiredState.foreignServer(s.server().name()), origin);
        } else if (d instanceof ExternalDecl.UserMappingDecl m) {
            declare(DesiredState.userMapping(m.mapping().key()), origin);
        } else if (d instanceof ExternalDecl.ForeignTableDecl t) {
            declare(DesiredState.foreignTable(t.table().name()), origin);
        } else if (d instanceof ExternalDecl.PublicationDecl p) {
            declare(DesiredState.publication(p.publication().name()), origin);
        } else if (d instanceof ExternalDecl.EventTriggerDecl e) {
            declare(DesiredState.eventTrigger(e.trigger().name()), origin);
        } else if (d instanceof RenameDecl r) {
            renamed(r, position);
        } else if (d instanceof RemovalDecl r) {
            removed(r);
        }
    }

    /**
     * A grant or revocation, on its target under the name the database has at this position (a table through the
     * later renames; a routine by the catalog's key for it). A target the planner cannot resolve is left out: the
     * planner refuses that declaration, naming it.
     */
    private void granted(AccessDecl.GrantDecl g, int position) {
        GrantTarget t = g.target();
        GrantTarget target = switch (t.kind()) {
            case TABLE, COLUMN -> {
                QualifiedName actual = names.table(t.qualifiedName(), position);
                yield actual.equals(t.qualifiedName()) ? t : new GrantTarget(t.kind(), actual.schema(), actual.name(), t.detail());
            }
            case FUNCTION -> GrantTarget.routine(t.qualifiedName(), spelling.grantRoutineKey().apply(t.object()));
            default -> t;
        };
        if (target == null) return;
        grantTargets.add(target);
        g.privileges().forEach(privilege -> grants.add(target + " " + g.role() + " " + privilege));
    }

    private void renamed(RenameDecl r, int position) {
        switch (r.kind()) {
            case TABLE -> {
                touched.add(r.fromName());
                touched.add(r.fromName().sibling(r.to()));
            }
            case COLUMN -> touched.addAll(tableNames(r.table(), position));
            case INDEX -> {
                declare(DesiredState.index(r.fromName()), r.origin());
                declare(DesiredState.index(r.fromName().sibling(r.to())), r.origin());
            }
            default -> { }
        }
    }

    /** Declared absent: what the removal names is declared (the plan drops it), so it is not "undeclared". */
    private void removed(RemovalDecl r) {
        QualifiedName name = r.object();
        Origin origin = r.origin();
        switch (r.kind()) {
            case TABLE -> touched.add(name);
            case COLUMN -> {
                // Only a column there is to drop touches its table.
                if (DesiredState.hasColumn(before, name, r.column())) touched.add(name);
            }
            case INDEX -> declare(DesiredState.index(name), origin);
            case VIEW -> declare(DesiredState.view(name), origin);
            case TRIGGER -> declare(DesiredState.trigger(name, r.column()), origin);
            case MATERIALIZED_VIEW -> declare(DesiredState.materializedView(name), origin);
            case SEQUENCE -> declare(DesiredState.sequence(name), origin);
            case DOMAIN, COMPOSITE_TYPE, RANGE_TYPE -> declare(DesiredState.type(name), origin);
            case COLLATION -> declare(DesiredState.collation(name), origin);
            case STATISTICS -> declare(DesiredState.statistics(name), origin);
            case TEXT_SEARCH_DICTIONARY -> declare(DesiredState.textSearchDictionary(name), origin);
            case TEXT_SEARCH_CONFIGURATION -> declare(DesiredState.textSearchConfiguration(name), origin);
            case CONVERSION -> declare(DesiredState.conversion(name), origin);
            case RULE -> declare(DesiredState.rule(name, r.column()), origin);
            case PARTITION -> {
                partitions.add(name);
                touched.add(name);
            }
            // ensureNoFunction names every overload; ensureNoProcedure and ensureNoAggregate drop only a single one.
            case FUNCTION -> routinesNamed(before.functions(), name).forEach(f -> declare(DesiredState.routine(f), origin));
            case PROCEDURE, AGGREGATE -> {
                var named = routinesNamed(r.kind() == ObjectKind.AGGREGATE ? before.aggregates() : before.functions(), name);
                if (named.size() == 1) declare(DesiredState.routine(named.get(0)), origin);
            }
            default -> { }
        }
    }

    private static List<Catalog.Function> routinesNamed(Map<String, Catalog.Function> routines, QualifiedName name) {
        return routines.values().stream().filter(f -> f.name().equals(name)).toList();
    }

    /** A routine by the key the normalizer gives its declared signature ({@code schema.name(arguments)}). */
    private static ObjectId routine(QualifiedName name, String key) {
        String prefix = name.schema() + ".";
        return key.startsWith(prefix) ? ObjectId.of(ObjectId.Kind.FUNCTION, name.schema(), key.substring(prefix.length()))
                : DesiredState.routine(key);
    }

    /** The declared columns per table, and where the column changes are. */
    private void columns(Declaration d, int position) {
        if (d instanceof RenameDecl r && r.kind() == ObjectKind.TABLE && before.tables().containsKey(r.fromName())) {
            // Only what this run will do: a rename or removal already done stays declared forever.
            reshaped.add(r.fromName());
            reshaped.add(r.fromName().sibling(r.to()));
        } else if (d instanceof RenameDecl r && r.kind() == ObjectKind.COLUMN && DesiredState.hasColumn(before, r.table(), r.from())) {
            reshaped.add(r.table());
        } else if (d instanceof RemovalDecl r && before.tables().containsKey(r.object())
                && (r.kind() == ObjectKind.TABLE || r.kind() == ObjectKind.COLUMN)) {
            reshaped.add(r.object());
        }
        if (d instanceof Declaration.ColumnChangeDecl c) {
            columnChanges.computeIfAbsent(c.table(), k -> new HashMap<>())
                    .computeIfAbsent(c.column(), k -> new TreeMap<>())
                    .put(position, c.origin().blockId());
        }
        if (d instanceof Declaration.TableDecl t) {
            t.columns().forEach(c -> columns.computeIfAbsent(t.name(), k -> new HashSet<>()).add(c.name()));
        } else if (d instanceof Declaration.ColumnDecl c) {
            columns.computeIfAbsent(c.table(), k -> new HashSet<>()).add(c.column().name());
        } else if (d instanceof RemovalDecl r && r.kind() == ObjectKind.COLUMN) {
            columns.computeIfAbsent(r.object(), k -> new HashSet<>()).add(r.column());
        }
    }

    private void declare(ObjectId id, Origin origin) {
        objects.putIfAbsent(id, origin);
    }

    /** The names a table declared at {@code position} has through the table renames declared after it. */
    private List<QualifiedName> tableNames(QualifiedName table, int position) {
        return lane.names(ObjectKind.TABLE, table, position, Integer.MAX_VALUE);
    }

    /** Every name a column of {@code table} is given by a rename (so it is not reported as undeclared). */
    private List<String> columnTargets(QualifiedName table) {
        return lane.all().stream()
                .filter(r -> r.kind() == ObjectKind.COLUMN && r.table().equals(table)).map(RenameDecl::to).toList();
    }

    /** Tables that are declared under another name by a rename chain (both directions, through every rename of it). */
    private List<QualifiedName> tableAliases(QualifiedName table) {
        List<QualifiedName> aliases = new ArrayList<>(List.of(table));
        List<RenameDecl> tableRenames = lane.all().stream().filter(r -> r.kind() == ObjectKind.TABLE).toList();
        for (int i = 0; i < aliases.size(); i++) {
            QualifiedName name = aliases.get(i);
            for (RenameDecl r : tableRenames) {
                QualifiedName to = r.fromName().sibling(r.to());
                if (r.fromName().equals(name) && !aliases.contains(to)) aliases.add(to);
                if (to.equals(name) && !aliases.contains(r.fromName())) aliases.add(r.fromName());
            }
        }
        return aliases.subList(1, aliases.size());
    }
}
