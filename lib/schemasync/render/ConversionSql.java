package schemasync.render;

import static schemasync.render.SqlRenderer.CTX;
import static schemasync.render.SqlRenderer.name;

import org.jooq.impl.DSL;
import schemasync.catalog.Conversion;

/** CREATE [DEFAULT] CONVERSION: the encodings as string literals (PostgreSQL's grammar), the function always qualified. */
final class ConversionSql {
    private ConversionSql() {
    }

    static String create(Conversion c) {
        return CTX.render(DSL.query("CREATE " + (c.isDefault() ? "DEFAULT " : "") + "CONVERSION {0} FOR {1} TO {2} FROM {3}",
                name(c.name()), DSL.inline(c.source()), DSL.inline(c.destination()), name(c.function())));
    }
}
