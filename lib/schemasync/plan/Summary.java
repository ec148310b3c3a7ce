package schemasync.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * What a change will do, as data: text and verbs kept apart, so a reporter can say it before the
 * apply ("will create concurrently, after the commit") or after it ("created concurrently, after the
 * commit") without reading its own prose back. Only the verbs below change with the tense; other
 * words ("will replace", "will grant") are plain text and read the same both times.
 */
public record Summary(List<Part> parts) {
    public Summary {
        parts = List.copyOf(parts);
    }

    /** A verb whose tense the reporter chooses. */
    public enum Verb {
        CREATE("create", "created"), ADD("add", "added"), SET("set", "set"), RENAME("rename", "renamed"),
        DROP("drop", "dropped"), VALIDATE("validate", "validated"), RUN("run", "ran"), REBUILD("rebuild", "rebuilt");

        private final String base;
        private final String past;

        Verb(String base, String past) {
            this.base = base;
            this.past = past;
        }

        public String base() {
            return base;
        }

        public String past() {
            return past;
        }
    }

    /** How a verb joins what comes before it: "will create" (future) / "created"; "then drop" / "then dropped"; "and rebuild" / "and rebuilt". */
    public enum Link { WILL, THEN, AND }

    public sealed interface Part {
    }

    public record Text(String text) implements Part {
    }

    public record Act(Link link, Verb verb) implements Part {
    }

    public static Summary text(String text) {
        return new Summary(List.of(new Text(text)));
    }

    public static Summary will(Verb verb) {
        return new Summary(List.of(new Act(Link.WILL, verb)));
    }

    public Summary plus(String text) {
        return with(new Text(text));
    }

    public Summary plusWill(Verb verb) {
        return with(new Act(Link.WILL, verb));
    }

    public Summary then(Verb verb) {
        return with(new Act(Link.THEN, verb));
    }

    public Summary and(Verb verb) {
        return with(new Act(Link.AND, verb));
    }

    private Summary with(Part part) {
        List<Part> more = new ArrayList<>(parts);
        more.add(part);
        return new Summary(more);
    }

    /** Before the apply: "will create", "then validate". */
    public String future() {
        StringBuilder s = new StringBuilder();
        for (Part p : parts) {
            if (p instanceof Text t) s.append(t.text());
            else if (p instanceof Act a) s.append(a.link().name().toLowerCase(java.util.Locale.ROOT)).append(' ').append(a.verb().base());
        }
        return s.toString();
    }

    /** After the apply: "created", "then validated". */
    public String past() {
        StringBuilder s = new StringBuilder();
        for (Part p : parts) {
            if (p instanceof Text t) s.append(t.text());
            else if (p instanceof Act a) {
                if (a.link() != Link.WILL) s.append(a.link().name().toLowerCase(java.util.Locale.ROOT)).append(' ');
                s.append(a.verb().past());
            }
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return future();
    }
}
