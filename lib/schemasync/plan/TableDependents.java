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
import schemasync.model.Identifiers;

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
                c.rules.renamed(r.key(), Rule.key(to, r.name()), new Rule(to, r.name(), retargeted(r.definition(), from, to), r.enabled()));
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


    /**
     * {@code ON DELETE TO public.orders DO ...} as pg_get_ruledef prints it after the rename: the relation after TO, in the
     * qualified spelling the catalog reads or the bare one a declaration may carry. The actions' own mentions of the
     * table are left as written (a text the normalizer spells, not compared by the replay).
     */
    static String retargeted(String definition, QualifiedName from, QualifiedName to) {
        if (definition == null) return null;
        String body = " DO ";
        int actions = definition.indexOf(body);
        String[][] spellings = {{printed(from), printed(to)}, {Identifiers.quote(from.name()), Identifiers.quote(to.name())}};
        for (String[] names : spellings) {
            String head = " TO " + names[0] + " ";
            int at = definition.indexOf(head);
            if (at >= 0 && (actions < 0 || at < actions)) {
                return definition.substring(0, at) + " TO " + names[1] + " " + definition.substring(at + head.length());
            }
        }
        return definition;
    }

    private static String printed(QualifiedName name) {
        return Identifiers.quote(name.schema()) + "." + Identifiers.quote(name.name());
    }
}
