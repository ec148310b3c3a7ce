package schemasync.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.TextSearch;
import schemasync.dsl.Declaration;
import schemasync.dsl.DesiredState;
import schemasync.dsl.TextSearchDecl;
import schemasync.model.ObjectKind;
import schemasync.plan.PlanItem.Drift;
import schemasync.plan.Summary.Verb;
import schemasync.render.TextSearchDdl;
import schemasync.step.Step;

/**
 * Text search dictionaries and configurations: created when missing (a configuration with CREATE, then one ADD
 * MAPPING per list of dictionaries). An existing one that differs is reported with the SQL that would make it so,
 * and left alone: a dictionary's template and a configuration's parser cannot be altered, and new options or
 * mappings change what to_tsvector returns from then on while every stored tsvector (a generated column, an
 * index over an expression) keeps the old output until its rows are rewritten: a decision for a custom step
 * with its rewrite, not for a convergence. Removals drop them without CASCADE.
 */
final class TextSearchPlanner {
    private final PlanContext context;

    TextSearchPlanner(PlanContext context) {
        this.context = context;
    }

    static boolean handles(Declaration d) {
        return d instanceof TextSearchDecl.DictionaryDecl || d instanceof TextSearchDecl.ConfigurationDecl
                || d instanceof Declaration.RemovalDecl r && (r.kind() == ObjectKind.TEXT_SEARCH_DICTIONARY
                || r.kind() == ObjectKind.TEXT_SEARCH_CONFIGURATION);
    }

    Decisions plan(Declaration d) {
        if (d instanceof TextSearchDecl.DictionaryDecl t) return dictionary(t);
        if (d instanceof TextSearchDecl.ConfigurationDecl c) return configuration(c);
        return removal((Declaration.RemovalDecl) d);
    }

    private TextSearch state() {
        return context.state().textSearch();
    }

    private Decisions dictionary(TextSearchDecl.DictionaryDecl d) {
        Decisions out = new Decisions();
        TextSearch.Dictionary want = d.dictionary();
        TextSearch.Dictionary have = state().dictionaries().get(d.name());
        String kind = "text search dictionary";
        if (have == null) {
            StandaloneObjects.requireSchema(context, d.origin(), kind, d.name());
            return out.change(d.origin(), kind, d.name().toString(), Summary.will(Verb.CREATE), null,
                    new Step.CreateTextSearchDictionary(want));
        }
        if (TextSearch.diff(want, have).isEmpty()) return out.unchanged(d.origin(), kind, d.name().toString(), "exists, skipped");
        String fix = !want.template().equals(have.template())
                ? "a dictionary's template cannot be altered: create one under another name and map it instead"
                : "to change it: " + alterDictionary(d.name(), want, have) + "; stored tsvectors keep the old output";
        return out.drift(d.origin(), kind, d.name().toString(), "differs: declared (" + want.describe() + "), database has ("
                + have.describe() + "): not changed (" + fix + ")", null);
    }

    /**
     * The ALTER that makes {@code have}'s options {@code want}'s: every declared option set, and every option only the
     * database has named without a value, which removes it (ALTER keeps the options it does not name).
     */
    static String alterDictionary(QualifiedName name, TextSearch.Dictionary want, TextSearch.Dictionary have) {
        List<TextSearch.Option> wanted = TextSearch.parse(want.options());
        List<String> removed = TextSearch.parse(have.options()).stream().map(TextSearch.Option::name)
                .filter(option -> wanted.stream().noneMatch(w -> w.name().equalsIgnoreCase(option))).toList();
        return TextSearchDdl.alterDictionary(name, wanted, removed);
    }

    private Decisions configuration(TextSearchDecl.ConfigurationDecl c) {
        Decisions out = new Decisions();
        TextSearch.Configuration want = wanted(c);
        TextSearch.Configuration have = state().configurations().get(c.name());
        String kind = "text search configuration";
        if (have == null) {
            StandaloneObjects.requireSchema(context, c.origin(), kind, c.name());
            List<Step> steps = new ArrayList<>();
            steps.add(new Step.CreateTextSearchConfiguration(c.name(), want.parser()));
            want.byDictionaries().forEach((dictionaries, tokens) -> steps.add(new Step.AddTextSearchMapping(c.name(), tokens, dictionaries)));
            return out.change(c.origin(), kind, c.name().toString(), Summary.will(Verb.CREATE), null, steps.toArray(Step[]::new));
        }
        if (TextSearch.diff(want, have).isEmpty()) {
            return out.unchanged(c.origin(), kind, c.name().toString(), "exists, skipped");
        }
        String fix;
        if (!want.parser().equals(have.parser())) {
            fix = "a configuration's parser cannot be altered: create one under another name";
        } else {
            List<String> sql = new ArrayList<>();
            want.mappings().forEach((token, dictionaries) -> {
                if (!Objects.equals(dictionaries, have.mappings().get(token))) {
                    sql.add((have.mappings().containsKey(token) ? TextSearchDdl.alterMapping(c.name(), token, dictionaries)
                            : schemasync.render.SqlRenderer.render(new Step.AddTextSearchMapping(c.name(), List.of(token), dictionaries))) + ";");
                }
            });
            have.mappings().keySet().stream().filter(token -> !want.mappings().containsKey(token))
                    .forEach(token -> sql.add(TextSearchDdl.dropMapping(c.name(), token) + ";"));
            fix = "to change it: " + String.join(" ", sql) + " stored tsvectors keep the old output";
        }
        return out.drift(c.origin(), kind, c.name().toString(), "differs: declared (" + want.describe() + "), database has ("
                + have.describe() + "): not changed (" + fix + ")", null);
    }

    /**
     * The configuration as declared, every name resolved: a dictionary named without its schema is the
     * configuration's schema's when that schema has one of the name by now (declared in an earlier block or
     * there already), else pg_catalog's; the steps name it qualified, so the apply resolves what was compared.
     */
    TextSearch.Configuration wanted(TextSearchDecl.ConfigurationDecl c) {
        Map<String, List<QualifiedName>> mappings = new LinkedHashMap<>();
        c.options().mappings().forEach((token, names) -> mappings.put(token, names.stream().map(n -> dictionary(c.name(), n)).toList()));
        return new TextSearch.Configuration(c.name(), c.parser(), mappings);
    }

    private QualifiedName dictionary(QualifiedName configuration, String name) {
        if (name.contains(".")) return QualifiedName.parse(name);
        QualifiedName local = configuration.sibling(name);
        return state().dictionaries().containsKey(local) ? local : new QualifiedName("pg_catalog", name);
    }

    private Decisions removal(Declaration.RemovalDecl r) {
        boolean present = r.kind() == ObjectKind.TEXT_SEARCH_DICTIONARY ? state().dictionaries().containsKey(r.object())
                : state().configurations().containsKey(r.object());
        Step.DropObject drop = new Step.DropObject(r.kind(), r.object(), null);
        return StandaloneObjects.removal(r.origin(), r.kind().word(), drop.object(), present ? drop : null);
    }

    /** Dictionaries and configurations no block declares: reported, never dropped. */
    Decisions reportUndeclared() {
        Decisions out = new Decisions();
        for (TextSearch.Dictionary d : context.before().textSearch().dictionaries().values()) {
            if (context.desired().declares(DesiredState.textSearchDictionary(d.name())) || context.declared().isIgnored(d.name())) continue;
            out.add(new Drift(null, "text search dictionary", d.name().toString(), "undeclared text search dictionary ("
                    + d.describe() + "): no block declares it; left alone", null));
        }
        for (TextSearch.Configuration c : context.before().textSearch().configurations().values()) {
            if (context.desired().declares(DesiredState.textSearchConfiguration(c.name())) || context.declared().isIgnored(c.name())) continue;
            out.add(new Drift(null, "text search configuration", c.name().toString(), "undeclared text search configuration ("
                    + c.describe() + "): no block declares it; left alone", null));
        }
        return out;
    }
}
