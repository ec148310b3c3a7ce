package schemasync.dsl;

import schemasync.model.ObjectKind;
import schemasync.catalog.KeyPart;
import schemasync.catalog.ConstraintSpec;
import schemasync.catalog.ColumnSpec;

import java.util.List;
import schemasync.catalog.QualifiedName;

/**
 * What the change blocks declare, as immutable records. Each remembers the block it came from, so
 * every error and every plan line can name it.
 */
public sealed interface Declaration {
    Origin origin();

    /** A kind declared in a file of its own ({@link KindDecl}: collations, range types), named by a qualified name. */
    non-sealed interface Kind extends Declaration {
        QualifiedName name();
    }

    /** Foreign servers, user mappings, foreign tables, publications and event triggers ({@link ExternalDecl}). */
    non-sealed interface External extends Declaration { }

    /** Enum, domain and composite types and sequences ({@link TypeDecl}). */
    sealed interface Type extends Declaration
            permits TypeDecl.EnumDecl, TypeDecl.DomainDecl, TypeDecl.CompositeTypeDecl, TypeDecl.SequenceDecl { }

    /** Row-level security, policies, grants and default privileges ({@link AccessDecl}). */
    sealed interface Access extends Declaration
            permits AccessDecl.RowSecurityDecl, AccessDecl.PolicyDecl, AccessDecl.GrantDecl, AccessDecl.DefaultPrivilegesDecl { }

    /** {@code ensureSchema("audit")}. */
    record SchemaDecl(String name, Origin origin) implements Declaration { }

    /**
     * {@code ensureTable(...)}: the table with exactly these columns (others are reported, not dropped).
     * {@code partitionBy} is the partition key as written after PARTITION BY ({@code RANGE (payment_date)}),
     * or null for an ordinary table.
     */
    /** {@code primaryKeyName}: null for PostgreSQL's default {@code <table>_pkey}. */
    record TableDecl(QualifiedName name, List<ColumnSpec> columns, List<String> primaryKey, String primaryKeyName,
                     List<ConstraintSpec> constraints, String comment, String partitionBy,
                     schemasync.catalog.KeyOptions primaryKeyOptions, Origin origin,
                     schemasync.catalog.TableForm form) implements Declaration {
        public TableDecl {
            columns = List.copyOf(columns);
            primaryKey = List.copyOf(primaryKey);
            constraints = List.copyOf(constraints);
            if (primaryKeyOptions == null) primaryKeyOptions = schemasync.catalog.KeyOptions.NONE;
            if (form == null) form = schemasync.catalog.TableForm.NONE;
        }

        /** A primary key (if any) without INCLUDE or DEFERRABLE, of a logged table of its own. */
        public TableDecl(QualifiedName name, List<ColumnSpec> columns, List<String> primaryKey, String primaryKeyName,
                         List<ConstraintSpec> constraints, String comment, String partitionBy, Origin origin) {
            this(name, columns, primaryKey, primaryKeyName, constraints, comment, partitionBy, null, origin, null);
        }

        /** What CREATE TABLE needs: the declaration without its comment and origin. */
        public schemasync.catalog.TableSpec spec() {
            return new schemasync.catalog.TableSpec(name, columns, primaryKey, primaryKeyName, constraints, partitionBy,
                    primaryKeyOptions, form);
        }
    }

    /**
     * {@code ensurePartition("payment_2024_01", "payment", "FOR VALUES FROM ('2024-01-01') TO ('2024-02-01')")}:
     * a partition of a partitioned table, with its bound as written after PARTITION OF parent
     * ({@code FOR VALUES ...} or {@code DEFAULT}); {@code partitionBy} when it is itself partitioned, else null;
     * {@code constraints}: those of this partition alone (the parent's are cloned onto it by PostgreSQL).
     */
    /** {@code ensureConstraints(table, t -> ...)}: constraints a later block adds to an existing or earlier-declared table. */
    record ConstraintsDecl(QualifiedName table, List<ConstraintSpec> constraints, Origin origin) implements Declaration {
        public ConstraintsDecl {
            constraints = List.copyOf(constraints);
        }
    }

    record PartitionDecl(QualifiedName name, QualifiedName parent, String bound, String partitionBy,
                         List<ConstraintSpec> constraints, Origin origin, List<String> primaryKey, String primaryKeyName)
            implements Declaration {
        public PartitionDecl {
            constraints = List.copyOf(constraints);
            primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
        }

        /** Without a primary key of its own (the usual partition: its parent's key reaches it). */
        public PartitionDecl(QualifiedName name, QualifiedName parent, String bound, String partitionBy,
                             List<ConstraintSpec> constraints, Origin origin) {
            this(name, parent, bound, partitionBy, constraints, origin, List.of(), null);
        }
    }

    /**
     * {@code ensureMaterializedView("rental_totals", "SELECT ...")}: compared on pg_get_viewdef; created
     * WITH DATA (the query runs in the apply) or WITH NO DATA (empty until the application refreshes it).
     */
    record MaterializedViewDecl(QualifiedName name, String sql, boolean withData, Origin origin) implements Declaration {
    }

    /** {@code ensureColumn(table, ...)}: one column on a table that exists or an earlier block creates. */
    record ColumnDecl(QualifiedName table, ColumnSpec column, Origin origin) implements Declaration {
    }

    /**
     * {@code ensureIndex(name).on(table)...}. {@code rebuildWhenChanged}: an existing index with
     * another definition is rebuilt online ({@code .rebuildWhenChanged()}); otherwise it is reported.
     */
    record IndexDecl(QualifiedName name, QualifiedName table, boolean unique, IndexMethod method,
                     List<KeyPart> keys, List<String> include, String where, boolean rebuildWhenChanged, boolean nullsNotDistinct,
                     Origin origin) implements Declaration {
        public IndexDecl {
            keys = List.copyOf(keys);
            include = List.copyOf(include);
        }

        public IndexDecl(QualifiedName name, QualifiedName table, boolean unique, IndexMethod method,
                         List<KeyPart> keys, List<String> include, String where, Origin origin) {
            this(name, table, unique, method, keys, include, where, false, false, origin);
        }

        /** The same index under another name, over other key parts, INCLUDE columns and predicate (a rename's reading of it). */
        public IndexDecl over(QualifiedName newName, List<KeyPart> newKeys, List<String> newInclude, String newWhere) {
            return new IndexDecl(newName, table, unique, method, newKeys, newInclude, newWhere, rebuildWhenChanged, nullsNotDistinct, origin);
        }

        /** What CREATE INDEX needs, with the method as pg_am names it. */
        public schemasync.catalog.IndexSpec spec() {
            return new schemasync.catalog.IndexSpec(name, table, unique, method.amname(), keys, include, where, nullsNotDistinct);
        }
    }

    /** {@code ignore("tmp_*", "public.spatial_ref_sys")}: undeclared objects to leave unmentioned. */
    record IgnoreDecl(List<String> patterns, Origin origin) implements Declaration {
        public IgnoreDecl {
            patterns = List.copyOf(patterns);
        }
    }

    /**
     * {@code ensureView("active_users", "SELECT id, email FROM users WHERE deleted_at IS NULL")}:
     * compared on PostgreSQL's normalized definition; replaced with CREATE OR REPLACE VIEW when
     * PostgreSQL accepts that (same leading columns), reported otherwise.
     */
    record ViewDecl(QualifiedName name, String sql, Origin origin) implements Declaration {
    }

    /**
     * {@code ensureFunction("set_updated_at()", "RETURNS trigger LANGUAGE plpgsql AS $$ ... $$")}: the
     * signature (name and argument types) and the rest of CREATE FUNCTION, compared on
     * pg_get_functiondef, created or replaced with CREATE OR REPLACE FUNCTION.
     */
    record FunctionDecl(QualifiedName name, String arguments, String definition, boolean procedure, Origin origin)
            implements Declaration {
        public FunctionDecl(QualifiedName name, String arguments, String definition, Origin origin) {
            this(name, arguments, definition, false, origin);
        }

        public String signature() {
            return name + "(" + arguments + ")";
        }

        /** "function" or "procedure", for messages and plan output. */
        public String word() {
            return procedure ? "procedure" : "function";
        }
    }

    /**
     * {@code ensureAggregate("group_concat(text)", "SFUNC = _group_concat, STYPE = text")}: the
     * signature and the option list of CREATE AGGREGATE, compared on the options as the catalog
     * rebuilds them from pg_aggregate; created when missing, reported when different.
     */
    record AggregateDecl(QualifiedName name, String arguments, String definition, Origin origin) implements Declaration {
        public String signature() {
            return name + "(" + arguments + ")";
        }
    }

    /**
     * {@code ensureTrigger("users_touch").on("users").before("UPDATE").forEachRow().executes("set_updated_at()")}.
     * {@code events} is written as in CREATE TRIGGER ({@code "INSERT OR UPDATE OF email"}).
     */
    record TriggerDecl(String name, QualifiedName table, String timing, String events, boolean forEachRow, String when,
                       String function, ConstraintTrigger constraint, schemasync.catalog.TriggerSpec.Transitions transitions,
                       schemasync.catalog.ExternalObjects.Enabled enabled, Origin origin) implements Declaration {
        /** What CREATE TRIGGER needs. */
        public schemasync.catalog.TriggerSpec spec() {
            return new schemasync.catalog.TriggerSpec(name, table, timing, events, forEachRow, when, function, constraint == null
                    ? null : new schemasync.catalog.TriggerSpec.ConstraintTrigger(constraint.from(), constraint.deferrable(),
                    constraint.initiallyDeferred()), transitions);
        }
    }

    /**
     * What makes a trigger a constraint trigger ({@code CREATE CONSTRAINT TRIGGER}): an AFTER ... FOR EACH ROW
     * trigger whose firing can be deferred to commit. {@code from} is the optional referenced table
     * ({@code FROM other}), null when absent.
     */
    record ConstraintTrigger(String from, boolean deferrable, boolean initiallyDeferred) {
    }

    /** {@code ensureExtension("citext")}, optionally in a schema and at a version. */
    record ExtensionDecl(String name, String schema, String version, Origin origin) implements Declaration {
    }

    /**
     * {@code ensureComment(VIEW, "active_users", "Users not deleted")}: the comment on an object other
     * than a table or column (those are declared with the table). Comments are metadata: set when different.
     */
    record CommentDecl(schemasync.catalog.CommentTarget target, String text, Origin origin) implements Declaration {
    }

    /**
     * {@code db.allowHazard(HazardKind.DELETES_DATA, "the legacy table was archived in ticket 123")}:
     * {@code --apply} accepts this kind of hazard in the steps of this block only.
     */
    record AllowHazardDecl(schemasync.model.HazardKind kind, String reason, Origin origin) implements Declaration {
    }

    /**
     * {@code ensureColumnChanged("users", "email").type("varchar(320)").notNull()}: what an existing
     * column must become. Null fields are not part of the declaration (left as they are);
     * {@code dropDefault} declares "no default".
     */
    /**
     * {@code notNullName}: the NOT NULL's constraint name (PostgreSQL 18, {@code .notNullNamed(name)}); null: PostgreSQL's.
     * {@code onlyThisTable}: the default change is {@code ALTER TABLE ONLY} (a partitioned table's partitions keep theirs).
     */
    record ColumnChangeDecl(QualifiedName table, String column, String type, String using, Boolean notNull,
                            String defaultSql, boolean dropDefault, Origin origin, String notNullName, boolean onlyThisTable)
            implements Declaration {
    }

    /**
     * {@code ensureTableRenamed("old", "new")} and friends: old exists and new does not → rename; new
     * exists → skip; both exist → a conflict that stops the apply. {@code table} is the table (for a
     * column) or the object itself (its schema qualifies the new name).
     */
    record RenameDecl(ObjectKind kind, QualifiedName table, String from, String to, Origin origin) implements Declaration {
        public QualifiedName fromName() {
            return kind == ObjectKind.COLUMN ? table : table.sibling(from);
        }
    }

    /**
     * {@code ensureNoTable("old")} and friends: present → drop (DELETES_DATA for tables and columns);
     * absent → skip. {@code object} is the table for a column, constraint or trigger, whose name is
     * then {@code column}; for a function {@code column} holds its argument types.
     */
    record RemovalDecl(ObjectKind kind, QualifiedName object, String column, Origin origin) implements Declaration {
    }

    /**
     * A guarded custom step: SQL the vocabulary cannot express, or a data backfill. {@code guardSql}
     * is a query returning one boolean: true while the step is still needed. Applied in the same
     * transaction; after the apply the guard must answer false, or the run has not converged.
     * {@code definesObjects}: it creates objects later declarations use (a domain as a column type,
     * a sequence in a default), so the comparison runs it first, in its always rolled-back transaction.
     */
    record CustomStepDecl(String id, String guardSql, String sql, boolean definesObjects, Origin origin) implements Declaration {
        public CustomStepDecl(String id, String guardSql, String sql, Origin origin) {
            this(id, guardSql, sql, false, origin);
        }
    }

    /**
     * What {@code ensureTable} says beside the shape, declared with every table: its storage parameters
     * ({@code .with("fillfactor", "70")}, {@code toast.}-prefixed for its TOAST table) as {@code name=value},
     * whether it is UNLOGGED, and its columns' options ({@code .statistics(1000)}, {@code .storage("EXTERNAL")},
     * {@code .compression("lz4")}, {@code .columnOption("n_distinct", "-1")}), and {@code clusterOn}: the index of one of its
     * own constraints (primary key, unique, exclusion) it is marked CLUSTER ON, or null ({@code .clusterOn("users_pkey")};
     * a plain index says {@code .clustered()} itself). Those a table has and this does not name are reset.
     */
    record TableOptionsDecl(QualifiedName table, List<String> storage, boolean unlogged,
                            java.util.Map<String, schemasync.catalog.ColumnOptions> columns, String clusterOn, Origin origin)
            implements Declaration {
        public TableOptionsDecl {
            storage = List.copyOf(storage);
            columns = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(columns));
        }
    }

    /**
     * What {@code ensureIndex} says beside the definition, declared with every index: storage parameters
     * ({@code .with("fillfactor", "70")}) as {@code name=value}, and whether the table is marked CLUSTER ON it
     * ({@code .clustered()}).
     */
    record IndexOptionsDecl(QualifiedName index, QualifiedName table, List<String> storage, boolean clustered, Origin origin)
            implements Declaration {
        public IndexOptionsDecl {
            storage = List.copyOf(storage);
        }
    }
}
