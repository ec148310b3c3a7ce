package schemasync.catalog;

/**
 * The routine record a {@link Catalog} holds in {@code functions()} and {@code aggregates()}, in a file of its own so
 * that {@code Catalog.java} keeps to one job (the snapshot and its builder). {@link Catalog} implements this
 * interface only to inherit the member type: {@code Catalog.Function} keeps naming it everywhere (a qualified type
 * name may go through an inherited member), while an import must use its canonical name,
 * {@code CatalogRoutines.Function}.
 */
public interface CatalogRoutines {
    /**
     * A function or procedure, keyed by its signature {@code schema.name(identity arguments)} (the
     * overload), with {@code pg_get_functiondef}'s whole CREATE OR REPLACE text.
     */
    public record Function(QualifiedName name, String arguments, String definition, Header header) {
        /** A routine as the plan knows it (declared, or replayed by a step): no {@link Header}. */
        public Function(QualifiedName name, String arguments, String definition) {
            this(name, arguments, definition, null);
        }

        public String signature() {
            return name + "(" + arguments + ")";
        }

        /**
         * What {@code generate} writes a routine's call from, beyond what the plan compares (the reader fills it; a
         * routine a declaration or a step makes has none, and {@link Differ#routine} leaves it out: the definition or
         * the aggregate's option list already says all of it). {@code kind}: prokind ({@code f}, {@code p} or
         * {@code a}); {@code allArguments}: pg_get_function_arguments, the whole list with OUT, VARIADIC and
         * DEFAULT (as the header of pg_get_functiondef spells it); an aggregate's transition, final and combine
         * functions as regproc prints them (null when it has none: they are what it calls, so what orders it).
         */
        public record Header(String kind, String allArguments, String transitionFunction, String finalFunction,
                             String combineFunction) {
        }
    }
}
