package changes;

import static org.jooq.impl.SQLDataType.TIMESTAMPWITHTIMEZONE;
import static schemasync.dsl.Default.dflt;

import schemasync.dsl.ChangeBlock;
import schemasync.dsl.SampleBlock;
import schemasync.dsl.SchemaChanges;
import schemasync.dsl.TriggerEvent;

@SampleBlock
final class C0008_ProjectsUpdatedAt implements ChangeBlock {
    public String description() {
        return "Projects remember when they last changed, kept by a trigger so no code path can forget";
    }

    public void declare(SchemaChanges db) {
        // now() is stable, so adding this column to a table with rows does not rewrite it.
        db.ensureColumn("projects", "updated_at", TIMESTAMPWITHTIMEZONE.notNull(), dflt("now()"));
        db.ensureFunction("set_updated_at()", """
                RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    NEW.updated_at := now();
                    RETURN NEW;
                END
                $$""");
        db.ensureTrigger("projects_set_updated_at").on("projects")
                .before(TriggerEvent.UPDATE).forEachRow()
                .when("OLD.* IS DISTINCT FROM NEW.*")
                .executes("set_updated_at()");
    }
}
