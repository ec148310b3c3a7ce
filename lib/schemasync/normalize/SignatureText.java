package schemasync.normalize;

import java.util.ArrayList;
import java.util.List;

/**
 * The argument types of a signature as regprocedure and regoperator print it ({@code public.cmp(public.t,public.t)},
 * {@code public.<(public.t,public.t)}): the list in the last top-level parentheses, split at its top-level commas; a
 * double-quoted name may hold parentheses and commas of its own.
 */
final class SignatureText {
    private SignatureText() {
    }

    /** The argument types, or null when the text has no argument list. */
    static List<String> arguments(String signature) {
        if (signature == null) return null;
        String s = signature.strip();
        if (!s.endsWith(")")) return null;
        int open = openingParenthesis(s);
        if (open < 0) return null;
        String inner = s.substring(open + 1, s.length() - 1);
        List<String> out = new ArrayList<>();
        if (inner.isBlank()) return out;
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == '(') depth++;
            else if (!quoted && c == ')') depth--;
            else if (!quoted && depth == 0 && c == ',') {
                out.add(inner.substring(start, i).strip());
                start = i + 1;
            }
        }
        out.add(inner.substring(start).strip());
        return out;
    }

    /** The text before the argument list ({@code public.<}), or the whole text when it has none. */
    static String name(String signature) {
        String s = signature.strip();
        int open = s.endsWith(")") ? openingParenthesis(s) : -1;
        return open < 0 ? s : s.substring(0, open).strip();
    }

    /** The index of the parenthesis that the final one closes (quotes skipped), or -1. */
    private static int openingParenthesis(String s) {
        int depth = 0;
        boolean quoted = false;
        for (int i = s.length() - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == ')') depth++;
            else if (!quoted && c == '(' && --depth == 0) return i;
        }
        return -1;
    }
}
