package schemasync.dsl;

import java.util.function.UnaryOperator;
import schemasync.catalog.QualifiedName;
import schemasync.model.ObjectKind;

/**
 * The verbs of collations and range types: {@code ensureCollation}, {@code ensureRangeType} and their
 * removals. Neither can be altered in place (ALTER COLLATION and ALTER TYPE change only names, owners and
 * schemas), so an existing one that differs is reported, never changed.
 */
public abstract class KindDeclarations extends OperatorDeclarations {

    KindDeclarations() {
    }

    /**
     * The collation exists: {@code ensureCollation("public.ci", c -> c.icu("und-u-ks-level2").nondeterministic())},
     * {@code ensureCollation("german", c -> c.libc("de_DE.utf8"))}. Created when missing; a differing one is
     * reported (collations cannot be altered).
     */
    public SchemaChanges ensureCollation(String name, UnaryOperator<CollationOptions> options) {
        CollationOptions o = options == null ? null : options.apply(CollationOptions.NONE);
        add(new KindDecl.CollationDecl(scope().qualified(name), o == null ? CollationOptions.NONE : o, currentOrigin()));
        return self();
    }

    /** The collation must not exist: dropped if present (no CASCADE: a column using it makes the drop fail). */
    public SchemaChanges ensureNoCollation(String name) {
        add(new Declaration.RemovalDecl(ObjectKind.COLLATION, scope().qualified(name), null, currentOrigin()));
        return self();
    }

    /** The range type exists over {@code subtype}, with PostgreSQL's defaults for every option. */
    public SchemaChanges ensureRangeType(String name, String subtype) {
        return ensureRangeType(name, subtype, r -> r);
    }

    /**
     * The range type (and its multirange, PostgreSQL 14+) exists: {@code ensureRangeType("public.floatrange",
     * "float8", r -> r.subtypeDiff("float8mi"))}. Created when missing; a differing one is reported (a range
     * type's options cannot be altered). A function it names must be declared in an earlier block.
     */
    public SchemaChanges ensureRangeType(String name, String subtype, UnaryOperator<RangeTypeOptions> options) {
        RangeTypeOptions o = options == null ? RangeTypeOptions.NONE : options.apply(RangeTypeOptions.NONE);
        // The collation and multirange names the options spell, in the tenant's schema if the placeholder's.
        o = new RangeTypeOptions(o.subtypeOpclass(), scope().name(o.collation()), o.canonical(), o.subtypeDiff(),
                scope().name(o.multirange()));
        add(new KindDecl.RangeTypeDecl(scope().qualified(name), subtype == null ? null : subtype.strip(), o, currentOrigin()));
        return self();
    }

    /** The range type must not exist: dropped with its multirange if present (no CASCADE). */
    public SchemaChanges ensureNoRangeType(String name) {
        add(new Declaration.RemovalDecl(ObjectKind.RANGE_TYPE, scope().qualified(name), null, currentOrigin()));
        return self();
    }

    /**
     * The text search dictionary exists: {@code ensureTextSearchDictionary("public.english_nostop", d -> d
     * .template("snowball").option("language", "english"))}. Created when missing; a differing one is reported
     * with the SQL that would change it (its template cannot be altered; new options change what every
     * configuration using it yields, while stored tsvectors keep the old output).
     */
    public SchemaChanges ensureTextSearchDictionary(String name, UnaryOperator<TextSearchDictionaryOptions> options) {
        TextSearchDictionaryOptions o = options == null ? TextSearchDictionaryOptions.NONE : options.apply(TextSearchDictionaryOptions.NONE);
        if (o == null) o = TextSearchDictionaryOptions.NONE;
        o = new TextSearchDictionaryOptions(scope().name(o.template()), o.options());
        add(new TextSearchDecl.DictionaryDecl(scope().qualified(name), o, currentOrigin()));
        return self();
    }

    /** The text search dictionary must not exist: dropped if present (no CASCADE: a configuration using it makes the drop fail). */
    public SchemaChanges ensureNoTextSearchDictionary(String name) {
        add(new Declaration.RemovalDecl(ObjectKind.TEXT_SEARCH_DICTIONARY, scope().qualified(name), null, currentOrigin()));
        return self();
    }

    /**
     * The text search configuration exists with exactly these mappings: {@code ensureTextSearchConfiguration(
     * "public.docs", c -> c.parser("default").mapping(List.of("asciiword", "word"), "english_stem"))}. Created
     * (CREATE, then one ADD MAPPING per dictionary list) when missing; a differing one is reported with the
     * ALTER MAPPING statements that would make it so (stored tsvectors keep the old mappings' output).
     */
    public SchemaChanges ensureTextSearchConfiguration(String name, UnaryOperator<TextSearchConfigurationOptions> options) {
        TextSearchConfigurationOptions o = options == null ? TextSearchConfigurationOptions.NONE
                : options.apply(TextSearchConfigurationOptions.NONE);
        if (o == null) o = TextSearchConfigurationOptions.NONE;
        java.util.Map<String, java.util.List<String>> mappings = new java.util.LinkedHashMap<>();
        o.mappings().forEach((token, dictionaries) -> mappings.put(token, dictionaries.stream().map(scope()::name).toList()));
        o = new TextSearchConfigurationOptions(scope().name(o.parser()), mappings);
        add(new TextSearchDecl.ConfigurationDecl(scope().qualified(name), o, currentOrigin()));
        return self();
    }

    /**
     * The encoding conversion exists: {@code ensureConversion("shop.latin1_to_utf8", c -> c.encodings("LATIN1", "UTF8")
     * .function("iso8859_1_to_utf8"))}, {@code .asDefault()} for a DEFAULT one. Created when missing; a differing one is
     * dropped and created again (there is no ALTER CONVERSION for its encodings, function or default flag, and nothing
     * stored depends on a conversion). A user function it names must be declared in an earlier block.
     */
    public SchemaChanges ensureConversion(String name, UnaryOperator<ConversionOptions> options) {
        ConversionOptions o = options == null ? ConversionOptions.NONE : options.apply(ConversionOptions.NONE);
        if (o == null) o = ConversionOptions.NONE;
        o = new ConversionOptions(o.source(), o.destination(), scope().name(o.function()), o.isDefault());
        add(new ConversionDecl(scope().qualified(name), o, currentOrigin()));
        return self();
    }

    /**
     * The object carries this label from this provider: {@code ensureSecurityLabel("selinux", SecurityLabelOn.COLUMN,
     * "shop.orders.note", "system_u:object_r:sepgsql_secret_table_t:s0")}. A column is named {@code table.column}, a
     * schema, publication or event trigger by its name, every other object {@code schema.name}. Set (SECURITY LABEL FOR
     * provider ON kind object IS 'label') when missing or different; a label no block declares is left alone. The server
     * must load the provider (sepgsql in shared_preload_libraries, or a module of its own): without it PostgreSQL refuses
     * the statement and the apply changes nothing.
     */
    public SchemaChanges ensureSecurityLabel(String provider, SecurityLabelOn on, String object, String label) {
        QualifiedName name = new QualifiedName("", ""); // no object: the validator names it
        String column = null;
        if (object != null && !object.isBlank()) {
            String o = object.strip();
            if (on == null) {
                name = new QualifiedName("", o);
            } else if (on == SecurityLabelOn.SCHEMA) {
                name = new QualifiedName(scope().schemaName(o), scope().schemaName(o));
            } else if (on.databaseWide()) {
                name = new QualifiedName("", o);
            } else if (on == SecurityLabelOn.COLUMN) {
                int dot = o.lastIndexOf('.');
                name = scope().qualified(dot < 0 ? o : o.substring(0, dot));
                column = dot < 0 ? null : o.substring(dot + 1);
            } else {
                name = scope().qualified(o);
            }
        }
        add(new SecurityLabelDecl(provider == null ? null : provider.strip(), on, name, column, label, currentOrigin()));
        return self();
    }

    /** The encoding conversion must not exist: dropped if present (nothing depends on a conversion). */
    public SchemaChanges ensureNoConversion(String name) {
        add(new Declaration.RemovalDecl(ObjectKind.CONVERSION, scope().qualified(name), null, currentOrigin()));
        return self();
    }

    /** The text search configuration must not exist: dropped if present (no CASCADE: a column or index using it makes the drop fail). */
    public SchemaChanges ensureNoTextSearchConfiguration(String name) {
        add(new Declaration.RemovalDecl(ObjectKind.TEXT_SEARCH_CONFIGURATION, scope().qualified(name), null, currentOrigin()));
        return self();
    }
}
