package changes;

import static org.jooq.impl.SQLDataType.TIMESTAMPWITHTIMEZONE;

import schemasync.dsl.ChangeBlock;
import schemasync.dsl.SampleBlock;
import schemasync.dsl.SchemaChanges;

@SampleBlock
final class C0005_UserLastLogin implements ChangeBlock {
    public String description() {
        return "Remember when each user last signed in, to find dormant accounts";
    }

    public void declare(SchemaChanges db) {
        db.ensureColumn("users", "last_login_at", TIMESTAMPWITHTIMEZONE);
        db.ensureIndex("users_last_login_idx").on("users").key("last_login_at DESC NULLS LAST");
    }
}
