package schemasync.plan;

import java.util.List;
import java.util.stream.Collectors;
import schemasync.SchemaSyncException;
import schemasync.catalog.QualifiedName;
import schemasync.dsl.Origin;
import schemasync.model.Difference;
import schemasync.step.Step;

/**
 * What the planners of objects PostgreSQL cannot alter in place (collations, range types, operators, casts, text
 * search objects) decide alike: a new one needs its schema, a differing one is reported with both sides and left
 * alone, a removal drops what is there and says so when nothing is.
 */
final class StandaloneObjects {
    private StandaloneObjects() {
    }

    /** CREATE of an object in a schema that neither the database nor an earlier block has fails: said before the run. */
    static void requireSchema(PlanContext context, Origin origin, String kind, String object, String schema) {
        if (!context.state().schemas().contains(schema)) {
            throw SchemaSyncException.badInput(origin + ": " + kind + " " + object + " is in schema " + schema
                    + ", which does not exist: declare ensureSchema(\"" + schema + "\") first");
        }
    }

    static void requireSchema(PlanContext context, Origin origin, String kind, QualifiedName name) {
        requireSchema(context, origin, kind, name.toString(), name.schema());
    }

    /** Unchanged when nothing differs, else the differences as drift, with {@code why} it is not altered. */
    static Decisions compared(Origin origin, String kind, String object, List<Difference> differences, String wanted,
            String actual, String why) {
        if (differences.isEmpty()) return new Decisions().unchanged(origin, kind, object, "exists, skipped");
        return new Decisions().drift(origin, kind, object, "differs in " + fields(differences) + ": declared (" + wanted
                + "), database has (" + actual + "): not changed (" + why + ")", null);
    }

    /** The drop of what is there ({@code drop}), or, with none ({@code null}), that there is nothing to drop. */
    static Decisions removal(Origin origin, String kind, String object, Step drop) {
        if (drop == null) return new Decisions().unchanged(origin, kind, object, "absent, nothing to drop");
        return new Decisions().change(origin, kind, object, Summary.will(Summary.Verb.DROP), null, drop);
    }

    static String fields(List<Difference> differences) {
        return differences.stream().map(Difference::field).collect(Collectors.joining(", "));
    }
}
