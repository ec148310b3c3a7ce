package changes;

import static org.jooq.impl.SQLDataType.BIGINT;
import static org.jooq.impl.SQLDataType.TIMESTAMPWITHTIMEZONE;
import static schemasync.dsl.ColumnType.type;
import static schemasync.dsl.Default.dflt;

import schemasync.dsl.ChangeBlock;
import schemasync.dsl.SampleBlock;
import schemasync.dsl.SchemaChanges;

@SampleBlock
final class C0003_Memberships implements ChangeBlock {
    public String description() {
        return "Users belong to organizations with a role";
    }

    public void declare(SchemaChanges db) {
        db.ensureEnum("membership_role", "owner", "admin", "member");
        db.ensureTable("memberships", t -> t
                .column("organization_id", BIGINT.notNull())
                .column("user_id", BIGINT.notNull())
                .column("role", type("membership_role").notNull(), dflt("'member'"))
                .column("created_at", TIMESTAMPWITHTIMEZONE.notNull(), dflt("now()"))
                .primaryKey("organization_id", "user_id")
                .foreignKey("organization_id").references("organizations").onDeleteCascade()
                .foreignKey("user_id").references("users").onDeleteCascade());
        db.ensureIndex("memberships_user_idx").on("memberships").columns("user_id").include("role");
    }
}
