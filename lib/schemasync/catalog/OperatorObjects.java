package schemasync.catalog;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import schemasync.model.Difference;

/**
 * Operators of the managed schemas and the casts pg_dump would write with them (see {@link Operator}, {@link Cast}),
 * keyed by {@link Operator#key()} and {@link Cast#key()}. Carried as {@code Catalog.operators()}; compared here
 * ({@link #operator}, {@link #cast}) by the planner and by verify's CatalogDiff alike.
 */
public record OperatorObjects(Map<String, Operator> operators, Map<String, Cast> casts) {
    public static final OperatorObjects NONE = new OperatorObjects(Map.of(), Map.of());

    public OperatorObjects {
        operators = Collections.unmodifiableMap(new TreeMap<>(operators));
        casts = Collections.unmodifiableMap(new TreeMap<>(casts));
    }

    public boolean isEmpty() {
        return operators.isEmpty() && casts.isEmpty();
    }

    /** Every option CREATE OPERATOR sets. */
    public static List<Difference> operator(Operator want, Operator have) {
        return new Differ.Fields().add("function", want.function(), have.function())
                .add("commutator", want.commutator(), have.commutator()).add("negator", want.negator(), have.negator())
                .add("restrict", want.restrict(), have.restrict()).add("join", want.join(), have.join())
                .add("hashes", want.hashes(), have.hashes()).add("merges", want.merges(), have.merges()).list();
    }

    /** The function, context and method CREATE CAST sets. */
    public static List<Difference> cast(Cast want, Cast have) {
        return new Differ.Fields().add("function", want.function(), have.function()).add("context", want.context(), have.context())
                .add("method", want.method(), have.method()).list();
    }
}
