package schemasync.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import schemasync.SchemaSyncException;

/**
 * Which database a run targets, and with which credentials. The first of these that is set names the
 * database: {@code --database-url}, {@code DATABASE_URL}, {@code DATABASE_URL_FILE} (a secret mounted
 * as a file), or libpq's {@code PGHOST} / {@code PGSERVICE}. Then, as psql does, what a postgres://
 * URL leaves out comes from the service file, the PG* variables and the password file ({@link Libpq});
 * a password command ({@code --password-command}, {@code SCHEMA_SYNC_PASSWORD_COMMAND}) supplies a
 * short-lived password (an IAM token) and wins over every other source but a password in the URL,
 * which it contradicts.
 */
public final class TargetResolver {
    /** How long a password command may take: token generators answer in a second or two. */
    public static final Duration PASSWORD_COMMAND_TIMEOUT = Duration.ofSeconds(30);

    /** @param source where the database came from, e.g. "DATABASE_URL", for messages */
    public record Resolved(DatabaseUrl url, String source, List<String> warnings) {
        public Resolved {
            warnings = List.copyOf(warnings);
        }
    }

    private TargetResolver() {
    }

    /** Whether a password command is configured: it must run once per process, so no head start runs it. */
    public static boolean hasPasswordCommand(String flag, Map<String, String> env) {
        return Libpq.nonBlank(flag) != null || Libpq.nonBlank(env.get("SCHEMA_SYNC_PASSWORD_COMMAND")) != null;
    }

    /** The target, or null when nothing names one (the caller decides about the embedded database). */
    public static Resolved resolve(String urlFlag, String passwordCommandFlag, Map<String, String> env) {
        List<String> warnings = new ArrayList<>();
        String text;
        String source;
        if (urlFlag != null) {
            text = urlFlag;
            source = "--database-url";
        } else if (Libpq.nonBlank(env.get("DATABASE_URL")) != null) {
            if (Libpq.nonBlank(env.get("DATABASE_URL_FILE")) != null) {
                throw SchemaSyncException.badInput("both DATABASE_URL and DATABASE_URL_FILE are set: unset one of them");
            }
            text = env.get("DATABASE_URL");
            source = "DATABASE_URL";
        } else if (Libpq.nonBlank(env.get("DATABASE_URL_FILE")) != null) {
            text = readUrlFile(Path.of(env.get("DATABASE_URL_FILE")));
            source = "DATABASE_URL_FILE";
        } else if (Libpq.nonBlank(env.get("PGHOST")) != null || Libpq.nonBlank(env.get("PGSERVICE")) != null) {
            text = null;
            source = Libpq.nonBlank(env.get("PGSERVICE")) != null ? "PGSERVICE" : "PGHOST";
        } else {
            return null;
        }
        String command = Libpq.nonBlank(passwordCommandFlag) != null ? passwordCommandFlag
                : Libpq.nonBlank(env.get("SCHEMA_SYNC_PASSWORD_COMMAND"));
        DatabaseUrl url;
        if (text != null && !DatabaseUrl.isUri(text)) {
            url = DatabaseUrl.parse(text); // a JDBC URL: taken as it is, but for the password
            boolean inUrl = url.properties().containsKey("password");
            if (inUrl && source.equals("--database-url")) warnings.add(visibleInPs());
            if (command != null) {
                if (inUrl) throw twoPasswords(source);
                url = withPassword(url, run(command));
            } else if (!inUrl && Libpq.nonBlank(env.get("PGPASSWORD")) != null) {
                url = withPassword(url, env.get("PGPASSWORD"));
            }
            return new Resolved(url, source, warnings);
        }
        DatabaseUrl.Parts parts = text == null ? DatabaseUrl.Parts.empty() : DatabaseUrl.parts(text);
        if (text != null) DatabaseUrl.parse(text); // the URL's own errors first, as they were
        if (parts.password() != null && source.equals("--database-url")) warnings.add(visibleInPs());
        if (command != null) {
            if (parts.password() != null) throw twoPasswords(source);
            parts = parts.withPassword(run(command));
        }
        return new Resolved(DatabaseUrl.of(Libpq.fill(parts, env, warnings::add)), source, warnings);
    }

    private static String visibleInPs() {
        return "the password in --database-url is visible to every user of this machine (ps, /proc/<pid>/cmdline)"
                + " and may be kept in shell history; pass it in DATABASE_URL, DATABASE_URL_FILE, PGPASSWORD, ~/.pgpass"
                + " or --password-command instead";
    }

    private static SchemaSyncException twoPasswords(String source) {
        return SchemaSyncException.badInput("both a password command and a password in " + source
                + " are given: remove the password from the URL, or the password command");
    }

    private static DatabaseUrl withPassword(DatabaseUrl url, String password) {
        java.util.Properties props = url.properties();
        props.setProperty("password", password);
        return new DatabaseUrl(url.jdbcUrl(), props, url.display());
    }

    /** The file's content, without the trailing newline that editors and {@code echo} add. */
    private static String readUrlFile(Path file) {
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (content.isEmpty()) throw SchemaSyncException.badInput("DATABASE_URL_FILE " + file + " is empty");
            return content;
        } catch (java.nio.charset.MalformedInputException e) {
            throw SchemaSyncException.badInput("DATABASE_URL_FILE " + file + " is not UTF-8 text");
        } catch (IOException e) {
            // The path is configuration, not a secret; the content never appears.
            throw SchemaSyncException.badInput("cannot read DATABASE_URL_FILE " + file + ": " + e.getClass().getSimpleName());
        }
    }

    /**
     * Runs the password command with the shell, stdin closed and stderr discarded: the first line of
     * stdout is the password. Its output is never shown, not even when it fails: a token generator's
     * output is a secret, and its errors may quote one.
     */
    static String run(String command) {
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        ProcessBuilder pb = new ProcessBuilder(windows ? List.of("cmd", "/c", command) : List.of("sh", "-c", command))
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw SchemaSyncException.badInput("cannot start the password command: " + e.getClass().getSimpleName());
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAtMost(process.getInputStream(), 1 << 16));
            if (!process.waitFor(PASSWORD_COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw SchemaSyncException.badInput("the password command did not finish within "
                        + PASSWORD_COMMAND_TIMEOUT.toSeconds() + " s and was stopped; nothing was changed");
            }
            if (process.exitValue() != 0) {
                throw SchemaSyncException.badInput("the password command failed with exit status " + process.exitValue()
                        + "; its output is not shown (it may hold a secret): run it yourself to see why. Nothing was changed");
            }
            String stdout = new String(out.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8);
            String first = stdout.lines().findFirst().orElse("").strip();
            if (first.isEmpty()) throw SchemaSyncException.badInput("the password command printed no password (its first line is empty)");
            return first;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw SchemaSyncException.badInput("interrupted while the password command ran");
        } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw SchemaSyncException.badInput("cannot read the password command's output: " + e.getClass().getSimpleName());
        }
    }

    private static byte[] readAtMost(InputStream in, int limit) {
        try (in) {
            return in.readNBytes(limit);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
