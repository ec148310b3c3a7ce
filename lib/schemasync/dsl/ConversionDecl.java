package schemasync.dsl;

import schemasync.catalog.Conversion;
import schemasync.catalog.QualifiedName;

/** {@code ensureConversion("shop.latin1_to_utf8", c -> c.encodings("LATIN1", "UTF8").function("iso8859_1_to_utf8"))}. */
public record ConversionDecl(QualifiedName name, ConversionOptions options, Origin origin) implements Declaration.Kind {

    /**
     * The conversion as pg_conversion will hold it: the encodings by PostgreSQL's names for them, the function qualified
     * (pg_catalog's when named bare: CREATE is rendered with the qualified name, so the apply resolves what was compared).
     */
    public Conversion conversion() {
        return new Conversion(name, Conversion.encoding(options.source()), Conversion.encoding(options.destination()),
                TextSearchDecl.qualifiedOrCatalog(options.function()), options.isDefault());
    }
}
