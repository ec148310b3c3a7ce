package schemasync.dsl;
import schemasync.model.ObjectKind;
import schemasync.catalog.KeyPart;
import schemasync.catalog.ConstraintSpec;
import schemasync.catalog.ColumnSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import schemasync.catalog.QualifiedName;
import schemasync.dsl.Declaration.ColumnDecl;
import schemasync.dsl.Declaration.IgnoreDecl;
import schemasync.dsl.Declaration.IndexDecl;
import schemasync.dsl.Declaration.SchemaDecl;
import schemasync.dsl.Declaration.TableDecl;

/**
 * Name and consistency checks of all declarations, run before anything is sent that could change the database; appends
 * one line per problem, each starting with the block that caused it.
 */
record Validator(List<String> problems) {

    void validate(List<Declaration> declarations) {
        Map<QualifiedName, TableDecl> tables = new LinkedHashMap<>();
        // Constraint names per table: an ensureTable's, then those later ensureConstraints add.
        Map<QualifiedName, Set<String>> constraintNames = new java.util.HashMap<>();
        Map<ColumnKey, ColumnSeen> columns = new LinkedHashMap<>();
        Map<QualifiedName, IndexDecl> indexes = new LinkedHashMap<>();
        Set<String> schemas = new TreeSet<>();
        Set<String> viewNames = new TreeSet<>();
        Set<String> extensionNames = new TreeSet<>();
        List<Declaration.RemovalDecl> removals = new ArrayList<>();
        PrivilegeValidator privileges = new PrivilegeValidator(this);
        RelationChecks relations = new RelationChecks(problems);
        for (Declaration d : declarations) {
            if (d instanceof SchemaDecl s) {
                name(s.origin(), "schema", s.name());
                if (!schemas.add(s.name())) problem(s.origin(), "schema " + s.name() + " is declared twice");
            } else if (d instanceof TableDecl t) {
                table(t, tables, columns);
                relations.table(t);
            } else if (d instanceof Declaration.PartitionDecl p) {
                qualified(p.origin(), "partition", p.name());
                if (p.parent() != null) qualified(p.origin(), "parent table", p.parent());
                relations.partition(p);
                for (ConstraintSpec c : p.constraints()) fragment(p.origin(), () -> "constraint " + c.name() + " of partition " + p.name(), c.checkSql());
            } else if (d instanceof Declaration.ConstraintsDecl k) {
                qualified(k.origin(), "table", k.table());
                TableDecl earlier = tables.get(k.table());
                Set<String> names = constraintNames.computeIfAbsent(k.table(), x -> new TreeSet<>(earlier == null ? List.of()
                        : earlier.constraints().stream().map(ConstraintSpec::name).toList()));
                relations.constraints(k.origin(), "table " + k.table(), k.constraints(), names);
                for (ConstraintSpec c : k.constraints()) fragment(k.origin(), () -> "constraint " + c.name() + " of table " + k.table(), c.checkSql());
            } else if (d instanceof Declaration.MaterializedViewDecl m) {
                qualified(m.origin(), "materialized view", m.name());
                relations.materializedView(m);
            } else if (d instanceof ColumnDecl c) {
                qualified(c.origin(), "table", c.table());
                column(c.origin(), c.table(), c.column(), columns);
            } else if (d instanceof IndexDecl i) {
                index(i, indexes);
            } else if (d instanceof AccessDecl.GrantDecl || d instanceof AccessDecl.DefaultPrivilegesDecl
                    || d instanceof Declaration.AggregateDecl) {
                privileges.validate(d);
            } else if (d instanceof AccessDecl.RowSecurityDecl r) {
                qualified(r.origin(), "table", r.table());
            } else if (d instanceof Declaration.ExtensionDecl x) {
                name(x.origin(), "extension", x.name());
                if (x.schema() != null) name(x.origin(), "schema of extension " + x.name(), x.schema());
                if (x.name() != null && !extensionNames.add(x.name())) problem(x.origin(), "extension " + x.name() + " is declared twice");
            } else if (d instanceof Declaration.ViewDecl v) {
                qualified(v.origin(), "view", v.name());
                if (!viewNames.add(v.name().toString())) problem(v.origin(), "view " + v.name() + " is declared twice");
                if (v.sql() == null || v.sql().isBlank()) problem(v.origin(), "view " + v.name() + " has no query");
                relations.view(v);
            } else if (d instanceof Declaration.RenameDecl r) {
                relations.renamed(r);
                qualified(r.origin(), r.kind().word(), r.table());
                name(r.origin(), "new " + r.kind().word(), r.to());
                name(r.origin(), "old " + r.kind().word(), r.from());
                if (r.from() != null && r.from().equals(r.to())) {
                    problem(r.origin(), "renaming " + r.kind().word() + " " + r.from() + " to itself");
                }
            } else if (d instanceof Declaration.RemovalDecl r) {
                qualified(r.origin(), r.kind().word(), r.object());
                switch (r.kind()) {
                    case COLUMN, CONSTRAINT, TRIGGER, RULE -> name(r.origin(), r.kind().word(), r.column());
                    case FUNCTION, PROCEDURE, AGGREGATE -> {
                        if (r.column() == null) problem(r.origin(), "ensureNo" + Removals.method(r.kind())
                                + ": write the signature as name(argument types)");
                    }
                    default -> { }
                }
                removals.add(r);
            } else if (d instanceof PartitionColumnsDecl p) {
                p.notNullNames().forEach((column, name) -> notNullName(p.origin(), p.name() + "." + column, name));
            } else if (d instanceof IgnoreDecl g) {
                if (g.patterns().isEmpty() || g.patterns().stream().anyMatch(p -> p == null || p.isBlank()))
                    problem(g.origin(), "ignore() needs non-blank patterns");
            }
        }
        new TypeValidator(this).validate(declarations);
        new RoutineValidator(this).validate(declarations);
        new ChangeValidator(this).validate(declarations);
        new KindValidator(this).validate(declarations);
        new OperatorValidator(this).validate(declarations);
        new OperatorClassValidator(this).validate(declarations);
        new TextSearchValidator(this).validate(declarations);
        new ConversionValidator(this).validate(declarations);
        new SecurityLabelValidator(this).validate(declarations);
        new StatisticsRuleValidator(this).validate(declarations);
        new OwnerValidator(this).validate(declarations);
        contradictions(removals, tables, columns, indexes, declarations);
        renamedAndRemoved(removals, declarations);
    }

    /** Declaring an object and its removal contradicts itself, whatever the order. */
    private void contradictions(List<Declaration.RemovalDecl> removals, Map<QualifiedName, TableDecl> tables,
                                Map<ColumnKey, ColumnSeen> columns, Map<QualifiedName, IndexDecl> indexes,
                                List<Declaration> declarations) {
        for (Declaration.RemovalDecl r : removals) {
            Origin declaredIn = switch (r.kind()) {
                case TABLE -> tables.containsKey(r.object()) ? tables.get(r.object()).origin() : null;
                case COLUMN -> columns.containsKey(new ColumnKey(r.object(), r.column()))
                        ? columns.get(new ColumnKey(r.object(), r.column())).origin() : null;
                case INDEX -> indexes.containsKey(r.object()) ? indexes.get(r.object()).origin() : null;
                case CONSTRAINT -> tables.containsKey(r.object()) && tables.get(r.object()).constraints().stream()
                        .anyMatch(c -> c.name().equals(r.column())) ? tables.get(r.object()).origin() : null;
                case VIEW, FUNCTION, TRIGGER -> declaredElsewhere(r, declarations);
                default -> Removals.declaredIn(r, declarations);
            };
            if (declaredIn != null) {
                problem(r.origin(), r.kind().word() + " " + r.object() + (r.column() == null ? "" : "." + r.column())
                        + " is declared by " + declaredIn + " and removed here; remove the declaration instead");
            }
        }
    }

    /** The block that declares the view, function or trigger a removal names, if any. */
    private static Origin declaredElsewhere(Declaration.RemovalDecl r, List<Declaration> declarations) {
        for (Declaration d : declarations) {
            boolean same = d instanceof Declaration.ViewDecl v && r.kind() == ObjectKind.VIEW && v.name().equals(r.object())
                    || d instanceof Declaration.FunctionDecl f && r.kind() == ObjectKind.FUNCTION
                    && f.name().equals(r.object())
                    || d instanceof Declaration.TriggerDecl g && r.kind() == ObjectKind.TRIGGER
                    && r.object().equals(g.table()) && g.name().equals(r.column());
            if (same) return d.origin();
        }
        return null;
    }

    /**
     * Removing a name that a rename reads or writes makes the outcome depend on the database's
     * history (an apply could drop the data a rename just moved): reject it.
     */
    private void renamedAndRemoved(List<Declaration.RemovalDecl> removals, List<Declaration> declarations) {
        for (Declaration d : declarations) {
            if (!(d instanceof Declaration.RenameDecl r)) continue;
            for (Declaration.RemovalDecl x : removals) {
                if (x.kind() != r.kind()) continue;
                boolean clash = r.kind() == ObjectKind.COLUMN
                        ? x.object().equals(r.table()) && (r.from().equals(x.column()) || r.to().equals(x.column()))
                        : x.object().equals(r.fromName()) || x.object().equals(r.fromName().sibling(r.to()));
                if (clash) {
                    problem(x.origin(), r.kind().word() + " " + x.object() + (x.column() == null ? "" : "." + x.column())
                            + " is removed here and renamed by " + r.origin() + "; use a new name for the new object");
                }
            }
        }
    }

    private record ColumnSeen(ColumnSpec spec, Origin origin) {
    }

    private record ColumnKey(QualifiedName table, String column) {
    }

    private void table(TableDecl t, Map<QualifiedName, TableDecl> tables, Map<ColumnKey, ColumnSeen> columns) {
        qualified(t.origin(), "table", t.name());
        TableDecl earlier = tables.putIfAbsent(t.name(), t);
        if (earlier != null) {
            problem(t.origin(), "table " + t.name() + " is declared twice (first in " + earlier.origin()
                    + "); declare later changes with ensureColumn / ensureIndex");
            return;
        }
        if (t.form().ofType() != null && (!t.form().inherits().isEmpty() || t.partitionBy() != null))
            problem(t.origin(), "table " + t.name() + " is OF " + t.form().ofType() + ": a typed table cannot also inherit or be partitioned");
        if (!t.form().inherits().isEmpty() && t.partitionBy() != null)
            problem(t.origin(), "table " + t.name() + " is partitioned: PostgreSQL cannot create a partitioned table as an INHERITS child");
        if (t.form().inherits().contains(t.name())) problem(t.origin(), "table " + t.name() + " inherits from itself");
        // A table without columns is legal in PostgreSQL (CREATE TABLE t ()), and real schemas have them.
        for (ColumnSpec c : t.columns()) column(t.origin(), t.name(), c, columns);
        Set<String> constraintNames = new TreeSet<>();
        if (t.primaryKeyName() != null) {
            if (t.primaryKeyName().isBlank()) {
                problem(t.origin(), "primary key of table " + t.name() + " has a blank name");
            } else if (QualifiedName.utf8Length(t.primaryKeyName()) > QualifiedName.MAX_IDENTIFIER_BYTES) {
                problem(t.origin(), "primary key name \"" + t.primaryKeyName() + "\" is over 63 bytes: give it a shorter one");
            }
            constraintNames.add(t.primaryKeyName());
        }
        for (ConstraintSpec c : t.constraints()) {
            String what = c.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " constraint";
            if (c.name() == null || c.name().isBlank()) {
                problem(t.origin(), what + " of table " + t.name() + " has a blank name");
            } else if (QualifiedName.utf8Length(c.name()) > QualifiedName.MAX_IDENTIFIER_BYTES) {
                problem(t.origin(), what + " name \"" + c.name() + "\" is over 63 bytes: give it a shorter one with .named(...)");
            } else if (!constraintNames.add(c.name())) {
                problem(t.origin(), "constraint " + c.name() + " is declared twice on table " + t.name());
            }
            for (String col : c.columns()) {
                if (!t.form().columnsElsewhere() && t.columns().stream().noneMatch(x -> x.name().equals(col)))
                    problem(t.origin(), what + " " + c.name() + " names column \"" + col + "\", which table " + t.name()
                            + " does not declare");
            }
            if (c.kind() == schemasync.catalog.Constraint.Kind.CHECK && (c.checkSql() == null || c.checkSql().isBlank()))
                problem(t.origin(), "check constraint " + c.name() + " has no expression");
            fragment(t.origin(), () -> "check constraint " + c.name() + " of table " + t.name(), c.checkSql());
            if (c.kind() == schemasync.catalog.Constraint.Kind.EXCLUSION && (c.checkSql() == null || !c.checkSql().matches("(?is)USING\\s.+")))
                problem(t.origin(), "exclusion constraint " + c.name() + " needs a clause like \"USING gist (room WITH =, during WITH &&)\"");
            if (c.kind() == schemasync.catalog.Constraint.Kind.FOREIGN_KEY && c.foreignKey().references() == null)
                problem(t.origin(), "foreign key " + c.name() + " of table " + t.name() + " has no .references(...)");
            if (c.kind() == schemasync.catalog.Constraint.Kind.FOREIGN_KEY && !c.foreignKey().referencedColumns().isEmpty()
                    && c.foreignKey().referencedColumns().size() != c.columns().size())
                problem(t.origin(), "foreign key " + c.name() + " has " + c.columns().size() + " columns but references "
                        + c.foreignKey().referencedColumns().size());
        }
        for (String pk : t.primaryKey()) {
            if (!t.form().columnsElsewhere() && t.columns().stream().noneMatch(c -> c.name().equals(pk)))
                problem(t.origin(), "primary key of table " + t.name() + " names column \"" + pk
                        + "\", which the table does not declare");
        }
    }

    private void column(Origin origin, QualifiedName table, ColumnSpec c, Map<ColumnKey, ColumnSeen> columns) {
        name(origin, () -> "column of " + table, c.name());
        if (c.type() == null || c.type().isBlank()) problem(origin, "column " + table + "." + c.name() + " has no type");
        fragment(origin, () -> "the type of column " + table + "." + c.name(), c.type());
        fragment(origin, () -> "the default of column " + table + "." + c.name(), c.defaultSql());
        if (c.notNullName() != null) notNullName(origin, table + "." + c.name(), c.notNullName());
        if (!c.identityOptions().isEmpty()) {
            for (String p : c.identityOptions().problems(c.type())) problem(origin, "column " + table + "." + c.name() + " identity: " + p);
        }
        ColumnSeen earlier = columns.putIfAbsent(new ColumnKey(table, c.name()), new ColumnSeen(c, origin));
        if (earlier == null) return;
        String where = "column " + table + "." + c.name();
        if (earlier.spec().equals(c)) {
            problem(origin, where + " is declared twice (also in " + earlier.origin() + ")");
        } else {
            problem(origin, where + " is declared as " + c.describe() + " but " + earlier.origin()
                    + " declares it as " + earlier.spec().describe());
        }
    }

    private void index(IndexDecl i, Map<QualifiedName, IndexDecl> indexes) {
        if (i.table() == null) {
            problem(i.origin(), "index " + i.name() + " has no table: add .on(\"table\")");
            return;
        }
        qualified(i.origin(), "table", i.table());
        qualified(i.origin(), "index", i.name());
        if (!i.name().schema().equals(i.table().schema()))
            problem(i.origin(), "index " + i.name() + " must be in the schema of its table " + i.table());
        if (i.keys().isEmpty())
            problem(i.origin(), "index " + i.name() + " has no keys: add .columns(...) or .expression(...)");
        IndexDecl earlier = indexes.putIfAbsent(i.name(), i);
        if (earlier != null)
            problem(i.origin(), "index " + i.name() + " is declared twice (first in " + earlier.origin() + ")");
        if (i.where() != null && i.where().isBlank())
            problem(i.origin(), "index " + i.name() + " has a blank where()");
        fragment(i.origin(), () -> "the where() of index " + i.name(), i.where());
        for (KeyPart k : i.keys()) {
            if (k instanceof KeyPart.ExpressionKey e) fragment(i.origin(), () -> "an expression of index " + i.name(), e.sql());
            else if (k instanceof KeyPart.RawKey r) fragment(i.origin(), () -> "a key of index " + i.name(), r.sql());
        }
    }

    /** An SQL expression or type spliced into DDL: exactly one, never a way to run other statements. */
    void fragment(Origin origin, java.util.function.Supplier<String> what, String sql) {
        String why = SqlFragment.problem(sql);
        if (why != null) problem(origin, what.get() + " " + why + ": " + sql.replaceAll("\\s+", " "));
    }

    void qualified(Origin origin, String kind, QualifiedName name) {
        name(origin, () -> "schema of " + kind + " " + name, name.schema());
        name(origin, kind, name.name());
    }

    /** The one check of a NOT NULL constraint's name, wherever a block names one (a table's, a column's, a partition's, a change's). */
    void notNullName(Origin origin, String column, String name) {
        name(origin, () -> "NOT NULL constraint of " + column + ":", name);
    }

    void name(Origin origin, String kind, String name) {
        name(origin, () -> kind, name);
    }

    /** {@code kind} is built only for a name with a problem: this runs for every declared object. */
    private void name(Origin origin, java.util.function.Supplier<String> kind, String name) {
        String why = nameProblem(name);
        if (why != null) problem(origin, kind.get() + why);
    }

    /** What is wrong with a name, said after "<kind> name"; null when nothing is. */
    private static String nameProblem(String name) {
        if (name == null || name.isBlank()) return " name is blank";
        // A char is at most 3 UTF-8 bytes: shorter names need no byte count.
        if (name.length() * 3 > QualifiedName.MAX_IDENTIFIER_BYTES
                && QualifiedName.utf8Length(name) > QualifiedName.MAX_IDENTIFIER_BYTES) {
            return " name \"" + name + "\" is " + QualifiedName.utf8Length(name) + " bytes; PostgreSQL keeps only "
                    + QualifiedName.MAX_IDENTIFIER_BYTES + " and would silently truncate it";
        }
        for (int i = 0; i < name.length(); i++) {
            // PostgreSQL cannot even receive a NUL in a statement; newlines and other control characters
            // are legal in quoted identifiers but only ever come from a mistake, and break every listing.
            if (Character.isISOControl(name.charAt(i))) return " name " + printable(name) + " contains a control character";
        }
        return null;
    }

    private static String printable(String name) {
        StringBuilder b = new StringBuilder("\"");
        name.chars().forEach(c -> b.append(Character.isISOControl(c) ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return b.append('"').toString();
    }

    void problem(Origin origin, String text) {
        problems.add((origin == null ? "" : origin.blockId() + ": ") + text);
    }
}
