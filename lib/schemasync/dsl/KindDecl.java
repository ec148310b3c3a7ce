package schemasync.dsl;

import schemasync.catalog.QualifiedName;

/** The declarations of collations and range types ({@link KindDeclarations}' verbs). */
public final class KindDecl {
    private KindDecl() {
    }

    /** {@code ensureCollation("public.ci", c -> c.icu("und-u-ks-level2").nondeterministic())}. */
    public record CollationDecl(QualifiedName name, CollationOptions options, Origin origin) implements Declaration.Kind {
        /** The collation as declared, in the catalog's shape (the normalizer spells it as PostgreSQL will). */
        public schemasync.catalog.Collation collation() {
            return new schemasync.catalog.Collation(name, options.provider(), options.lcCollate(), options.lcCtype(),
                    options.locale(), options.icuRules(), options.deterministic());
        }
    }

    /** {@code ensureRangeType("public.floatrange", "float8", r -> r.subtypeDiff("float8mi"))}. */
    public record RangeTypeDecl(QualifiedName name, String subtype, RangeTypeOptions options, Origin origin)
            implements Declaration.Kind {
        /** The multirange name as declared (qualified with the range's schema), or null to let PostgreSQL derive it. */
        public QualifiedName multirange() {
            if (options.multirange() == null) return null;
            QualifiedName parsed = QualifiedName.parse(options.multirange());
            return options.multirange().contains(".") ? parsed : name.sibling(options.multirange());
        }

        /** The range type as the user wrote it, in the catalog's shape (the normalizer spells it as PostgreSQL will). */
        public schemasync.catalog.RangeType type() {
            return new schemasync.catalog.RangeType(name, subtype, options.subtypeOpclass(), options.subtypeOpclass() == null,
                    options.collation() == null ? null : collationName(options.collation()), options.canonical(),
                    options.subtypeDiff(), multirange());
        }

        /** {@code "C"} is pg_catalog's; {@code "public.ci"} names its schema (a tenant's already resolved by the fold). */
        static QualifiedName collationName(String collation) {
            return collation.contains(".") ? QualifiedName.parse(collation) : new QualifiedName("pg_catalog", collation);
        }
    }
}
