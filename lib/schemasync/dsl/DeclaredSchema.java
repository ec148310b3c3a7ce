package schemasync.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import schemasync.SchemaSyncException;
import schemasync.catalog.QualifiedName;
import schemasync.dsl.Declaration.ColumnDecl;
import schemasync.dsl.Declaration.IgnoreDecl;
import schemasync.dsl.Declaration.IndexDecl;
import schemasync.dsl.Declaration.SchemaDecl;
import schemasync.dsl.Declaration.TableDecl;

/**
 * The validated declarations of all blocks, in block order. Built before any connection is opened:
 * {@link #of} runs every block and rejects blank or over-long names, duplicates and contradictions,
 * listing every problem at once with the block that caused it.
 */
public record DeclaredSchema(List<Declaration> declarations, Set<String> managedSchemas,
                             List<Pattern> ignored) {

    public DeclaredSchema {
        declarations = List.copyOf(declarations);
        managedSchemas = Set.copyOf(managedSchemas);
        ignored = List.copyOf(ignored);
    }

    public static DeclaredSchema of(List<? extends ChangeBlock> blocks) {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new TreeSet<>();
        for (ChangeBlock b : blocks) {
            if (!ids.add(b.id())) problems.add("block id " + b.id() + " appears twice in the list of blocks");
        }
        List<Declaration> declarations = Schema.collect(blocks);
        new Validator(problems).validate(declarations);
        if (!problems.isEmpty()) {
            throw SchemaSyncException.badInput("invalid declarations (nothing was changed):\n  - "
                    + String.join("\n  - ", problems));
        }
        Set<String> schemas = new TreeSet<>(Set.of(QualifiedName.DEFAULT_SCHEMA));
        List<Pattern> ignored = new ArrayList<>();
        for (Declaration d : declarations) {
            // Java 17: no pattern switch yet, so instanceof chains over the sealed hierarchy.
            if (d instanceof SchemaDecl s) schemas.add(s.name());
            else if (d instanceof TableDecl t) schemas.add(t.name().schema());
            else if (d instanceof ColumnDecl c) schemas.add(c.table().schema());
            else if (d instanceof IndexDecl i && i.table() != null) schemas.add(i.table().schema());
            else if (d instanceof IgnoreDecl g) g.patterns().forEach(p -> ignored.add(glob(p)));
            else if (d instanceof Declaration.RenameDecl r) schemas.add(r.table().schema());
            else if (d instanceof Declaration.EnumDecl e) schemas.add(e.name().schema());
            else if (d instanceof Declaration.DomainDecl t) schemas.add(t.name().schema());
            else if (d instanceof Declaration.CompositeTypeDecl t) schemas.add(t.name().schema());
            else if (d instanceof Declaration.SequenceDecl q) schemas.add(q.name().schema());
            else if (d instanceof Declaration.CommentDecl c) schemas.add(c.target().object().schema());
            else if (d instanceof Declaration.ViewDecl v) schemas.add(v.name().schema());
            else if (d instanceof Declaration.FunctionDecl f) schemas.add(f.name().schema());
            else if (d instanceof Declaration.TriggerDecl t && t.table() != null) schemas.add(t.table().schema());
            else if (d instanceof Declaration.RowSecurityDecl r) schemas.add(r.table().schema());
            else if (d instanceof Declaration.GrantDecl g && g.target().schema() != null) schemas.add(g.target().schema());
            else if (d instanceof Declaration.DefaultPrivilegesDecl p && p.schema() != null) schemas.add(p.schema());
            else if (d instanceof Declaration.AggregateDecl a) schemas.add(a.name().schema());
            else if (d instanceof Declaration.PolicyDecl p && p.table() != null) schemas.add(p.table().schema());
            else if (d instanceof Declaration.RemovalDecl r) schemas.add(r.object().schema());
            else if (d instanceof Declaration.ColumnChangeDecl c) schemas.add(c.table().schema());
        }
        return new DeclaredSchema(declarations, schemas, ignored);
    }

    /** Whether an undeclared object should be left unmentioned. */
    public boolean isIgnored(QualifiedName name) {
        return ignored.stream().anyMatch(p -> p.matcher(name.toString()).matches()
                || p.matcher(name.name()).matches());
    }

    /**
     * Undeclared columns, and constraints, triggers and policies of a declared table, are matched as
     * {@code table.name} or {@code schema.table.name}.
     */
    public boolean isIgnoredColumn(QualifiedName table, String column) {
        String local = table.name() + "." + column;
        String full = table + "." + column;
        return ignored.stream().anyMatch(p -> p.matcher(local).matches() || p.matcher(full).matches());
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) regex.append(".*");
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

}
