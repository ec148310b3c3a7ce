package schemasync.generate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import schemasync.catalog.Catalog;
import schemasync.catalog.Index;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Table;

/**
 * Reads a live database and writes change blocks that declare it: per schema its types, one block
 * per table (with its indexes and constraints) in foreign-key order, then functions, views,
 * triggers, row-level security and policies, and grants. Deterministic: everything is sorted by
 * name, nothing depends on OIDs, time or the order rows came back in.
 */
public final class Generator {

    /** One custom step written, for the summary: what, why, in which block. */
    public record Carried(String block, String what, String why) {
    }

    /**
     * @param blocks     the change blocks, in order
     * @param carried    objects written as guarded custom steps
     * @param notCarried objects in the source that the blocks do not reproduce, with the reason
     * @param objects    counts of source objects by kind (pg_class / pg_type / pg_proc)
     * @param unmodeled  counts, by kind, of source objects the catalog comparison does not cover
     */
    public record Result(List<GeneratedBlock> blocks, List<Carried> carried, List<String> notCarried,
                         Map<String, Integer> objects, Map<String, Integer> unmodeled) {
    }

    private final Source source;
    private final Set<String> schemas;
    private final Map<QualifiedName, List<Index>> indexesByTable = new HashMap<>();
    private final List<GeneratedBlock> blocks = new ArrayList<>();
    private final List<Carried> carried = new ArrayList<>();
    private final List<String> notCarried = new ArrayList<>();
    /** DSL-declared tables whose primary key the DSL declares (foreign keys may then omit the columns). */
    private final Set<QualifiedName> dslPrimaryKeys = new HashSet<>();
    private List<Call> current;
    private String currentBlock;

    private Generator(Source source, Collection<String> schemas) {
        this.source = source;
        this.schemas = new TreeSet<>(schemas);
        for (Index i : source.catalog().indexes().values()) {
            indexesByTable.computeIfAbsent(i.table(), k -> new ArrayList<>()).add(i);
        }
        indexesByTable.values().forEach(l -> l.sort((a, b) -> a.name().name().compareTo(b.name().name())));
    }

    public static Result generate(Connection connection, Collection<String> schemas) throws SQLException {
        return generate(Source.read(connection, schemas), schemas, OwnerCalls.applyingRole(connection));
    }

    /** {@code applyingRole}: the role generate connects as, taken to be the one that will apply (its objects get no ensureOwner). */
    static Result generate(Source source, Collection<String> schemas, String applyingRole) {
        Generator g = new Generator(source, schemas);
        g.applyingRole = applyingRole;
        return g.run();
    }

    /** The role that will apply the blocks (null: write no owners). */
    private String applyingRole;

    String applyingRole() {
        return applyingRole;
    }

    static Result generate(Source source, Collection<String> schemas) {
        return new Generator(source, schemas).run();
    }

    Catalog catalog() {
        return source.catalog();
    }

    List<Index> indexesOf(QualifiedName table) {
        return indexesByTable.getOrDefault(table, List.of());
    }

    String indexDefinition(QualifiedName index) {
        return source.catalog().indexDefinitions().get(index);
    }

    boolean declaresPrimaryKey(Table t) {
        return dslPrimaryKeys.contains(t.name());
    }

    /** How a block names an object: bare in {@code public}, {@code schema.name} elsewhere. */
    String dslName(QualifiedName name) {
        return name.schema().equals(QualifiedName.DEFAULT_SCHEMA) ? name.name() : name.toString();
    }

    /** A guarded custom step, recorded for the summary. */
    Call.CustomCall custom(String what, String why, String guard, String sql) {
        carried.add(new Carried(currentBlock, what, why));
        return new Call.CustomCall(stepId(what), false, guard, sql);
    }

    /**
     * A custom step that creates an object the plan would otherwise report as undeclared (a constraint,
     * index or trigger of a declared table, a routine): {@code owns} is the {@code ignore} pattern that
     * names it, written once per block after the custom steps, so a plan against the source has no ⚠.
     */
    Call.CustomCall custom(String what, String why, String guard, String sql, String owns) {
        ownedByCustomSteps.add(owns);
        return custom(what, why, guard, sql);
    }

    private final List<String> ownedByCustomSteps = new ArrayList<>();

    /** A custom step that creates something later declarations use as a type or in a default. */
    Call.CustomCall customObject(String what, String why, String guard, String sql) {
        carried.add(new Carried(currentBlock, what, why));
        return new Call.CustomCall(stepId(what), true, guard, sql);
    }

    /**
     * A custom step's id is a name (63 bytes at most): the description without {@code public.}, and
     * when still too long, its start and a hash of the whole, so that ids stay unique and stable.
     */
    static String stepId(String what) {
        String id = what.replace(" " + QualifiedName.DEFAULT_SCHEMA + ".", " ");
        if (QualifiedName.utf8Length(id) <= QualifiedName.MAX_IDENTIFIER_BYTES) return id;
        String hash = String.format("%08x", what.hashCode());
        StringBuilder head = new StringBuilder();
        for (int i = 0; i < id.length(); i = id.offsetByCodePoints(i, 1)) {
            String next = id.substring(i, id.offsetByCodePoints(i, 1));
            if (QualifiedName.utf8Length(head + next) > QualifiedName.MAX_IDENTIFIER_BYTES - hash.length() - 1) break;
            head.append(next);
        }
        return head + "~" + hash;
    }

    private Result run() {
        Map<String, Integer> objects = new TreeMap<>();
        Map<String, Integer> unmodeled = new TreeMap<>();
        ObjectCensus.count(source, objects, unmodeled, notCarried);
        new BlockPlan(this, source).write();
        return new Result(List.copyOf(blocks), List.copyOf(carried), List.copyOf(notCarried), objects, unmodeled);
    }

    // --- block assembly, used by BlockPlan ---

    void startBlock(String name, String description) {
        finishBlock();
        currentBlock = uniqueClassName(name);
        current = new ArrayList<>();
        pendingDescription = description;
    }

    private String pendingDescription;

    void add(Call call) {
        current.add(call);
    }

    void addAll(List<Call> calls) {
        current.addAll(calls);
    }

    void finishBlock() {
        if (current != null && !ownedByCustomSteps.isEmpty()) {
            current.add(new Call.CommentLine("Created by the custom steps above: not reported as undeclared."));
            current.add(new Call.IgnoreCall(List.copyOf(ownedByCustomSteps)));
        }
        ownedByCustomSteps.clear();
        if (current != null && !current.isEmpty()) blocks.add(new GeneratedBlock(currentBlock, pendingDescription, current));
        current = null;
    }

    void notCarried(String line) {
        notCarried.add(line);
    }

    void primaryKeyDeclared(QualifiedName table) {
        dslPrimaryKeys.add(table);
    }

    String currentBlock() {
        return currentBlock;
    }

    private final Map<String, Integer> usedNames = new LinkedHashMap<>();

    /** {@code C0007_FilmActor}: a counter for order, then the object in CamelCase (ASCII letters and digits). */
    private String uniqueClassName(String words) {
        StringBuilder camel = new StringBuilder();
        for (String part : words.split("[^A-Za-z0-9]+")) {
            if (part.isEmpty()) continue;
            camel.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        if (camel.length() == 0) camel.append("Objects");
        String base = String.format("C%04d_%s", blocks.size() + 1, camel);
        int n = usedNames.merge(base, 1, Integer::sum);
        return n == 1 ? base : base + "_" + n;
    }

    Set<String> schemas() {
        return schemas;
    }
}
