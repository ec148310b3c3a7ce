package schemasync.dsl;

import java.util.ArrayList;
import java.util.List;
import schemasync.catalog.TextSearch;

/**
 * What {@code ensureTextSearchDictionary} declares: {@code d -> d.template("simple").option("stopwords", "english")}.
 * The template is pg_catalog's unless qualified ({@code "public.unaccent"}: an extension's template); options in
 * the order given, a string quoted and a number bare, as PostgreSQL keeps them in pg_ts_dict.dictinitoption.
 */
public record TextSearchDictionaryOptions(String template, List<TextSearch.Option> options) {
    static final TextSearchDictionaryOptions NONE = new TextSearchDictionaryOptions(null, List.of());

    public TextSearchDictionaryOptions {
        options = List.copyOf(options);
    }

    /** {@code TEMPLATE = simple}: one of pg_catalog's (simple, synonym, thesaurus, ispell, snowball) or a qualified one. */
    public TextSearchDictionaryOptions template(String templateName) {
        return new TextSearchDictionaryOptions(templateName, options);
    }

    /** {@code name = 'value'}: an option the template reads ({@code stopwords}, {@code language}, {@code dictfile}, ...). */
    public TextSearchDictionaryOptions option(String name, String value) {
        return with(new TextSearch.Option(name, value, false));
    }

    /** {@code name = 7}: a numeric option, written bare. */
    public TextSearchDictionaryOptions option(String name, Number value) {
        return with(new TextSearch.Option(name, value == null ? null : value.toString(), true));
    }

    private TextSearchDictionaryOptions with(TextSearch.Option o) {
        List<TextSearch.Option> more = new ArrayList<>(options);
        more.add(o);
        return new TextSearchDictionaryOptions(template, more);
    }
}
