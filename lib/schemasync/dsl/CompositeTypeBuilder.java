package schemasync.dsl;

import java.util.ArrayList;
import java.util.List;
import schemasync.catalog.QualifiedName;

/**
 * The body of {@code ensureCompositeType(name)}: attributes in order, {@code .attribute("street", "text")},
 * each optionally followed by {@code .collate("C")}.
 */
public final class CompositeTypeBuilder {
    final String name;
    final List<TypeDecl.CompositeTypeDecl.Attribute> attributes = new ArrayList<>();

    CompositeTypeBuilder(String name) {
        this.name = name;
    }

    /** An attribute of a PostgreSQL type, written as in CREATE TYPE: {@code "numeric(10,2)"}, {@code "text[]"}. */
    public CompositeTypeBuilder attribute(String attributeName, String postgresType) {
        attributes.add(new TypeDecl.CompositeTypeDecl.Attribute(attributeName, postgresType == null ? null : postgresType.strip(), null));
        return this;
    }

    /** COLLATE for the attribute declared just before: a collation of pg_catalog ({@code "C"}, {@code "en_US.utf8"}). */
    public CompositeTypeBuilder collate(String collationName) {
        return collate("pg_catalog", collationName);
    }

    /** COLLATE for the attribute declared just before: a collation created in {@code schema}. */
    public CompositeTypeBuilder collate(String schema, String collationName) {
        if (attributes.isEmpty()) throw new IllegalStateException("collate(...) follows the attribute it applies to");
        TypeDecl.CompositeTypeDecl.Attribute last = attributes.remove(attributes.size() - 1);
        attributes.add(new TypeDecl.CompositeTypeDecl.Attribute(last.name(), last.type(), new QualifiedName(schema, collationName)));
        return this;
    }
}
