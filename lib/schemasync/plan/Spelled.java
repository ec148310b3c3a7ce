package schemasync.plan;

import schemasync.normalize.DeclaredShapes;
import java.util.List;
import java.util.Optional;
import schemasync.catalog.Constraint;
import schemasync.catalog.Table;

/**
 * PostgreSQL's spelling of what a step makes, taken from the declared side ({@link DeclaredShapes}: the
 * declarations created on a shadow schema and read back). A step carries the user's text ({@code int},
 * {@code now()}, a view's query as written); the planner compares the normalized declarations with its
 * working copy, so what a step creates must land there as PostgreSQL will read it back ({@code integer},
 * {@code now()} as deparsed), or a later block would see a difference that is not there. {@link Effects}
 * still decides which objects a step creates, renames or drops; a shape given here only replaces the
 * step's own text of them. A replay ({@link Effects#replay}) has none: it keeps the step's text, which
 * {@link CatalogOutline} does not compare.
 */
public record Spelled(List<Object> shapes) {
    /** Nothing spelled: the steps' own text (a replay). */
    public static final Spelled NONE = new Spelled(List.of());

    public Spelled {
        shapes = shapes.stream().filter(java.util.Objects::nonNull).toList();
    }

    /** The shapes of one emission, nulls (nothing normalized for it) left out. */
    static Spelled as(Object... shapes) {
        return new Spelled(java.util.Arrays.asList(shapes));
    }

    /** The first shape of this type. */
    <T> Optional<T> of(Class<T> type) {
        return shapes.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /** A constraint of this name as spelled: one given on its own, else one of a spelled table's. */
    Optional<Constraint> constraint(String name) {
        Optional<Constraint> own = shapes.stream().filter(Constraint.class::isInstance).map(Constraint.class::cast)
                .filter(k -> k.name().equals(name)).findFirst();
        return own.isPresent() ? own : of(Table.class).flatMap(t -> t.constraint(name));
    }

    /**
     * The privileges an object held just before a GRANT or REVOKE, when the working copy does not say: a
     * table this run creates starts with what its creator's default privileges give it (GrantPlanner works
     * them out from ALTER DEFAULT PRIVILEGES), which CREATE TABLE's effect cannot know.
     */
    record HeldGrants(java.util.Set<schemasync.catalog.Grant> grants) {
    }

    /**
     * A routine under the key the catalog gives it ({@code schema.name(identity arguments)} as PostgreSQL
     * prints them, which the declaration's argument text need not match) with its definition as deparsed.
     */
    record Routine(String key, schemasync.catalog.Catalog.Function routine) {
    }
}
