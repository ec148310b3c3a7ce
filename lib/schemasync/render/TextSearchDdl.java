package schemasync.render;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.QueryPart;
import org.jooq.impl.DSL;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.TextSearch;

/**
 * CREATE TEXT SEARCH DICTIONARY / CONFIGURATION and ADD MAPPING as plain-SQL templates (jOOQ 3.19 has none of
 * them). Every name goes through {@code DSL.name} (templates, parsers and dictionaries qualified, so the apply
 * resolves what the plan compared); an option's value is an inlined literal, or a number checked to be one.
 */
public final class TextSearchDdl {
    private TextSearchDdl() {
    }

    /** {@code CREATE TEXT SEARCH DICTIONARY name (TEMPLATE = pg_catalog.simple, stopwords = 'english')}. */
    static String createDictionary(DSLContext ctx, TextSearch.Dictionary d) {
        List<QueryPart> parts = new ArrayList<>(List.of(SqlRenderer.name(d.name()), SqlRenderer.name(d.template())));
        StringBuilder template = new StringBuilder("CREATE TEXT SEARCH DICTIONARY {0} (TEMPLATE = {1}");
        for (TextSearch.Option o : TextSearch.parse(d.options())) {
            template.append(", {").append(parts.size()).append("} = {").append(parts.size() + 1).append('}');
            parts.add(DSL.name(o.name()));
            parts.add(o.number() ? DSL.inline(number(o.value())) : DSL.inline(o.value()));
        }
        return ctx.render(DSL.query(template.append(')').toString(), parts.toArray(QueryPart[]::new)));
    }

    /** A numeric option as a number (never the user's text spliced as is). */
    private static java.math.BigDecimal number(String value) {
        return new java.math.BigDecimal(value.strip());
    }

    /** {@code CREATE TEXT SEARCH CONFIGURATION name (PARSER = pg_catalog."default")}. */
    static String createConfiguration(DSLContext ctx, QualifiedName name, QualifiedName parser) {
        return ctx.render(DSL.query("CREATE TEXT SEARCH CONFIGURATION {0} (PARSER = {1})", SqlRenderer.name(name),
                SqlRenderer.name(parser)));
    }

    /** {@code ALTER TEXT SEARCH CONFIGURATION name ADD MAPPING FOR asciiword, word WITH pg_catalog.english_stem}. */
    static String addMapping(DSLContext ctx, QualifiedName configuration, List<String> tokenTypes, List<QualifiedName> dictionaries) {
        return ctx.render(DSL.query("ALTER TEXT SEARCH CONFIGURATION {0} ADD MAPPING FOR {1} WITH {2}",
                SqlRenderer.name(configuration), DSL.list(tokenTypes.stream().map(DSL::name).toList()),
                DSL.list(dictionaries.stream().map(SqlRenderer::name).toList())));
    }

    /**
     * {@code ALTER TEXT SEARCH DICTIONARY name (option = value, ..., reset, ...)}: quoted in a drift report. An option
     * named without a value is removed from the dictionary (its template's default applies again), which is the only way
     * to take one away: ALTER keeps every option it does not name, and an empty list is a syntax error.
     */
    public static String alterDictionary(QualifiedName name, List<TextSearch.Option> options, List<String> reset) {
        List<QueryPart> parts = new ArrayList<>(List.of(SqlRenderer.name(name)));
        StringBuilder template = new StringBuilder("ALTER TEXT SEARCH DICTIONARY {0} (");
        for (TextSearch.Option o : options) {
            if (parts.size() > 1) template.append(", ");
            template.append('{').append(parts.size()).append("} = {").append(parts.size() + 1).append('}');
            parts.add(DSL.name(o.name()));
            parts.add(o.number() ? DSL.inline(number(o.value())) : DSL.inline(o.value()));
        }
        for (String option : reset) {
            if (parts.size() > 1) template.append(", ");
            template.append('{').append(parts.size()).append('}');
            parts.add(DSL.name(option));
        }
        return SqlRenderer.CTX.render(DSL.query(template.append(')').toString(), parts.toArray(QueryPart[]::new)));
    }

    /** {@code ALTER TEXT SEARCH CONFIGURATION name ALTER MAPPING FOR token WITH dictionaries}: quoted in a drift report. */
    public static String alterMapping(QualifiedName configuration, String tokenType, List<QualifiedName> dictionaries) {
        return SqlRenderer.CTX.render(DSL.query("ALTER TEXT SEARCH CONFIGURATION {0} ALTER MAPPING FOR {1} WITH {2}",
                SqlRenderer.name(configuration), DSL.name(tokenType), DSL.list(dictionaries.stream().map(SqlRenderer::name).toList())));
    }

    /** {@code ALTER TEXT SEARCH CONFIGURATION name DROP MAPPING FOR token}: quoted in a drift report. */
    public static String dropMapping(QualifiedName configuration, String tokenType) {
        return SqlRenderer.CTX.render(DSL.query("ALTER TEXT SEARCH CONFIGURATION {0} DROP MAPPING FOR {1}", SqlRenderer.name(configuration),
                DSL.name(tokenType)));
    }
}
