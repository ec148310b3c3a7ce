package schemasync.dsl;

import java.util.function.UnaryOperator;
import schemasync.catalog.QualifiedName;
import schemasync.model.ObjectKind;

/**
 * The verbs of collations and range types: {@code ensureCollation}, {@code ensureRangeType} and their
 * removals. Neither can be altered in place (ALTER COLLATION and ALTER TYPE change only names, owners and
 * schemas), so an existing one that differs is reported, never changed.
 */
public abstract class KindDeclarations extends OperatorDeclarations {

    KindDeclarations() {
    }

    /**
     * The collation exists: {@code ensureCollation("public.ci", c -> c.icu("und-u-ks-level2").nondeterministic())},
     * {@code ensureCollation("german", c -> c.libc("de_DE.utf8"))}. Created when missing; a differing one is
     * reported (collations cannot be altered).
     */
    public SchemaChanges ensureCollation(String name, UnaryOperator<CollationOptions> options) {
        CollationOptions o = options == null ? null : options.apply(CollationOptions.NONE);
        add(new KindDecl.CollationDecl(scope().qualified(name), o == null ? CollationOptions.NONE : o, currentOrigin()));
        return self();
    }

    /** The collation must not exist: dropped if present (no CASCADE: a column using it makes the drop fail). */
    public SchemaChanges ensureNoCollation(String name) {
        add(new Declaration.RemovalDecl(ObjectKind.COLLATION, scope().qualified(name), null, currentOrigin()));
        return self();
    }

    /** The range type exists over {@code subtype}, with PostgreSQL's defaults for every option. */
    public SchemaChanges ensureRangeType(String name, String subtype) {
        return ensureRangeType(name, subtype, r -> r);
    }

    /**
     * The range type (and its multirange, PostgreSQL 14+) exists: {@code ensureRangeType("public.floatrange",
     * "float8", r -> r.subtypeDiff("float8mi"))}. Created when missing; a differing one is reported (a range
     * type's options cannot be altered). A function it names must be declared in an earlier block.
     */
    public SchemaChanges ensureRangeType(String name, String subtype, UnaryOperator<RangeTypeOptions> options) {
        RangeTypeOptions o = options == null ? RangeTypeOptions.NONE : options.apply(RangeTypeOptions.NONE);
        // The collation and multirange names the options spell, in the tenant's schema if the placeholder's.
        o = new RangeTypeOptions(o.subtypeOpclass(), scope().name(o.collation()), o.canonical(), o.subtypeDiff(),
                scope().name(o.multirange()));
        add(new KindDecl.RangeTypeDecl(scope().qualified(name), subtype == null ? null : subtype.strip(), o, currentOrigin()));
        return self();
    }

    /** The range type must not exist: dropped with its multirange if present (no CASCADE). */
    public SchemaChanges ensureNoRangeType(String name) {
        add(new Declaration.RemovalDecl(ObjectKind.RANGE_TYPE, scope().qualified(name), null, currentOrigin()));
        return self();
    }
}
