package schemasync.dsl;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import schemasync.catalog.QualifiedName;

/**
 * Checks of extended statistics and rules before any connection is opened, mirroring PostgreSQL's own rules
 * (never stricter): a statistics object names its table and at least two columns or one expression, no column
 * twice, a target in 0–10000; a rule's definition is {@code ON event TO table [WHERE ...] DO [ALSO | INSTEAD]
 * action} about the rule's own table, and one statement (semicolons only between the actions of a
 * parenthesized list, as CREATE RULE allows).
 */
final class StatisticsRuleValidator {
    private static final Pattern RULE = Pattern.compile(
            "(?is)ON\\s+(SELECT|INSERT|UPDATE|DELETE)\\s+TO\\s+((?:\"(?:[^\"]|\"\")*\"|[^\\s\"])+)(\\s+WHERE\\s+.+?)?\\s+DO(\\s+ALSO|\\s+INSTEAD)?\\s+(.+)");
    private final Validator validator;

    StatisticsRuleValidator(Validator validator) {
        this.validator = validator;
    }

    void validate(List<Declaration> declarations) {
        Set<QualifiedName> statistics = new HashSet<>();
        Set<String> rules = new HashSet<>();
        for (Declaration d : declarations) {
            if (d instanceof StatisticsRuleDecl.StatisticsDecl s) statistics(s, statistics);
            else if (d instanceof StatisticsRuleDecl.RuleDecl r) rule(r, rules);
        }
    }

    private void statistics(StatisticsRuleDecl.StatisticsDecl s, Set<QualifiedName> seen) {
        String what = "statistics " + s.name();
        validator.qualified(s.origin(), "statistics", s.name());
        if (!seen.add(s.name())) validator.problem(s.origin(), what + " is declared twice");
        StatisticsBuilder b = s.shape();
        if (b.table() == null || b.table().isBlank()) {
            validator.problem(s.origin(), what + " names no table: s -> s.on(\"public.address\").columns(\"city\", \"postal_code\")");
        } else {
            validator.qualified(s.origin(), "table of " + what, s.table());
        }
        int items = b.columns().size() + b.expressions().size();
        if (items == 0 || b.expressions().isEmpty() && items < 2) {
            validator.problem(s.origin(), what + " needs at least two columns, or an expression (PostgreSQL 14+)");
        }
        Set<String> columns = new HashSet<>();
        for (String c : b.columns()) {
            validator.name(s.origin(), "column of " + what, c);
            if (c != null && !columns.add(c)) validator.problem(s.origin(), what + ": column " + c + " is named twice");
        }
        for (String e : b.expressions()) {
            if (e == null || e.isBlank()) validator.problem(s.origin(), what + ": an expression is blank");
            String why = SqlFragment.problem(e);
            if (why != null) validator.problem(s.origin(), what + ": expression " + why);
        }
        if (b.kinds().size() != new HashSet<>(b.kinds()).size()) validator.problem(s.origin(), what + ": a kind is named twice");
        if (!b.kinds().isEmpty() && items < 2) {
            validator.problem(s.origin(), what + ": kinds(...) need two or more columns or expressions (over one expression"
                    + " PostgreSQL keeps only that expression's statistics)");
        }
        if (b.target() != null && (b.target() < 0 || b.target() > 10000)) {
            validator.problem(s.origin(), what + ": target " + b.target() + " is outside 0–10000");
        }
    }

    private void rule(StatisticsRuleDecl.RuleDecl r, Set<String> seen) {
        String what = "rule " + r.name() + " on " + r.table();
        validator.qualified(r.origin(), "table of rule", r.table());
        validator.name(r.origin(), "rule", r.name());
        if ("_RETURN".equals(r.name())) {
            validator.problem(r.origin(), what + ": _RETURN is the rule that makes a view; declare the view with ensureView");
        }
        if (!seen.add(r.name() + " " + r.table())) validator.problem(r.origin(), what + " is declared twice");
        String definition = r.rule().definition();
        Matcher m = definition == null ? null : RULE.matcher(definition);
        if (m == null || !m.matches()) {
            validator.problem(r.origin(), what + ": the definition is what follows CREATE RULE name AS: \"ON INSERT TO "
                    + r.table() + " DO INSTEAD NOTHING\"");
            return;
        }
        if (!names(m.group(2), r.table())) {
            validator.problem(r.origin(), what + ": the definition is ON " + m.group(1).toUpperCase(Locale.ROOT) + " TO "
                    + m.group(2) + ", not TO the rule's table " + r.table());
        }
        String head = definition.substring(0, m.start(5));
        String action = m.group(5);
        boolean list = action.startsWith("(") && schemasync.catalog.SqlText.closingParenthesis(action, 0) == action.length() - 1;
        // Semicolons separate the actions of a parenthesized list; anywhere else they would end the statement.
        String why = SqlFragment.problem(head + (list ? action.replace(';', ' ') : action));
        if (why != null) validator.problem(r.origin(), what + ": definition " + why);
    }

    /**
     * {@code public.t}, {@code t} (in public), {@code "T"} or {@code "my.schema"."a""b"}: whether the definition's TO
     * names the rule's table, read as PostgreSQL reads it (bare parts fold to lower case, quoted ones are exact).
     */
    private static boolean names(String written, QualifiedName table) {
        List<String> parts = schemasync.model.Identifiers.splitQualified(written);
        return switch (parts.size()) {
            case 1 -> table.equals(new QualifiedName(QualifiedName.DEFAULT_SCHEMA, parts.get(0)));
            case 2 -> table.equals(new QualifiedName(parts.get(0), parts.get(1)));
            default -> false;
        };
    }
}
