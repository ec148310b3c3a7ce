package schemasync.catalog;

import java.util.List;

/**
 * An operator family ({@code CREATE OPERATOR FAMILY}) as pg_opfamily holds it: its access method and its loose members,
 * the operators and support functions ALTER OPERATOR FAMILY ... ADD put in it (pg_amop / pg_amproc rows of the family
 * bound to no class: cross-type members, as pg_dump reads them); the members of its classes are the classes'.
 */
public record OperatorFamily(QualifiedName name, String method, List<OperatorClass.Member> members) {

    public OperatorFamily {
        members = OperatorClass.Member.sorted(members);
    }

    public String key() {
        return OperatorClass.key(name, method);
    }

    /** {@code USING btree} and, when it has loose members, the ALTER OPERATOR FAMILY ... ADD list. */
    public String describe() {
        String using = "USING " + SqlText.quoteIdent(method);
        return members.isEmpty() ? using : using + " ADD " + String.join(", ", members.stream().map(OperatorClass.Member::describe).toList());
    }
}
