package schemasync.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Without a server: {@link IndexParts} spells its parts as pg_get_indexdef does (the decision {@code generate} makes
 * compares that spelling with the catalog's text; IndexExpressibilityTest checks it against the server).
 */
class IndexPartsTest {

    private static IndexParts.Key column(String name) {
        return new IndexParts.Key(name, null, null, null, List.of(), false, false);
    }

    private static IndexParts.Key expression(String sql) {
        return new IndexParts.Key(null, sql, null, null, List.of(), false, false);
    }

    @Test
    void aColumnIsQuotedAsQuoteIdentDoesAndIsPlainOnlyWithoutDecorations() {
        assertEquals("email", column("email").sql());
        assertEquals("\"Mixed Case\"", column("Mixed Case").sql());
        assertEquals("\"timestamp\"", column("timestamp").sql(), "a keyword is quoted");
        assertTrue(column("email").plainColumn());
        assertFalse(new IndexParts.Key("name", null, "\"C\"", null, List.of(), false, false).plainColumn());
        assertFalse(new IndexParts.Key("name", null, null, "text_pattern_ops", List.of(), false, false).plainColumn());
        assertFalse(new IndexParts.Key("score", null, null, null, List.of(), true, true).plainColumn());
    }

    @Test
    void decorationsComeInRuleutilsOrderAndOnlyWhereTheyDifferFromAscending() {
        assertEquals("\"Mixed Case\" COLLATE \"C\" text_pattern_ops DESC",
                new IndexParts.Key("Mixed Case", null, "\"C\"", "text_pattern_ops", List.of(), true, true).sql());
        assertEquals("score DESC NULLS LAST", new IndexParts.Key("score", null, null, null, List.of(), true, false).sql());
        assertEquals("id NULLS FIRST", new IndexParts.Key("id", null, null, null, List.of(), false, true).sql());
        assertEquals("tsv tsvector_ops (siglen='100')",
                new IndexParts.Key("tsv", null, null, "tsvector_ops", List.of("siglen=100"), false, false).sql());
        assertEquals("t public.my_ops (\"Odd Name\"='a b')",
                new IndexParts.Key("t", null, null, "public.my_ops", List.of("Odd Name=a b"), false, false).sql());
    }

    @Test
    void theDefinitionIsPgGetIndexdefFromUsingOn() {
        IndexParts parts = new IndexParts(List.of(column("nick"), expression("lower(email)")), List.of("name", "Mixed Case"),
                "(nick IS NOT NULL)", true);
        assertEquals("USING btree (nick, lower(email)) INCLUDE (name, \"Mixed Case\") NULLS NOT DISTINCT WHERE (nick IS NOT NULL)",
                parts.definition("btree"));
        assertEquals("USING gin (tags)", new IndexParts(List.of(column("tags")), List.of(), null, false).definition("gin"));
    }

    @Test
    void onlyExpressionKeysLoseTheirCollationInTheOwnCollationVariant() {
        IndexParts parts = new IndexParts(List.of(new IndexParts.Key("name", null, "\"C\"", null, List.of(), false, false),
                new IndexParts.Key(null, "lower((name)::text)", "\"C\"", "text_pattern_ops", List.of(), true, false)),
                List.of(), null, false);
        assertEquals("USING btree (name COLLATE \"C\", lower((name)::text) text_pattern_ops DESC NULLS LAST)",
                parts.expressionsInOwnCollation().definition("btree"));
    }
}
