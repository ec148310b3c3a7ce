package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The no-op fast path skips the plan while {@code catalog.CatalogVersion}'s reading is unchanged, so every system
 * catalog the catalog reader reads must move that reading when it changes, or be named there with why it need not.
 * A catalog read and never named is a change by hand the fast path would not see (pg_conversion was one).
 */
class CatalogVersionCoversTheReadCatalogsTest {
    /** {@code pg_catalog.pg_x} not followed by a parenthesis: a catalog or view, not a function. */
    private static final Pattern CATALOG = Pattern.compile("pg_catalog\\.(pg_[a-z_]+)\\b(?!\\s*\\()");

    @Test
    void everyCatalogTheReaderReadsIsCoveredOrNamedWithWhyNot() throws Exception {
        Path dir = Path.of("lib", "schemasync", "catalog");
        String version = Files.readString(dir.resolve("CatalogVersion.java"));
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = CATALOG.matcher(Files.readString(file));
                while (m.find()) {
                    if (!Pattern.compile("\\b" + m.group(1) + "\\b").matcher(version).find()) missing.add(m.group(1));
                }
            }
        }
        assertEquals(Set.of(), missing, "read by the catalog reader, neither covered nor explained by CatalogVersion");
    }

    @Test
    void anInheritLinkAddedByHandToAParentWithoutColumnsMovesTheReading() throws Exception {
        // Such a link changes none of the child's attributes, and the parent's pg_class row only on its first child:
        // the reading moves through the link's pg_depend row, which is why pg_inherits itself is not counted.
        try (Scenario s = Scenario.start("CREATE TABLE parent ()", "CREATE TABLE first_child () INHERITS (parent)",
                "CREATE TABLE child (id int)")) {
            String before = schemasync.catalog.CatalogVersion.read(s.connection, List.of("public")).rows();
            s.execute("ALTER TABLE child INHERIT parent");
            org.junit.jupiter.api.Assertions.assertNotEquals(before,
                    schemasync.catalog.CatalogVersion.read(s.connection, List.of("public")).rows(), "an INHERIT is seen");
        }
    }
}
