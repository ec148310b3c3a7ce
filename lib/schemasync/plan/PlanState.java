package schemasync.plan;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import schemasync.catalog.Catalog;
import schemasync.catalog.Collation;
import schemasync.catalog.CommentTarget;
import schemasync.catalog.CompositeType;
import schemasync.catalog.DefaultTarget;
import schemasync.catalog.Domain;
import schemasync.catalog.Grant;
import schemasync.catalog.GrantTarget;
import schemasync.catalog.Index;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.RangeType;
import schemasync.catalog.RelationOptions;
import schemasync.catalog.Rule;
import schemasync.catalog.Sequence;
import schemasync.catalog.Statistics;
import schemasync.catalog.Table;

/**
 * The planner's working copy as its kind planners see it: the catalog as the steps emitted so far leave it, read
 * only. It has one writer, {@link Effects#applyTo} (called by {@link Planner#record} for every recorded step), so
 * what a step does to the working copy is written once, in its effect, and a dry run predicts the apply.
 * The maps are read-only views of one {@link CatalogEdit} (tables and indexes, read most, are wrapped once; the others at each read, one small allocation), which the
 * effects edit in place: an emitted step costs what its effect costs, not a copy of the catalog.
 */
final class PlanState {
    private final CatalogEdit edit;
    private final Map<QualifiedName, Table> tables;
    private final Map<QualifiedName, Index> indexes;

    PlanState(Catalog catalog) {
        this.edit = new CatalogEdit(catalog);
        this.tables = Collections.unmodifiableMap(edit.tables);
        this.indexes = Collections.unmodifiableMap(edit.indexes);
    }

    /** The one working copy {@link Effects#applyTo} edits. */
    CatalogEdit edit() {
        return edit;
    }

    Set<String> schemas() { return Collections.unmodifiableSet(edit.schemas); }
    Map<QualifiedName, Table> tables() { return tables; }
    Map<QualifiedName, Index> indexes() { return indexes; }
    Map<QualifiedName, List<String>> enums() { return Collections.unmodifiableMap(edit.enums); }
    Map<QualifiedName, String> views() { return Collections.unmodifiableMap(edit.views); }
    Map<String, Catalog.Function> functions() { return Collections.unmodifiableMap(edit.functions); }
    Map<String, Catalog.Function> aggregates() { return Collections.unmodifiableMap(edit.aggregates); }
    Map<String, Catalog.Extension> extensions() { return Collections.unmodifiableMap(edit.extensions); }
    Map<QualifiedName, Domain> domains() { return Collections.unmodifiableMap(edit.domains); }
    Map<QualifiedName, CompositeType> composites() { return Collections.unmodifiableMap(edit.composites); }
    Map<QualifiedName, Sequence> sequences() { return Collections.unmodifiableMap(edit.sequences); }
    Map<CommentTarget, String> comments() { return Collections.unmodifiableMap(edit.comments); }
    Map<QualifiedName, Catalog.Partitioning> partitioning() { return Collections.unmodifiableMap(edit.partitioning); }
    Map<QualifiedName, Catalog.MaterializedView> materializedViews() { return Collections.unmodifiableMap(edit.materializedViews); }
    Map<GrantTarget, Set<Grant>> grants() { return Collections.unmodifiableMap(edit.grants); }
    Map<DefaultTarget, Set<Grant>> defaultPrivileges() { return Collections.unmodifiableMap(edit.defaultPrivileges); }
    Map<QualifiedName, RelationOptions> relationOptions() { return Collections.unmodifiableMap(edit.relationOptions); }
    Map<QualifiedName, Collation> collations() { return Collections.unmodifiableMap(edit.collations); }
    Map<QualifiedName, RangeType> rangeTypes() { return Collections.unmodifiableMap(edit.rangeTypes); }

    Map<schemasync.catalog.OwnerTarget, String> owners() { return Collections.unmodifiableMap(edit.owners); }
    Map<QualifiedName, Statistics> statistics() { return Collections.unmodifiableMap(edit.statistics); }
    Map<String, Rule> rules() { return Collections.unmodifiableMap(edit.rules); }
    schemasync.catalog.TextSearch textSearch() { return edit.textSearch; }

    /** Foreign servers, user mappings, foreign tables, publications and event triggers ({@link ExternalEffects}). */
    ExternalEffects.Edit externals() { return edit.externals; }
}
