package schemasync.dsl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code ensureTextSearchConfiguration} declares: {@code c -> c.parser("default").mapping(List.of("asciiword",
 * "word"), "public.english_nostop", "english_stem")}. The parser is pg_catalog's {@code default} unless named; a
 * dictionary is the configuration's schema's when one of that name exists there by then, else pg_catalog's, unless
 * qualified. A token type mapped again takes the later dictionaries (as ALTER MAPPING would).
 */
public record TextSearchConfigurationOptions(String parser, Map<String, List<String>> mappings) {
    static final TextSearchConfigurationOptions NONE = new TextSearchConfigurationOptions(null, Map.of());

    public TextSearchConfigurationOptions {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        mappings.forEach((token, dictionaries) -> copy.put(token, dictionaries == null ? List.of()
                : java.util.Collections.unmodifiableList(new ArrayList<>(dictionaries))));
        mappings = java.util.Collections.unmodifiableMap(copy);
    }

    /** {@code PARSER = name}: pg_catalog's {@code default} unless qualified (a parser an extension provides). */
    public TextSearchConfigurationOptions parser(String parserName) {
        return new TextSearchConfigurationOptions(parserName, mappings);
    }

    /** {@code ADD MAPPING FOR tokenTypes WITH dictionaries}: consulted in the order given. */
    public TextSearchConfigurationOptions mapping(List<String> tokenTypes, String... dictionaries) {
        Map<String, List<String>> more = new LinkedHashMap<>(mappings);
        for (String token : tokenTypes == null ? List.<String>of() : tokenTypes) {
            more.put(token, dictionaries == null ? List.of() : java.util.Arrays.asList(dictionaries));
        }
        return new TextSearchConfigurationOptions(parser, more);
    }
}
