package schemasync.dsl;

import schemasync.catalog.QualifiedName;

/** The declarations of text search dictionaries and configurations ({@link KindDeclarations}' verbs). */
public final class TextSearchDecl {
    private TextSearchDecl() {
    }

    /** {@code ensureTextSearchDictionary("public.english_nostop", d -> d.template("snowball").option("language", "english"))}. */
    public record DictionaryDecl(QualifiedName name, TextSearchDictionaryOptions options, Origin origin)
            implements Declaration.Kind {
        /** The template as named: pg_catalog's unless qualified. */
        public QualifiedName template() {
            return qualifiedOrCatalog(options.template());
        }

        /** The dictionary as pg_ts_dict will hold it (the options serialized as PostgreSQL does). */
        public schemasync.catalog.TextSearch.Dictionary dictionary() {
            return new schemasync.catalog.TextSearch.Dictionary(name, template(),
                    schemasync.catalog.TextSearch.serialize(options.options()));
        }
    }

    /** {@code ensureTextSearchConfiguration("public.docs", c -> c.mapping(List.of("asciiword"), "english_stem"))}. */
    public record ConfigurationDecl(QualifiedName name, TextSearchConfigurationOptions options, Origin origin)
            implements Declaration.Kind {
        /** The parser as named: pg_catalog's {@code default} unless declared, pg_catalog's unless qualified. */
        public QualifiedName parser() {
            return qualifiedOrCatalog(options.parser() == null ? "default" : options.parser());
        }
    }

    /** {@code "simple"} is pg_catalog's, {@code "public.x"} names its schema (a tenant's already resolved by the fold). */
    public static QualifiedName qualifiedOrCatalog(String name) {
        return name.contains(".") ? QualifiedName.parse(name) : new QualifiedName("pg_catalog", name);
    }
}
