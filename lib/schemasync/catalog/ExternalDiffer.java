package schemasync.catalog;

import java.util.List;
import schemasync.catalog.Differ.Fields;
import schemasync.catalog.ExternalObjects.EventTrigger;
import schemasync.catalog.ExternalObjects.ForeignServer;
import schemasync.catalog.ExternalObjects.ForeignTable;
import schemasync.catalog.ExternalObjects.Publication;
import schemasync.catalog.ExternalObjects.UserMapping;
import schemasync.model.Difference;

/**
 * One comparison per kind of {@link ExternalObjects}, {@code diff(want, have)} as in {@link Differ}: used by the
 * planner's ExternalPlanner and by verify's CatalogDiff alike. A user mapping's password is never compared (it
 * is never read): only whether one is set.
 */
public final class ExternalDiffer {
    private ExternalDiffer() {
    }

    public static List<Difference> server(ForeignServer want, ForeignServer have) {
        return new Fields().add("wrapper", want.wrapper(), have.wrapper()).add("type", want.type(), have.type())
                .add("version", want.version(), have.version()).add("options", want.options(), have.options()).list();
    }

    public static List<Difference> userMapping(UserMapping want, UserMapping have) {
        return new Fields().add("options", want.options(), have.options())
                .add("password set", want.hasPassword(), have.hasPassword()).list();
    }

    /** The server, then each column's type, NOT NULL, default and options, and the table's options. */
    public static List<Difference> foreignTable(ForeignTable want, ForeignTable have) {
        return new Fields().add("server", want.server(), have.server()).add("columns", want.columns(), have.columns())
                .add("options", want.options(), have.options()).list();
    }

    public static List<Difference> publication(Publication want, Publication have) {
        return new Fields().add("all tables", want.allTables(), have.allTables()).add("tables", want.tables(), have.tables())
                .add("schemas", want.schemas(), have.schemas()).add("publish", want.publish(), have.publish())
                .add("publish_via_partition_root", want.viaRoot(), have.viaRoot()).list();
    }

    public static List<Difference> eventTrigger(EventTrigger want, EventTrigger have) {
        return new Fields().add("event", want.event(), have.event()).add("tags", want.tags(), have.tags())
                .add("function", want.function(), have.function()).add("enabled", want.enabled(), have.enabled()).list();
    }
}
