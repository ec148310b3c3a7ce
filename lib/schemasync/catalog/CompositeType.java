package schemasync.catalog;

import java.util.List;

/**
 * A composite type ({@code CREATE TYPE name AS (...)}): its attributes in attnum order, each with
 * {@code format_type}'s text and its collation when it is not the attribute type's default.
 */
public record CompositeType(QualifiedName name, List<Attribute> attributes) {

    public CompositeType {
        attributes = List.copyOf(attributes);
    }

    /** One attribute; {@code collation} is null for the type's default collation. */
    public record Attribute(String name, String type, QualifiedName collation) {
        public String describe() {
            return name + " " + type + (collation == null ? "" : " COLLATE " + Domain.collation(collation));
        }
    }

    /** {@code (street text, city text COLLATE "C")}, for messages. */
    public String describe() {
        return "(" + String.join(", ", attributes.stream().map(Attribute::describe).toList()) + ")";
    }
}
