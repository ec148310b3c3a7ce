package schemasync.catalog;

import java.util.List;
import java.util.Objects;
import schemasync.model.Difference;

/**
 * What a security label (pg_seclabel) is attached to, for one provider: the object as pg_seclabels names it, its
 * {@code objtype} ({@code table}, {@code column}, {@code schema}, ...) and {@code objname} (the identity PostgreSQL prints,
 * each part quoted where it needs quotes: {@code shop.orders.note}, {@code "My Schema"}). PostgreSQL keeps one label per
 * object and provider, so this is the key of {@link Catalog#securityLabels()}, whose value is the label.
 */
public record SecurityLabelTarget(String provider, String objectType, String object) {
    public SecurityLabelTarget {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(objectType, "objectType");
        Objects.requireNonNull(object, "object");
    }

    /**
     * The schema the labelled object lives in, read from its identity as pg_seclabels prints it: a schema's label is
     * that schema's, a publication's or event trigger's the database's (null), any other the schema qualifying it.
     */
    public String schema() {
        if (objectType.equals("publication") || objectType.equals("event trigger")) return null;
        List<String> parts = schemasync.model.Identifiers.splitQualified(object); // quotes undone
        return objectType.equals("schema") || parts.size() > 1 ? parts.get(0) : null;
    }

    /** The two labels of one target: the label text is the one field. */
    public static List<Difference> diff(String want, String have) {
        return Objects.equals(want, have) ? List.of() : List.of(new Difference("label", want, have));
    }

    @Override
    public String toString() {
        return objectType + " " + object + " (provider " + provider + ")";
    }
}
