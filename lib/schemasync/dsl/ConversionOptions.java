package schemasync.dsl;

/**
 * What {@code ensureConversion} declares: {@code c -> c.encodings("LATIN1", "UTF8").function("iso8859_1_to_utf8")},
 * with {@code .asDefault()} for CREATE DEFAULT CONVERSION. An encoding is named as PostgreSQL accepts it (its name or an
 * alias: {@code 'iso-8859-1'} is LATIN1); the function is pg_catalog's unless qualified ({@code "shop.my_conversion"}).
 */
public record ConversionOptions(String source, String destination, String function, boolean isDefault) {
    static final ConversionOptions NONE = new ConversionOptions(null, null, null, false);

    /** {@code FOR 'source' TO 'destination'}. */
    public ConversionOptions encodings(String sourceEncoding, String destinationEncoding) {
        return new ConversionOptions(sourceEncoding, destinationEncoding, function, isDefault);
    }

    /** {@code FROM function}: a conversion function, {@code (integer, integer, cstring, internal, integer[, boolean])}. */
    public ConversionOptions function(String functionName) {
        return new ConversionOptions(source, destination, functionName, isDefault);
    }

    /** {@code CREATE DEFAULT CONVERSION}: the one its schema offers for the encoding pair (at most one per schema and pair). */
    public ConversionOptions asDefault() {
        return new ConversionOptions(source, destination, function, true);
    }
}
