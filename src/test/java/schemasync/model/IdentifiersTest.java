package schemasync.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.Scenario;

/** The one quoting rule against the server's own: its keyword list and quote_ident. */
class IdentifiersTest {

    @Test
    void everyKeywordABareNameCannotBeIsKnown() throws Exception {
        try (Scenario s = Scenario.start(); Statement st = s.connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT word FROM pg_catalog.pg_get_keywords() WHERE catcode <> 'U'")) {
            List<String> missing = new ArrayList<>();
            int n = 0;
            while (rs.next()) {
                n++;
                if (!Identifiers.isKeyword(rs.getString(1))) missing.add(rs.getString(1));
            }
            assertTrue(n > 100, "the server listed " + n + " keywords");
            assertEquals(List.of(), missing);
        }
    }

    @Test
    void quotesExactlyAsQuoteIdentDoes() throws Exception {
        List<String> names = List.of("users", "_x1", "order", "user", "Users", "a$b", "1abc", "with space", "quo\"te",
                "between", "left", "name", "text", "id", "é", "select_", "current_schema");
        try (Scenario s = Scenario.start();
             PreparedStatement ps = s.connection.prepareStatement("SELECT pg_catalog.quote_ident(?)")) {
            for (String name : names) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals(rs.getString(1), Identifiers.quote(name), name);
                    assertEquals(name, Identifiers.unquote(rs.getString(1)), "read back: " + name);
                }
            }
        }
    }

    @Test
    void splitsADottedNameExactlyAsParseIdentDoes() throws Exception {
        List<String> written = List.of("audit.stamp", "Audit.Stamp", "\"my.schema\".\"a\"\"b\"", "public.\"Odd Name\"",
                " \"T\" ", "a . b", "x$1", "_a.\"SELECT\"", "\"New\"\"Rows\"", "a.b.c");
        try (Scenario s = Scenario.start();
             PreparedStatement ps = s.connection.prepareStatement("SELECT pg_catalog.parse_ident(?)")) {
            for (String text : written) {
                ps.setString(1, text);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals(List.of((String[]) rs.getArray(1).getArray()), Identifiers.splitQualified(text), text);
                }
            }
        }
    }

    @Test
    void whatIsNoDottedNameSplitsToNothing() {
        for (String text : List.of("", "a.", ".a", "\"open", "\"\"", "a b", "1a", "f()", "a..b"))
            assertEquals(List.of(), Identifiers.splitQualified(text), text);
    }
}
