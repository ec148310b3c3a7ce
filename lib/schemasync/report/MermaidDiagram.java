package schemasync.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.ConstraintSpec;
import schemasync.report.SchemaDocs.Col;
import schemasync.report.SchemaDocs.TableDoc;

/**
 * The ER diagram of {@code docs/SCHEMA.md}, in Mermaid's erDiagram syntax (GitHub renders ```mermaid
 * blocks): one entity per table, then one relationship line per foreign key.
 */
final class MermaidDiagram {

    private MermaidDiagram() {
    }

    static void append(List<TableDoc> tables, List<String> out) {
        out.add("```mermaid");
        out.add("erDiagram");
        // Entity names by table, so that relationship lines can name both ends.
        Map<QualifiedName, String> entities = new LinkedHashMap<>();
        for (TableDoc t : tables) {
            String base = word(t.name.schema() + "_" + t.name.name(), "t_");
            String entity = base;
            // public.a_b and public_a.b sanitize alike: number the later one rather than merge them.
            for (int n = 2; entities.containsValue(entity); n++) entity = base + "_" + n;
            entities.put(t.name, entity);
            entity(t, entity, out);
        }
        // After all entities: a many-to-one line per foreign key, from the referencing table.
        for (TableDoc t : tables) {
            for (ConstraintSpec fk : t.foreignKeys()) {
                QualifiedName target = SchemaDocs.target(fk);
                String label = String.join(", ", fk.columns()).replace('"', '\'').replaceAll("\\s+", " ");
                if (!entities.containsKey(target)) {
                    // A line would make Mermaid invent an empty entity; say why there is none instead.
                    out.add("    %% " + (fk.name() + ": " + entities.get(t.name) + " (" + label + ") references "
                            + target + ", which the blocks do not declare").replaceAll("[{}\\s]+", " "));
                    continue;
                }
                // Zero or one when a column may be NULL (the row then references nothing), else exactly one.
                boolean optional = fk.columns().stream().anyMatch(c -> column(t, c).map(x -> SchemaDocs.nullable(t, x))
                        .orElse(true));
                out.add("    " + entities.get(t.name) + (optional ? " }o--o| " : " }o--|| ") + entities.get(target)
                        + " : \"" + label + "\"");
            }
        }
        out.add("```");
        out.add("");
    }

    private static void entity(TableDoc t, String entity, List<String> out) {
        if (t.columns.isEmpty()) {
            out.add("    " + entity); // an entity without attributes is a bare name
            return;
        }
        out.add("    " + entity + " {");
        for (Col c : t.columns) {
            String line = "        " + word(c.spec().type(), "t_") + " " + word(c.name(), "c_");
            List<String> keys = new ArrayList<>(); // a comma-separated list: "PK, FK"
            if (t.primaryKey.contains(c.name())) keys.add("PK");
            if (t.foreignKeys().stream().anyMatch(fk -> fk.columns().contains(c.name()))) keys.add("FK");
            if (!keys.isEmpty()) line += " " + String.join(", ", keys);
            String comment = c.spec().comment();
            // Mermaid comments end at the next double quote and cannot span lines.
            if (comment != null && !comment.isBlank())
                line += " \"" + comment.replace('"', '\'').replaceAll("\\s+", " ").strip() + "\"";
            out.add(line);
        }
        out.add("    }");
    }

    private static Optional<Col> column(TableDoc t, String name) {
        return t.columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /**
     * One token Mermaid's erDiagram lexer accepts as an entity, attribute type or attribute name. Its
     * grammar varies across versions (parentheses and brackets arrived late), so keep to the portable
     * core: ASCII letters, digits and _, starting with a letter. Readable mapping: {@code text[]} →
     * {@code text_array}, {@code varchar(320)} → {@code varchar_320}, {@code numeric(12, 2)} →
     * {@code numeric_12_2}, {@code timestamp with time zone} → {@code timestamp_with_time_zone}.
     */
    static String word(String text, String prefix) {
        String w = Objects.toString(text, "").replace("[]", "_array")
                .replaceAll("^[^A-Za-z0-9_]+|[^A-Za-z0-9_]+$", "").replaceAll("[^A-Za-z0-9_]+", "_");
        if (!w.matches("[A-Za-z].*")) w = prefix + w;
        // The lexer reads PK, FK and UK (any case) as key markers wherever they stand alone.
        return w.matches("(?i)pk|fk|uk") ? w + "_" : w;
    }
}
