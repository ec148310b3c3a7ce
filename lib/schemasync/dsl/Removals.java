package schemasync.dsl;

import java.util.List;
import java.util.Locale;
import schemasync.catalog.GrantTarget;
import schemasync.catalog.QualifiedName;
import schemasync.model.ObjectKind;
import schemasync.dsl.Declaration.RemovalDecl;

/**
 * Which declarations a removal of a materialized view, sequence, domain, composite type, procedure,
 * aggregate or partition takes away: the object's own declaration, and what only makes sense with it
 * (the indexes of a materialized view, the grants on a sequence). Used by {@link LaterRemovals} (a later
 * block's removal) and by the validator (a removal beside its own declaration).
 */
final class Removals {
    private Removals() {
    }

    /** The DSL method's name after {@code ensureNo}: {@code MaterializedView}, {@code CompositeType}. */
    static String method(ObjectKind kind) {
        StringBuilder s = new StringBuilder();
        for (String part : kind.name().toLowerCase(Locale.ROOT).split("_")) {
            s.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return s.toString();
    }

    /** True when {@code d} declares the object {@code r} removes (the new kinds; the others are Superseded's). */
    static boolean removes(RemovalDecl r, Declaration d) {
        QualifiedName o = r.object();
        return switch (r.kind()) {
            case MATERIALIZED_VIEW -> d instanceof Declaration.MaterializedViewDecl m && m.name().equals(o)
                    || d instanceof Declaration.IndexDecl i && o.equals(i.table());
            case SEQUENCE -> d instanceof TypeDecl.SequenceDecl q && q.name().equals(o)
                    || d instanceof AccessDecl.GrantDecl g && g.target().kind() == GrantTarget.Kind.SEQUENCE
                    && g.target().qualifiedName().equals(o);
            case DOMAIN -> d instanceof TypeDecl.DomainDecl t && t.name().equals(o);
            case COMPOSITE_TYPE -> d instanceof TypeDecl.CompositeTypeDecl t && t.name().equals(o);
            case PROCEDURE -> d instanceof Declaration.FunctionDecl f && f.procedure() && f.name().equals(o)
                    && arguments(f.arguments()).equals(arguments(r.column()));
            case AGGREGATE -> d instanceof Declaration.AggregateDecl a && a.name().equals(o)
                    && arguments(a.arguments()).equals(arguments(r.column()));
            case PARTITION -> d instanceof Declaration.PartitionDecl p && p.name().equals(o);
            case COLLATION -> d instanceof KindDecl.CollationDecl c && c.name().equals(o);
            case RANGE_TYPE -> d instanceof KindDecl.RangeTypeDecl t && t.name().equals(o);
            case STATISTICS -> d instanceof StatisticsRuleDecl.StatisticsDecl s && s.name().equals(o);
            case RULE -> d instanceof StatisticsRuleDecl.RuleDecl u && u.table().equals(o) && u.name().equals(r.column());
            case TEXT_SEARCH_DICTIONARY -> d instanceof TextSearchDecl.DictionaryDecl t && t.name().equals(o);
            case TEXT_SEARCH_CONFIGURATION -> d instanceof TextSearchDecl.ConfigurationDecl t && t.name().equals(o);
            case CONVERSION -> d instanceof ConversionDecl c && c.name().equals(o);
            default -> false;
        };
    }

    /** The block that declares what {@code r} removes, among {@code declarations}, if any (a contradiction). */
    static Origin declaredIn(RemovalDecl r, List<Declaration> declarations) {
        for (Declaration d : declarations) {
            if (d != r && !(d instanceof Declaration.IndexDecl) && !(d instanceof AccessDecl.GrantDecl) && removes(r, d)) {
                return d.origin();
            }
        }
        return null;
    }

    /** Argument types compared as written, spaces and case aside. */
    static String arguments(String arguments) {
        return arguments == null ? "" : arguments.replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
    }
}
