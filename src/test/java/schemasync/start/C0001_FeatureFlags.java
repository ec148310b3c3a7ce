package schemasync.start;

import static org.jooq.impl.SQLDataType.BOOLEAN;
import static org.jooq.impl.SQLDataType.TIMESTAMPWITHTIMEZONE;
import static org.jooq.impl.SQLDataType.VARCHAR;
import static schemasync.dsl.Default.dflt;

import schemasync.dsl.ChangeBlock;
import schemasync.dsl.SchemaChanges;

/** The first block of README's "Use it on your database", as a user writes it (README shows the same body). */
final class C0001_FeatureFlags implements ChangeBlock {
    public String description() {
        return "Feature flags, switched without a deploy";
    }

    public void declare(SchemaChanges db) {
        db.ensureTable("feature_flags", t -> t
                .column("name", VARCHAR(100).notNull())
                .column("enabled", BOOLEAN.notNull(), dflt("false"))
                .column("updated_at", TIMESTAMPWITHTIMEZONE.notNull(), dflt("now()"))
                .primaryKey("name"));
    }
}
