package schemasync.catalog;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import schemasync.model.Difference;

/**
 * Operators of the managed schemas and the casts pg_dump would write with them (see {@link Operator}, {@link Cast}),
 * keyed by {@link Operator#key()} and {@link Cast#key()}, and the operator families and classes of the managed schemas
 * ({@link OperatorFamily}, {@link OperatorClass}), keyed by {@link OperatorClass#key()}. Carried as
 * {@code Catalog.operators()}; compared here ({@link #operator}, {@link #cast}, {@link #family}, {@link #operatorClass})
 * by the planner and by verify's CatalogDiff alike.
 */
public record OperatorObjects(Map<String, Operator> operators, Map<String, Cast> casts, Map<String, OperatorFamily> families,
                              Map<String, OperatorClass> classes) {
    public static final OperatorObjects NONE = new OperatorObjects(Map.of(), Map.of());

    public OperatorObjects {
        operators = Collections.unmodifiableMap(new TreeMap<>(operators));
        casts = Collections.unmodifiableMap(new TreeMap<>(casts));
        families = Collections.unmodifiableMap(new TreeMap<>(families));
        classes = Collections.unmodifiableMap(new TreeMap<>(classes));
    }

    /** Operators and casts alone (no operator family or class). */
    public OperatorObjects(Map<String, Operator> operators, Map<String, Cast> casts) {
        this(operators, casts, Map.of(), Map.of());
    }

    public boolean isEmpty() {
        return operators.isEmpty() && casts.isEmpty() && families.isEmpty() && classes.isEmpty();
    }

    /** The loose members of a family (ALTER OPERATOR FAMILY ... ADD / DROP could change them in place). */
    public static List<Difference> family(OperatorFamily want, OperatorFamily have) {
        return new Differ.Fields().add("members", describe(want.members()), describe(have.members())).list();
    }

    /** Every part CREATE OPERATOR CLASS sets: its input type, DEFAULT, family, STORAGE and members. */
    public static List<Difference> operatorClass(OperatorClass want, OperatorClass have) {
        return new Differ.Fields().add("type", want.type(), have.type()).add("default", want.isDefault(), have.isDefault())
                .add("family", want.family(), have.family()).add("storage", want.storage(), have.storage())
                .add("members", describe(want.members()), describe(have.members())).list();
    }

    private static String describe(List<OperatorClass.Member> members) {
        return String.join(", ", members.stream().map(m -> m.describe() + (m.function() ? "" : " (" + m.leftType() + ", "
                + m.rightType() + ")")).toList());
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
