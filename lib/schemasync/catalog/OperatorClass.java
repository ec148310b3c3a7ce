package schemasync.catalog;

import java.util.Comparator;
import java.util.List;

/**
 * An operator class ({@code CREATE OPERATOR CLASS}) as pg_opclass holds it: the index access method it serves
 * ({@code btree}, {@code hash}, {@code gist}, ...), the input type (format_type), whether it is the DEFAULT for that type
 * and method, its operator family (CREATE OPERATOR CLASS without FAMILY makes or joins the family of its own name),
 * the STORAGE type when the index stores another type than the input (null otherwise), and the operators and support
 * functions bound to it (pg_amop / pg_amproc rows that depend on the class, as pg_dump reads them). Nothing of a class
 * can be altered in place but its name, schema and owner: a different member means DROP and CREATE, which drops the
 * indexes using it.
 */
public record OperatorClass(QualifiedName name, String method, String type, boolean isDefault, QualifiedName family,
                            String storage, List<Member> members) {

    public OperatorClass {
        members = Member.sorted(members);
    }

    /** How classes (and families) are keyed: {@code schema.name USING method}, as ALTER and DROP name one. */
    public String key() {
        return key(name, method);
    }

    public static String key(QualifiedName name, String method) {
        return name.schema() + "." + name.name() + " USING " + method;
    }

    /** The CREATE OPERATOR CLASS text after the name: {@code DEFAULT FOR TYPE t USING btree FAMILY f AS OPERATOR 1 ..., ...}. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        if (isDefault) s.append("DEFAULT ");
        s.append("FOR TYPE ").append(type).append(" USING ").append(SqlText.quoteIdent(method));
        if (family != null && !family.equals(name)) s.append(" FAMILY ").append(qualified(family));
        s.append(" AS ");
        List<String> items = new java.util.ArrayList<>(members.stream().map(Member::describe).toList());
        if (storage != null) items.add("STORAGE " + storage);
        s.append(items.isEmpty() ? "STORAGE " + type : String.join(", ", items));
        return s.toString();
    }

    /** {@code "my schema".name}: a class's or family's name as DDL writes it. */
    public static String qualified(QualifiedName name) {
        return SqlText.quoteIdent(name.schema()) + "." + SqlText.quoteIdent(name.name());
    }

    /**
     * One pg_amop or pg_amproc row: {@code function} false for an operator (strategy {@code number}, {@code target} as
     * regoperator prints it: {@code public.<(public.t,public.t)}), true for a support function ({@code number}, target as
     * regprocedure prints it); {@code leftType} / {@code rightType} the types it serves (amoplefttype / amproclefttype,
     * format_type); {@code orderFamily} the btree family of an ordering operator ({@code FOR ORDER BY}), null for a
     * search operator.
     */
    public record Member(boolean function, int number, String leftType, String rightType, String target, QualifiedName orderFamily) {
        private static final Comparator<Member> ORDER = Comparator.comparing((Member m) -> m.function()).thenComparingInt(Member::number)
                .thenComparing(m -> String.valueOf(m.leftType())).thenComparing(m -> String.valueOf(m.rightType()))
                .thenComparing(m -> String.valueOf(m.target()));

        public static Member strategy(int strategy, String leftType, String rightType, String operator, QualifiedName orderFamily) {
            return new Member(false, strategy, leftType, rightType, operator, orderFamily);
        }

        public static Member support(int support, String leftType, String rightType, String function) {
            return new Member(true, support, leftType, rightType, function, null);
        }

        /** The members in one order whatever order they were read or declared in (pg_amop has no order of its own). */
        static List<Member> sorted(List<Member> members) {
            return members == null ? List.of() : members.stream().sorted(ORDER).toList();
        }

        /** {@code OPERATOR 1 public.<(public.t,public.t)} or {@code FUNCTION 1 (public.t, public.t) public.cmp(public.t,public.t)}. */
        public String describe() {
            if (!function) {
                return "OPERATOR " + number + " " + target + (orderFamily == null ? "" : " FOR ORDER BY " + qualified(orderFamily));
            }
            String types = leftType == null ? "" : "(" + leftType + (rightType == null ? "" : ", " + rightType) + ") ";
            return "FUNCTION " + number + " " + types + target;
        }

        /** As ALTER OPERATOR FAMILY ... DROP names it: {@code OPERATOR 1 (public.t, public.t)}. */
        public String identity() {
            return (function ? "FUNCTION " : "OPERATOR ") + number + " (" + leftType + ", " + rightType + ")";
        }
    }
}
