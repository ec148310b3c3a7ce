package schemasync.catalog;

import java.util.List;
import schemasync.model.Difference;
import schemasync.model.Identifiers;

/**
 * A rewrite rule of a table or view ({@code CREATE RULE}), other than the {@code _RETURN} rule that makes a view.
 * {@code definition}: what follows {@code CREATE RULE name AS} in pg_get_ruledef, without the final semicolon and
 * with runs of white space as one space ({@code ON INSERT TO public.t DO INSTEAD NOTHING}); PostgreSQL re-prints it
 * from the parsed rule, so two rules that act alike read alike. {@code enabled}: pg_rewrite.ev_enabled, when the rule
 * fires ({@code ALTER TABLE ... DISABLE RULE / ENABLE REPLICA RULE / ENABLE ALWAYS RULE}; the same four states and
 * letters as a trigger's tgenabled); CREATE RULE makes it {@code ORIGIN}, CREATE OR REPLACE RULE keeps it.
 */
public record Rule(QualifiedName table, String name, String definition, ExternalObjects.Enabled enabled) {
    public Rule {
        definition = spelled(definition);
        if (enabled == null) enabled = ExternalObjects.Enabled.ORIGIN;
    }

    /** A rule as CREATE RULE makes it: firing in origin and local sessions (ENABLE). */
    public Rule(QualifiedName table, String name, String definition) {
        this(table, name, definition, ExternalObjects.Enabled.ORIGIN);
    }

    /**
     * The same rule after its table is renamed to {@code to} (ALTER TABLE ... RENAME keeps the rule by the table's oid):
     * {@code ON DELETE TO public.orders DO ...} as pg_get_ruledef prints it then, the relation after TO re-spelled in the
     * qualified spelling the catalog reads or the bare one a declaration may carry. The actions' own mentions of the
     * table are left as written (a text the normalizer spells, not compared by the replay).
     */
    public Rule onTable(QualifiedName to) {
        return to.equals(table) ? this : new Rule(to, name, retargeted(definition, table, to), enabled);
    }

    private static String retargeted(String definition, QualifiedName from, QualifiedName to) {
        if (definition == null) return null;
        String body = " DO ";
        int actions = definition.indexOf(body);
        String[][] spellings = {{printed(from), printed(to)}, {Identifiers.quote(from.name()), Identifiers.quote(to.name())}};
        for (String[] names : spellings) {
            String head = " TO " + names[0] + " ";
            int at = definition.indexOf(head);
            if (at >= 0 && (actions < 0 || at < actions)) {
                return definition.substring(0, at) + " TO " + names[1] + " " + definition.substring(at + head.length());
            }
        }
        return definition;
    }

    private static String printed(QualifiedName name) {
        return Identifiers.quote(name.schema()) + "." + Identifiers.quote(name.name());
    }

    public Rule withDefinition(String newDefinition) {
        return new Rule(table, name, newDefinition, enabled);
    }

    public Rule withEnabled(ExternalObjects.Enabled newEnabled) {
        return new Rule(table, name, definition, newEnabled);
    }

    /** How rules are keyed: {@code r_name ON public.t}; a rule's name is unique per table. */
    public String key() {
        return key(table, name);
    }

    public static String key(QualifiedName table, String name) {
        return name + " ON " + table;
    }

    /** pg_get_ruledef's text after {@code AS}, or a declared one: no trailing semicolon, spacing collapsed. */
    static String spelled(String definition) {
        if (definition == null) return null;
        String d = collapsed(definition);
        while (d.endsWith(";")) d = d.substring(0, d.length() - 1).strip();
        return d;
    }

    /** Runs of white space as one space, outside string literals and quoted names (whose spaces are data). */
    static String collapsed(String sql) {
        StringBuilder out = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0; // a doubled quote closes and reopens: same result
                out.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                out.append(c);
            } else if (Character.isWhitespace(c)) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    public static List<Difference> diff(Rule want, Rule have) {
        return new Differ.Fields().add("definition", want.definition(), have.definition())
                .add("enabled", want.enabled(), have.enabled()).list();
    }
}
