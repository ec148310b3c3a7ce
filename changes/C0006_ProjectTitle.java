package changes;

import schemasync.dsl.ChangeBlock;
import schemasync.dsl.SampleBlock;
import schemasync.dsl.SchemaChanges;

@SampleBlock
final class C0006_ProjectTitle implements ChangeBlock {
    public String description() {
        return "Projects have a title, not a name (the UI says so); renamed in place, data kept";
    }

    public void declare(SchemaChanges db) {
        // Runs once: while "name" exists and "title" does not. C0004 keeps saying "name", which is how
        // the table was created; on databases where this already ran it is checked against "title".
        db.ensureColumnRenamed("projects", "name", "title");
    }
}
