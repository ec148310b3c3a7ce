package schemasync.dsl;

import java.util.List;
import schemasync.catalog.QualifiedName;

/**
 * What the change blocks declare, as immutable records. Each remembers the block it came from, so
 * every error and every plan line can name it.
 */
public sealed interface Declaration {

    Origin origin();

    /** {@code ensureSchema("audit")}. */
    record SchemaDecl(String name, Origin origin) implements Declaration {
    }

    /** {@code ensureTable(...)}: the table with exactly these columns (others are reported, not dropped). */
    record TableDecl(QualifiedName name, List<ColumnSpec> columns, List<String> primaryKey, String comment,
                     Origin origin) implements Declaration {
        public TableDecl {
            columns = List.copyOf(columns);
            primaryKey = List.copyOf(primaryKey);
        }
    }

    /** {@code ensureColumn(table, ...)}: one column on a table that exists or an earlier block creates. */
    record ColumnDecl(QualifiedName table, ColumnSpec column, Origin origin) implements Declaration {
    }

    /** {@code ensureIndex(name).on(table)...}. */
    record IndexDecl(QualifiedName name, QualifiedName table, boolean unique, IndexMethod method,
                     List<KeyPart> keys, List<String> include, String where, Origin origin)
            implements Declaration {
        public IndexDecl {
            keys = List.copyOf(keys);
            include = List.copyOf(include);
        }
    }

    /** {@code ignore("tmp_*", "public.spatial_ref_sys")}: undeclared objects to leave unmentioned. */
    record IgnoreDecl(List<String> patterns, Origin origin) implements Declaration {
        public IgnoreDecl {
            patterns = List.copyOf(patterns);
        }
    }
}
