package schemasync.plan;

import java.util.List;
import java.util.Map;
import schemasync.catalog.CommentTarget;
import schemasync.catalog.Constraint;
import schemasync.catalog.ExternalObjects;
import schemasync.catalog.OwnerTarget;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Rule;
import schemasync.catalog.Statistics;
import schemasync.catalog.TableLineage;

/**
 * What PostgreSQL keeps about a relation by its oid outside the relation's own row, which the catalog keys by the
 * relation's name: its extended statistics (pg_statistic_ext.stxrelid), its rules (pg_rewrite.ev_class), the foreign
 * keys that reference it (pg_constraint.confrelid), the publications that list it (pg_publication_rel.prrelid) and its
 * inheritance links (pg_inherits). ALTER TABLE ... RENAME changes none of those rows, so they follow the new name
 * ({@link #renamed}); DROP takes the statistics and rules along, with their comments and owner entries
 * ({@link #dropped}). The relation's own parts (columns, constraints, triggers, policies) live in its {@code Table}.
 */
final class TableDependents {
    private TableDependents() {
    }

    static void renamed(CatalogEdit c, QualifiedName from, QualifiedName to) {
        for (Statistics s : List.copyOf(c.statistics.values())) {
            if (s.table().equals(from)) {
                c.statistics.put(s.name(), new Statistics(s.name(), to, s.kinds(), s.columns(), s.expressions(), s.target()));
            }
        }
        // A rule is keyed "name ON table": re-keyed in its place; pg_get_ruledef then prints the new name after TO.
        for (Rule r : List.copyOf(c.rules.values())) {
            if (r.table().equals(from)) {
                c.rules.renamed(r.key(), Rule.key(to, r.name()), r.onTable(to));
            }
        }
        c.tables.replaceAll((name, t) -> t.constraints().stream().noneMatch(k -> references(k, from)) ? t
                : t.withConstraints(t.constraints().stream().map(k -> references(k, from) ? k.referencing(to) : k).toList()));
        TableLineage own = c.lineage.get(from);
        if (own != null) c.lineage.renamed(from, to, own);
        c.lineage.replaceAll((name, l) -> !l.inherits().contains(from) ? l
                : new TableLineage(l.inherits().stream().map(p -> p.equals(from) ? to : p).toList(), l.ofType(), l.inheritedColumns()));
        c.externals.publications.replaceAll((name, p) -> p.tables().stream().noneMatch(t -> t.table().equals(from)) ? p
                : new ExternalObjects.Publication(p.name(), p.allTables(), p.tables().stream().map(t -> !t.table().equals(from) ? t
                : new ExternalObjects.PublishedTable(to, t.columns(), t.rowFilter())).toList(), p.schemas(), p.publish(), p.viaRoot()));
    }

    /**
     * After DROP TABLE, VIEW, MATERIALIZED VIEW or FOREIGN TABLE of {@code relation}: its statistics objects (with their
     * comments and owners) and its rules (with their comments) are gone.
     */
    /** RENAME COLUMN: a statistics object keeps the column by number (stxkeys), so it reads under the new name. */
    static void renamedColumn(CatalogEdit c, QualifiedName table, String from, String to) {
        for (Statistics s : List.copyOf(c.statistics.values())) {
            if (!s.table().equals(table) || !s.columns().contains(from)) continue;
            List<String> columns = s.columns().stream().map(n -> n.equals(from) ? to : n).toList();
            c.statistics.put(s.name(), new Statistics(s.name(), table, s.kinds(), columns, s.expressions(), s.target()));
        }
    }

    static void dropped(CatalogEdit c, QualifiedName relation) {
        for (Statistics s : List.copyOf(c.statistics.values())) {
            if (!s.table().equals(relation)) continue;
            c.statistics.remove(s.name());
            c.comments.remove(new CommentTarget(CommentTarget.Kind.STATISTICS, s.name(), null));
            OwnerEffects.forgetGone(c, new OwnerTarget(OwnerTarget.Kind.STATISTICS, s.name(), null));
        }
        for (Map.Entry<String, Rule> r : List.copyOf(c.rules.entrySet())) {
            if (!r.getValue().table().equals(relation)) continue;
            c.rules.remove(r.getKey());
            c.comments.remove(new CommentTarget(CommentTarget.Kind.RULE, relation, r.getValue().name()));
        }
    }

    private static boolean references(Constraint k, QualifiedName table) {
        return k.foreignKey() != null && k.foreignKey().table().equals(table);
    }


}
