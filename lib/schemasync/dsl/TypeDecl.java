package schemasync.dsl;

import java.util.List;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.SequenceOptions;

/** The declarations of enum, domain and composite types and of sequences ({@link Declaration.Type}). */
public final class TypeDecl {
    private TypeDecl() {
    }

    /** {@code ensureEnum("membership_role", "owner", "admin", "member")}: labels in their order. */
    public record EnumDecl(QualifiedName name, List<String> labels, Origin origin) implements Declaration.Type {
        public EnumDecl {
            labels = List.copyOf(labels);
        }
    }

    /**
     * {@code ensureDomain("year", "integer").check("year_range", "VALUE BETWEEN 1901 AND 2155")}: base
     * type, NOT NULL, default, collation (null: the base type's) and named CHECK constraints.
     */
    public record DomainDecl(QualifiedName name, String baseType, boolean notNull, String defaultSql, QualifiedName collation,
                             List<Check> checks, Origin origin) implements Declaration.Type {
        public DomainDecl {
            checks = List.copyOf(checks);
        }

        /**
         * CONSTRAINT name CHECK (expression); {@code notValid}: created NOT VALID (values already stored in
         * columns of the domain are not checked) and never validated by the tool.
         */
        public record Check(String name, String expression, boolean notValid) {
            public Check(String name, String expression) {
                this(name, expression, false);
            }

            /** In the catalog's record: a NOT VALID check is not validated. */
            public schemasync.catalog.Domain.Check check() {
                return new schemasync.catalog.Domain.Check(name, expression, !notValid);
            }
        }

        /** The same domain without its NOT VALID checks: CREATE DOMAIN would make them valid. */
        public DomainDecl withoutNotValidChecks() {
            return new DomainDecl(name, baseType, notNull, defaultSql, collation, checks.stream().filter(c -> !c.notValid()).toList(),
                    origin);
        }

        /** The domain in the catalog's record, base type, default and checks as written. */
        public schemasync.catalog.Domain domain() {
            return new schemasync.catalog.Domain(name, baseType, notNull, defaultSql, collation,
                    checks.stream().map(Check::check).toList());
        }
    }

    /**
     * {@code ensureCompositeType("address").attribute("street", "text").attribute("zip", "varchar(10)")}:
     * CREATE TYPE ... AS (attributes), compared attribute by attribute.
     */
    public record CompositeTypeDecl(QualifiedName name, List<Attribute> attributes, Origin origin) implements Declaration.Type {
        public CompositeTypeDecl {
            attributes = List.copyOf(attributes);
        }

        /** The type in the catalog's record, attribute types as written. */
        public schemasync.catalog.CompositeType type() {
            return new schemasync.catalog.CompositeType(name, attributes.stream()
                    .map(a -> new schemasync.catalog.CompositeType.Attribute(a.name(), a.type(), a.collation())).toList());
        }

        /** {@code name type [COLLATE collation]}; the type is SQL text, compared as PostgreSQL spells it. */
        public record Attribute(String name, String type, QualifiedName collation) {
        }
    }

    /**
     * {@code ensureSequence("invoice_number").startWith(1000).ownedBy("invoices.number")}: options left
     * null take PostgreSQL's defaults; {@code ownedTable}/{@code ownedColumn} are null without OWNED BY.
     */
    public record SequenceDecl(QualifiedName name, String dataType, Long increment, Long minValue, Long maxValue, Long start,
                               Long cache, boolean cycle, QualifiedName ownedTable, String ownedColumn, Origin origin)
                   implements Declaration.Type {
        /** The options in the form identity columns share (NO CYCLE is PostgreSQL's default: not declared). */
        public SequenceOptions options() {
            return new SequenceOptions(increment, minValue, maxValue, start, cache, cycle ? Boolean.TRUE : null);
        }

        /** What CREATE SEQUENCE needs (OWNED BY is a step of its own). */
        public schemasync.catalog.SequenceSpec spec() {
            return new schemasync.catalog.SequenceSpec(name, dataType, options());
        }
    }
}
