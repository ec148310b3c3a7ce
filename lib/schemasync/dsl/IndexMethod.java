package schemasync.dsl;

import java.util.Locale;

/** PostgreSQL's built-in index access methods ({@code pg_am.amname}). */
public enum IndexMethod {
    BTREE, HASH, GIN, GIST, BRIN, SPGIST;

    public String amname() {
        return name().toLowerCase(Locale.ROOT);
    }
}
