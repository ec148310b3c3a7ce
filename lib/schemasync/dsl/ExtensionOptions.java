package schemasync.dsl;

/**
 * Where and which version of an extension: {@code ensureExtension("pgcrypto", x -> x.inSchema("extensions")
 * .version("1.3"))}. Unset: PostgreSQL's choice of schema, any version.
 */
public record ExtensionOptions(String schema, String version) {
    static final ExtensionOptions NONE = new ExtensionOptions(null, null);

    /** CREATE EXTENSION ... SCHEMA {@code schemaName}. */
    public ExtensionOptions inSchema(String schemaName) {
        return new ExtensionOptions(schemaName, version);
    }

    /** CREATE EXTENSION ... VERSION {@code extensionVersion}; another installed version is reported. */
    public ExtensionOptions version(String extensionVersion) {
        return new ExtensionOptions(schema, extensionVersion);
    }
}
