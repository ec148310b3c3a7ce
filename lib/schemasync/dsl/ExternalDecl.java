package schemasync.dsl;

/** The declarations of {@link ExternalDeclarations}'s verbs, as catalog values. */
public final class ExternalDecl {
    private ExternalDecl() {
    }

    // Foreign servers, user mappings, foreign tables, publications, event triggers (ExternalDeclarations): catalog
    // values; a user mapping's passwordVariable names the environment variable its password is read from (or null).
    public record ForeignServerDecl(schemasync.catalog.ExternalObjects.ForeignServer server, Origin origin) implements Declaration.External { }

    public record UserMappingDecl(schemasync.catalog.ExternalObjects.UserMapping mapping, String passwordVariable, Origin origin)
            implements Declaration.External { }

    public record ForeignTableDecl(schemasync.catalog.ExternalObjects.ForeignTable table, Origin origin) implements Declaration.External { }

    public record PublicationDecl(schemasync.catalog.ExternalObjects.Publication publication, Origin origin) implements Declaration.External { }

    public record EventTriggerDecl(schemasync.catalog.ExternalObjects.EventTrigger trigger, Origin origin) implements Declaration.External { }
}
