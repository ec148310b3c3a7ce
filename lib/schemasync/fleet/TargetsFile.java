package schemasync.fleet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import schemasync.SchemaSyncException;
import schemasync.db.DatabaseUrl;
import schemasync.db.Libpq;

/**
 * The targets file ({@code --targets FILE}): one target a line, its name then its URL or the
 * environment variable that holds it; {@code #} starts a comment.
 *
 * <pre>
 * # name        URL, or $VARIABLE that holds it
 * production    $DATABASE_URL_PRODUCTION
 * customer-a    postgres://app@db-a.internal:5432/app?sslmode=require
 * </pre>
 *
 * The named environments of the workflow (dev, staging, production) need no file: {@code --target
 * staging} alone reads {@code DATABASE_URL_STAGING}. A URL never leaves this class but inside a
 * {@link FleetTarget}: errors name the file, the line and the target.
 */
public final class TargetsFile {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");
    private static final Pattern VARIABLE = Pattern.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)}|([A-Za-z_][A-Za-z0-9_]*))");
    /** The workflow's environments, each in its own variable: dev → staging → production. */
    public static final Map<String, String> NAMED = namedEnvironments();

    private TargetsFile() {
    }

    private static Map<String, String> namedEnvironments() {
        Map<String, String> named = new LinkedHashMap<>();
        named.put("dev", "DATABASE_URL_DEV");
        named.put("staging", "DATABASE_URL_STAGING");
        named.put("production", "DATABASE_URL_PRODUCTION");
        return java.util.Collections.unmodifiableMap(named);
    }

    /** Every target of the file, in file order. */
    public static List<FleetTarget> read(Path file, Map<String, String> env, Consumer<String> warnings) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw SchemaSyncException.badInput("--targets " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw SchemaSyncException.badInput("cannot read --targets " + file + ": " + e.getClass().getSimpleName());
        }
        return parse(file.toString(), lines, env, warnings);
    }

    static List<FleetTarget> parse(String where, List<String> lines, Map<String, String> env, Consumer<String> warnings) {
        Map<String, FleetTarget> targets = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = stripComment(lines.get(i)).strip();
            if (line.isEmpty()) continue;
            String at = where + " line " + (i + 1);
            String[] fields = line.split("\\s+");
            if (fields.length != 2) {
                problems.add(at + ": expected `name  URL-or-$VARIABLE`, found " + fields.length + " field(s)");
                continue;
            }
            String name = fields[0];
            if (!NAME.matcher(name).matches()) {
                problems.add(at + ": target name \"" + name + "\" must be letters, digits, '_', '.' or '-' (at most 63)");
                continue;
            }
            if (targets.containsKey(name)) {
                problems.add(at + ": target " + name + " appears twice");
                continue;
            }
            try {
                targets.put(name, new FleetTarget(name, url(name, at, fields[1], env, warnings)));
            } catch (SchemaSyncException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw SchemaSyncException.badInput("the targets file has problems (nothing was changed):\n  - "
                    + String.join("\n  - ", problems));
        }
        if (targets.isEmpty()) throw SchemaSyncException.badInput("--targets " + where + " names no target");
        return List.copyOf(targets.values());
    }

    /** A workflow environment without a file: {@code staging} → {@code DATABASE_URL_STAGING}. */
    public static FleetTarget named(String name, Map<String, String> env, Consumer<String> warnings) {
        String variable = NAMED.get(name);
        if (variable == null) {
            throw SchemaSyncException.badInput("--target " + name + ": without --targets FILE only " + String.join(", ", NAMED.keySet())
                    + " are known (each from its variable, e.g. DATABASE_URL_STAGING)");
        }
        return new FleetTarget(name, url(name, "--target " + name, "$" + variable, env, warnings));
    }

    /** A `#` at the start or after a space begins a comment (a URL holds no bare `#`: encode it as %23). */
    private static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) return line.substring(0, i);
        }
        return line;
    }

    private static DatabaseUrl url(String name, String at, String value, Map<String, String> env, Consumer<String> warnings) {
        Matcher variable = VARIABLE.matcher(value);
        String text;
        if (variable.matches()) {
            String var = variable.group(1) != null ? variable.group(1) : variable.group(2);
            text = env.get(var);
            if (text == null || text.isBlank()) throw SchemaSyncException.badInput(at + ": target " + name + " reads " + var + ", which is not set");
        } else {
            text = value;
        }
        try {
            if (!DatabaseUrl.isUri(text)) return DatabaseUrl.parse(text);
            DatabaseUrl.Parts parts = DatabaseUrl.parts(text);
            DatabaseUrl.parse(text); // the URL's own errors first
            if (parts.password() != null && !variable.matches()) {
                warnings.accept(at + ": target " + name + " has its password in the file; keep it in a variable"
                        + " ($NAME), ~/.pgpass or PGPASSWORD instead");
            }
            return DatabaseUrl.of(Libpq.fill(parts, env, warnings));
        } catch (SchemaSyncException e) {
            // The parser's message shows no password, but a target's URL is never shown at all.
            throw SchemaSyncException.badInput(at + ": target " + name + " has an invalid database URL ("
                    + e.getMessage().replace(text, "<url>") + ")");
        }
    }
}
