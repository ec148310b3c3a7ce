package schemasync.dsl;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import schemasync.catalog.QualifiedName;
import schemasync.model.Identifiers;

/**
 * The types a declared routine's signature names: its argument list and its RETURNS clause (an aggregate's arguments
 * and STYPE). PostgreSQL resolves them at CREATE FUNCTION / CREATE AGGREGATE, whatever check_function_bodies says, so
 * a table whose row type one of them is must exist first; the body is not read (a body may read a table created
 * later: the apply checks bodies before its commit). One recogniser for the plan's order inside a block
 * ({@link BlockCreationOrder}) and the normalizer's stand-ins ({@code normalize.RowTypePrerequisite}).
 */
public final class RoutineSignature {
    private RoutineSignature() {
    }

    /** Where the RETURNS clause of a definition ends: the first routine attribute or the body. */
    private static final Pattern CLAUSE_END = Pattern.compile("(?i)(?<![A-Za-z0-9_$\"])(LANGUAGE|AS|RETURN|BEGIN|IMMUTABLE|STABLE"
            + "|VOLATILE|STRICT|CALLED|SECURITY|EXTERNAL|PARALLEL|COST|ROWS|SUPPORT|SET|WINDOW|LEAKPROOF|NOT|TRANSFORM)"
            + "(?![A-Za-z0-9_$\"])");

    private static final Pattern RETURNS = Pattern.compile("(?is)^\\s*RETURNS\\s");

    /** A possibly qualified, possibly quoted name. */
    private static final Pattern NAME = Pattern.compile(
            "(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)(?:\\s*\\.\\s*(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*))?");

    /** The signature's text: the arguments and the RETURNS clause (or an aggregate's whole option list); null if not a routine. */
    public static String text(Declaration d) {
        if (d instanceof Declaration.AggregateDecl a) return a.arguments() + " " + a.definition();
        if (!(d instanceof Declaration.FunctionDecl f)) return null;
        String definition = f.definition() == null ? "" : f.definition();
        String returns = "";
        Matcher r = RETURNS.matcher(definition);
        if (r.find()) {
            Matcher end = CLAUSE_END.matcher(definition);
            returns = end.find(r.end()) ? definition.substring(r.end(), end.start()) : definition.substring(r.end());
        }
        return (f.arguments() == null ? "" : f.arguments()) + " " + returns;
    }

    /**
     * Every name the signature could mean as a type, as a relation's qualified name (a bare name as in the default
     * schema, where the DSL declares it): a superset (argument names and built-in types too), for looking up declared
     * tables by name.
     */
    public static Set<QualifiedName> names(Declaration d) {
        String text = text(d);
        Set<QualifiedName> out = new LinkedHashSet<>();
        if (text == null) return out;
        Matcher m = NAME.matcher(text);
        while (m.find()) {
            List<String> parts;
            try {
                parts = Identifiers.splitQualified(m.group());
            } catch (RuntimeException e) {
                continue; // not a name after all
            }
            if (parts.size() == 2) out.add(new QualifiedName(parts.get(0), parts.get(1)));
            if (parts.size() == 1) out.add(new QualifiedName(QualifiedName.DEFAULT_SCHEMA, parts.get(0)));
        }
        return out;
    }
}
