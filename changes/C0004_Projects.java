package changes;

import static org.jooq.impl.SQLDataType.BIGINT;
import static org.jooq.impl.SQLDataType.BOOLEAN;
import static org.jooq.impl.SQLDataType.JSONB;
import static org.jooq.impl.SQLDataType.NUMERIC;
import static org.jooq.impl.SQLDataType.UUID;
import static schemasync.dsl.ColumnType.TEXT;
import static schemasync.dsl.Default.dflt;

import schemasync.dsl.ChangeBlock;
import schemasync.dsl.SampleBlock;
import schemasync.dsl.IndexMethod;
import schemasync.dsl.SchemaChanges;

@SampleBlock
final class C0004_Projects implements ChangeBlock {
    public String description() {
        return "Projects of an organization, with free-form settings and tags";
    }

    public void declare(SchemaChanges db) {
        db.ensureTable("projects", t -> t
                .column("id", UUID.notNull(), dflt("gen_random_uuid()"))
                .column("organization_id", BIGINT.notNull())
                .column("name", TEXT.notNull())
                .column("settings", JSONB.notNull(), dflt("'{}'"))
                .column("tags", TEXT.array().notNull(), dflt("'{}'"))
                .column("budget", NUMERIC(12, 2))
                .column("archived", BOOLEAN.notNull(), dflt("false"))
                .primaryKey("id")
                .check("projects_budget_not_negative", "budget >= 0")
                .foreignKey("organization_id").references("organizations").onDeleteCascade());
        db.ensureIndex("projects_organization_idx").on("projects").columns("organization_id")
                .where("NOT archived");
        db.ensureIndex("projects_tags_idx").on("projects").using(IndexMethod.GIN).columns("tags");
    }
}
