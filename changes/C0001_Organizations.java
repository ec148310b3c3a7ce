package changes;

import static org.jooq.impl.SQLDataType.BIGINT;
import static org.jooq.impl.SQLDataType.TIMESTAMPWITHTIMEZONE;
import static org.jooq.impl.SQLDataType.VARCHAR;
import static schemasync.dsl.ColumnType.TEXT;
import static schemasync.dsl.Default.dflt;

import schemasync.dsl.ChangeBlock;
import schemasync.dsl.ColumnType;
import schemasync.dsl.SampleBlock;
import schemasync.dsl.SchemaChanges;

@SampleBlock
final class C0001_Organizations implements ChangeBlock {
    public String description() {
        return "Organizations own everything else";
    }

    public void declare(SchemaChanges db) {
        db.ensureTable("organizations", t -> t
                .column("id", ColumnType.of(BIGINT).identityByDefault())
                .column("name", TEXT.notNull())
                .column("slug", VARCHAR(63).notNull())
                .column("created_at", TIMESTAMPWITHTIMEZONE.notNull(), dflt("now()"))
                .primaryKey("id")
                .check("organizations_slug_format", "slug ~ '^[a-z0-9-]+$'")
                .comment("A customer account; everything else belongs to one"));
        db.ensureIndex("organizations_slug_key").on("organizations").unique().columns("slug");
    }
}
