package schemasync.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import schemasync.CliProcess;
import schemasync.CliProcess.Run;

/**
 * The tool as a subprocess ({@link FaultCli}: the real CLI, with a chosen block list), either run to the
 * end ({@link #run}) or started and watched while it runs ({@link #start}), e.g. to kill it.
 */
final class Tool {
    private Tool() {
    }

    static List<String> command(String blocks, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // The JBang script's own JVM options: start-up dominates these short runs.
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:+UseSerialGC",
                "-Dmaven.repo.local=" + System.getProperty("maven.repo.local", "")));
        if (blocks != null) command.add("-Dfaults.blocks=" + blocks);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), FaultCli.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** Runs to completion (2 minutes at most); stdout and stderr are captured. */
    static Run run(Map<String, String> env, String blocks, String... args) throws IOException, InterruptedException {
        return CliProcess.exec(command(blocks, args), Path.of("."), env, 120);
    }

    /** A running tool whose output is collected as it comes. */
    static Running start(Map<String, String> env, String blocks, String... args) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command(blocks, args));
        pb.environment().remove("DATABASE_URL");
        pb.environment().put("SCHEMA_SYNC_ALLOW_SAMPLE", "1");
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        return new Running(p, drain(p.getInputStream()), drain(p.getErrorStream()));
    }

    record Running(Process process, ByteArrayOutputStream out, ByteArrayOutputStream err) {
        Run kill() throws InterruptedException {
            process.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no finally block runs
            process.waitFor(30, TimeUnit.SECONDS);
            return result();
        }

        Run await(int seconds) throws InterruptedException {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the tool did not finish within " + seconds + " s: " + result().all());
            }
            return result();
        }

        Run result() throws InterruptedException {
            Thread.sleep(50); // let the drain threads copy the last bytes
            synchronized (out) {
                synchronized (err) {
                    return new Run(process.isAlive() ? -1 : process.exitValue(),
                            out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
                }
            }
        }
    }

    private static ByteArrayOutputStream drain(InputStream in) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        Thread t = new Thread(() -> {
            byte[] chunk = new byte[8192];
            try {
                for (int n; (n = in.read(chunk)) > 0; ) {
                    synchronized (buffer) {
                        buffer.write(chunk, 0, n);
                    }
                }
            } catch (IOException ignored) {
                // the process is gone
            }
        });
        t.setDaemon(true);
        t.start();
        return buffer;
    }

    /** No Java stack trace, no exception class name leaking to the user. */
    static boolean hasStackTrace(String text) {
        return text.contains("\tat ") || text.contains("Exception in thread") || text.matches("(?s).*\\b\\w+(\\.\\w+)+(Exception|Error)\\b.*");
    }
}
