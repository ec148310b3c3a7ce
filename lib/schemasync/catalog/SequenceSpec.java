package schemasync.catalog;

/** A sequence as declared (the payload of CREATE SEQUENCE): {@code dataType} null for bigint, the options declared. */
public record SequenceSpec(QualifiedName name, String dataType, SequenceOptions options) {
}
