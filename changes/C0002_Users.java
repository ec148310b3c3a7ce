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
final class C0002_Users implements ChangeBlock {
    public String description() {
        return "Users sign in with an email address, unique while the account is not deleted";
    }

    public void declare(SchemaChanges db) {
        db.ensureTable("users", t -> t
                .column("id", ColumnType.of(BIGINT).identityByDefault())
                .column("email", VARCHAR(320).notNull())
                .column("display_name", TEXT)
                .column("status", VARCHAR(16).notNull(), dflt("'active'"))
                .column("created_at", TIMESTAMPWITHTIMEZONE.notNull(), dflt("now()"))
                .column("deleted_at", TIMESTAMPWITHTIMEZONE)
                .primaryKey("id"));
        // Case-insensitive uniqueness, ignoring soft-deleted accounts: an expression + partial index.
        db.ensureIndex("users_email_lower_key").on("users").unique()
                .expression("lower(email)")
                .where("deleted_at IS NULL");
    }
}
