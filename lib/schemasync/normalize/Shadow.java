package schemasync.normalize;

import schemasync.dsl.AccessDecl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.impl.DSL;
import schemasync.catalog.Column;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.ColumnSpec;
import schemasync.dsl.Declaration;
import schemasync.dsl.Declaration.IndexDecl;
import schemasync.render.SqlRenderer;

/**
 * One shadow: the real table it stands for and what to build (pure: the session that builds and
 * reads it is {@link Normalizer}'s, the search for a rejected declaration {@link ShadowDiagnosis}'s).
 */
final class Shadow {
    final QualifiedName table;
    final String shadowName;
    final Map<String, ColumnSpec> columns = new LinkedHashMap<>();
    /** The declared specs, as written: NOT NULL and comments are taken from here, not from PostgreSQL. */
    final Map<String, ColumnSpec> declaredSpecs = new LinkedHashMap<>();
    final List<IndexDecl> indexes = new ArrayList<>();
    final List<Declaration.TriggerDecl> triggers = new ArrayList<>();
    final List<AccessDecl.PolicyDecl> policies = new ArrayList<>();
    /** Declared CHECK constraints: the shadow carries them so PostgreSQL spells their expressions. */
    final List<schemasync.catalog.ConstraintSpec> checks = new ArrayList<>();
    /** Inherited columns the child gives its own default ({@code inheritedDefault}): spelled on this shadow too. */
    final java.util.Set<String> inheritedDefaults = new java.util.TreeSet<>();
    /** PARTITION BY of the shadow (declared, else the database's), so partitions can hang from it. */
    String partitionBy;

    Shadow(QualifiedName table, String shadowName, List<Column> existing) {
        this.table = table;
        this.shadowName = shadowName;
        if (existing != null) {
            for (Column c : existing) {
                columns.put(c.name(), new ColumnSpec(c.name(), c.type(), false, null, Column.Identity.NONE, null));
            }
        }
    }

    void declare(ColumnSpec spec) {
        declaredSpecs.put(spec.name(), spec);
        // NOT NULL and comments do not change how PostgreSQL spells a type or default.
        columns.put(spec.name(), new ColumnSpec(spec.name(), spec.type(), false, spec.defaultSql(),
                spec.identity(), null, spec.generatedSql(), spec.collation(), null, spec.virtual()));
    }

    /** The CREATE TABLE of the shadow, from the very SQL the apply would run. */
    String createSql() {
        return SqlRenderer.createTable(DSL.name("pg_temp", shadowName), List.copyOf(columns.values()), List.of(), checks)
                + SqlRenderer.partitionBy(partitionBy);
    }
}
