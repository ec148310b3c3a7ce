package schemasync.render;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Name;
import org.jooq.QueryPart;
import org.jooq.impl.DSL;
import schemasync.catalog.Collation;
import schemasync.catalog.RangeType;

/**
 * CREATE COLLATION and CREATE TYPE ... AS RANGE as plain-SQL templates (jOOQ 3.19 has neither). Names and
 * the multirange's name go through {@code DSL.name}, locales and rules are inlined literals; the subtype,
 * operator class and function names are the user's SQL (checked to be one fragment), verbatim.
 */
final class KindDdl {
    private KindDdl() {
    }

    /** {@code CREATE COLLATION name (provider = icu, locale = '...', deterministic = false)}. */
    static String createCollation(DSLContext ctx, Collation c, Name name) {
        List<QueryPart> parts = new ArrayList<>(List.of(name));
        StringBuilder template = new StringBuilder("CREATE COLLATION {0} (provider = " + provider(c.provider()));
        option(template, parts, "locale", c.locale());
        option(template, parts, "lc_collate", c.lcCollate());
        option(template, parts, "lc_ctype", c.lcCtype());
        option(template, parts, "rules", c.icuRules());
        if (!c.deterministic()) template.append(", deterministic = false");
        return ctx.render(DSL.query(template.append(')').toString(), parts.toArray(QueryPart[]::new)));
    }

    /** The provider word from a closed list (never the user's text spliced as is). */
    private static String provider(String provider) {
        return switch (provider) {
            case "libc", "icu", "builtin" -> provider;
            default -> throw new IllegalArgumentException("unknown collation provider " + provider);
        };
    }

    private static void option(StringBuilder template, List<QueryPart> parts, String option, String value) {
        if (value == null) return;
        template.append(", ").append(option).append(" = {").append(parts.size()).append('}');
        parts.add(DSL.inline(value));
    }

    /**
     * {@code CREATE TYPE name AS RANGE (subtype = ..., subtype_opclass = ..., collation = ..., canonical = ...,
     * subtype_diff = ..., multirange_type_name = ...)}: an option only when it is not PostgreSQL's default, so the
     * statement runs on 13 (which has no multirange) unless a multirange name is declared.
     */
    static String createRangeType(DSLContext ctx, RangeType r, Name name) {
        List<QueryPart> parts = new ArrayList<>(List.of(name, DSL.sql(r.subtype())));
        StringBuilder template = new StringBuilder("CREATE TYPE {0} AS RANGE (subtype = {1}");
        if (!r.defaultOpclass() && r.subtypeOpclass() != null) sql(template, parts, "subtype_opclass", DSL.sql(r.subtypeOpclass()));
        if (r.collation() != null) sql(template, parts, "collation", TypeSql.collation(r.collation()));
        if (r.canonical() != null) sql(template, parts, "canonical", DSL.sql(r.canonical()));
        if (r.subtypeDiff() != null) sql(template, parts, "subtype_diff", DSL.sql(r.subtypeDiff()));
        if (r.multirange() != null) sql(template, parts, "multirange_type_name", SqlRenderer.name(r.multirange()));
        return ctx.render(DSL.query(template.append(')').toString(), parts.toArray(QueryPart[]::new)));
    }

    private static void sql(StringBuilder template, List<QueryPart> parts, String option, QueryPart value) {
        template.append(", ").append(option).append(" = {").append(parts.size()).append('}');
        parts.add(value);
    }
}
