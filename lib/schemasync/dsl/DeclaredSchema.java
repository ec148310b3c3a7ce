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
 * The validated declarations of all blocks, in block order. Validated before anything declared is sent to the database:
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
        return of(blocks, TenantScope.AS_WRITTEN);
    }

    /**
     * The blocks folded for one tenant ({@link TenantScope}): what they declare in the placeholder schema is declared in
     * the tenant's, names in other schemas are shared and stay as written.
     */
    public static DeclaredSchema of(List<? extends ChangeBlock> blocks, TenantScope tenant) {
        Collected collected = collect(blocks, tenant);
        return collected.validate(collected.schemas());
    }

    /**
     * Runs every block; nothing is validated yet. Separate from {@link Collected#validate} so that
     * validation, the costlier half on large schemas, can run beside the catalog read
     * ({@link PendingDeclarations}): the catalog read needs only the schemas.
     */
    static Collected collect(List<? extends ChangeBlock> blocks) {
        return collect(blocks, TenantScope.AS_WRITTEN);
    }

    /** {@link #collect(List)} for one tenant's fold. */
    static Collected collect(List<? extends ChangeBlock> blocks, TenantScope tenant) {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        for (ChangeBlock b : blocks) {
            if (!ids.add(b.id())) problems.add("block id " + b.id() + " appears twice in the list of blocks");
        }
        return new Collected(Superseded.dropEarlier(SchemaChanges.collect(blocks, tenant)), problems);
    }

    /** The declarations of every block, before validation. */
    record Collected(List<Declaration> declarations, List<String> problems) {
        /** The schemas the declarations name: the catalog is read for these. */
        Set<String> schemas() {
            Set<String> schemas = new TreeSet<>(Set.of(QualifiedName.DEFAULT_SCHEMA));
            for (Declaration d : declarations) {
                String schema = schemaOf(d);
                if (schema != null) schemas.add(schema);
            }
            return schemas;
        }

        /** Every problem at once, naming its block; or the validated declarations. */
        DeclaredSchema validate(Set<String> schemas) {
            new Validator(problems).validate(declarations);
            if (!problems.isEmpty()) {
                throw SchemaSyncException.badInput("invalid declarations (nothing was changed):\n  - "
                        + String.join("\n  - ", problems));
            }
            List<Pattern> ignored = new ArrayList<>();
            for (Declaration d : declarations) {
                if (d instanceof IgnoreDecl g) g.patterns().forEach(p -> ignored.add(glob(p)));
            }
            return new DeclaredSchema(declarations, schemas, ignored);
        }
    }

    /** The schema a declaration puts its object in, or null (ignore lists, unfinished declarations). */
    private static String schemaOf(Declaration d) {
        // Java 17: no pattern switch yet, so instanceof chains over the sealed hierarchy.
        if (d instanceof SchemaDecl s) return s.name();
        if (d instanceof TableDecl t) return t.name().schema();
        if (d instanceof ExternalDecl.ForeignTableDecl f) return f.table().name().schema();
        if (d instanceof ColumnDecl c) return c.table().schema();
        if (d instanceof IndexDecl i) return i.table() == null ? null : i.table().schema();
        if (d instanceof Declaration.RenameDecl r) return r.table().schema();
        if (d instanceof TypeDecl.EnumDecl e) return e.name().schema();
        if (d instanceof TypeDecl.DomainDecl t) return t.name().schema();
        if (d instanceof TypeDecl.CompositeTypeDecl t) return t.name().schema();
        if (d instanceof TypeDecl.SequenceDecl q) return q.name().schema();
        if (d instanceof Declaration.CommentDecl c) { // a cast or an object of the database is in no schema
            return c.target().object() == null || c.target().object().schema().isEmpty() ? null : c.target().object().schema();
        }
        if (d instanceof Declaration.ViewDecl v) return v.name().schema();
        if (d instanceof Declaration.FunctionDecl f) return f.name().schema();
        if (d instanceof Declaration.TriggerDecl t) return t.table() == null ? null : t.table().schema();
        if (d instanceof AccessDecl.RowSecurityDecl r) return r.table().schema();
        if (d instanceof AccessDecl.GrantDecl g) return g.target().schema();
        if (d instanceof AccessDecl.DefaultPrivilegesDecl p) return p.schema();
        if (d instanceof Declaration.AggregateDecl a) return a.name().schema();
        if (d instanceof AccessDecl.PolicyDecl p) return p.table() == null ? null : p.table().schema();
        if (d instanceof Declaration.RemovalDecl r) return r.object().schema();
        if (d instanceof Declaration.ColumnChangeDecl c) return c.table().schema();
        if (d instanceof Declaration.Kind k) return k.name().schema();
        if (d instanceof StatisticsRuleDecl.StatisticsDecl s) return s.name().schema();
        if (d instanceof StatisticsRuleDecl.RuleDecl u) return u.table().schema();
        return null;
    }

    /**
     * SHA-256 of the declarations' canonical text (records of records, strings and ordered lists: their
     * {@code toString()} renders everything they hold, the same in every run): what plan files and the
     * fast path call the blocks' fingerprint.
     */
    public static String fingerprint(List<Declaration> declarations) {
        try {
            // The bytes of String.valueOf(declarations), one declaration at a time: the whole text of 2,000
            // tables is ~7 MB, built and copied for nothing.
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update((byte) '[');
            boolean first = true;
            for (Declaration d : declarations) {
                if (!first) sha.update(new byte[] {',', ' '});
                first = false;
                sha.update(String.valueOf(d).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            sha.update((byte) ']');
            return "sha256:" + java.util.HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
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
