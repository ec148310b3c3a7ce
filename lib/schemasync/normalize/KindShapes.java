package schemasync.normalize;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import schemasync.catalog.Catalog;
import schemasync.catalog.CatalogReader;
import schemasync.catalog.Collation;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.RangeType;
import schemasync.dsl.Declaration;
import schemasync.dsl.DeclaredSchema;
import schemasync.dsl.KindDecl;
import schemasync.step.Step;
import schemasync.render.SqlRenderer;

/**
 * Declared collations and range types as PostgreSQL stores them: each is created as a temporary twin
 * ({@code pg_temp.schema_sync_kind_N}, from the very SQL the apply would run) in a transaction that is always
 * rolled back, and read back with the catalog reader's own queries. So an ICU locale is compared as
 * PostgreSQL 16+ re-spells it ({@code de_DE} → {@code de-DE}), {@code float8} as {@code double precision}, a
 * function as regproc prints it, and an unnamed operator class or multirange as PostgreSQL picks it.
 */
final class KindShapes {
    private KindShapes() {
    }

    /** The statement that creates a declared collation or range type this run will create, for the shadows. */
    static Optional<String> prerequisite(Catalog catalog, Declaration d) {
        if (d instanceof KindDecl.CollationDecl c && !catalog.collations().containsKey(c.name())) {
            return Optional.of(SqlRenderer.render(new Step.CreateCollation(c.collation())));
        }
        if (d instanceof KindDecl.RangeTypeDecl r && !catalog.rangeTypes().containsKey(r.name())) {
            return Optional.of(SqlRenderer.render(new Step.CreateRangeType(r.type())));
        }
        return Optional.empty();
    }

    /** Requires auto-commit off and no open transaction; leaves none open. */
    static DeclaredShapes.Kinds read(Connection connection, DeclaredSchema declared, List<String> prerequisites,
                                     List<String> problems) throws SQLException {
        Map<QualifiedName, Collation> collations = new HashMap<>();
        Map<QualifiedName, RangeType> rangeTypes = new HashMap<>();
        List<Declaration.Kind> kinds = declared.declarations().stream().filter(d -> d instanceof KindDecl.CollationDecl
                        || d instanceof KindDecl.RangeTypeDecl)
                .map(Declaration.Kind.class::cast).toList();
        if (kinds.isEmpty()) return DeclaredShapes.Kinds.none(); // nothing to spell: not even a round trip
        Map<String, Declaration.Kind> twins = new HashMap<>();
        try (Statement st = connection.createStatement()) {
            st.execute("SET TRANSACTION READ WRITE");
            // Schemas, types, functions and collations this run creates, so subtypes and functions resolve (rolled back).
            for (String sql : prerequisites) Savepoints.attempt(connection, sql);
            for (Declaration.Kind k : kinds) {
                String twin = "schema_sync_kind_" + (twins.size() + 1);
                QualifiedName twinName = new QualifiedName("pg_temp", twin);
                String error;
                if (k instanceof KindDecl.CollationDecl c) {
                    Collation declaredShape = c.collation();
                    error = Savepoints.attempt(connection, SqlRenderer.render(new Step.CreateCollation(new Collation(twinName,
                            declaredShape.provider(), declaredShape.lcCollate(), declaredShape.lcCtype(), declaredShape.locale(),
                            declaredShape.icuRules(), declaredShape.deterministic()))));
                    if (error != null) problems.add(c.origin().blockId() + ": collation " + c.name() + ": " + error);
                } else {
                    KindDecl.RangeTypeDecl r = (KindDecl.RangeTypeDecl) k;
                    RangeType t = r.type();
                    // The twin's multirange is PostgreSQL's pick for the twin's name: the declared name is compared below.
                    error = Savepoints.attempt(connection, SqlRenderer.render(new Step.CreateRangeType(new RangeType(twinName,
                            t.subtype(), t.subtypeOpclass(), t.defaultOpclass(), t.collation(), t.canonical(), t.subtypeDiff(), null))));
                    if (error != null) problems.add(r.origin().blockId() + ": range type " + r.name() + ": " + error);
                }
                if (error == null) twins.put(twin, k);
            }
            if (twins.isEmpty()) return DeclaredShapes.Kinds.none();
            Catalog read = CatalogReader.read(connection, Set.of(Savepoints.tempSchema(connection)));
            for (Collation twin : read.collations().values()) {
                Declaration.Kind k = twins.get(twin.name().name());
                if (k == null) continue;
                collations.put(k.name(), new Collation(k.name(), twin.provider(), twin.lcCollate(), twin.lcCtype(), twin.locale(),
                        twin.icuRules(), twin.deterministic()));
            }
            for (RangeType twin : read.rangeTypes().values()) {
                if (!(twins.get(twin.name().name()) instanceof KindDecl.RangeTypeDecl r)) continue;
                // No multirange on PostgreSQL 13; from 14 the declared one, or the name PostgreSQL derives.
                QualifiedName multirange = twin.multirange() == null ? null
                        : r.multirange() != null ? r.multirange() : RangeType.defaultMultirange(r.name());
                rangeTypes.put(r.name(), new RangeType(r.name(), twin.subtype(), twin.subtypeOpclass(), twin.defaultOpclass(),
                        twin.collation(), twin.canonical(), twin.subtypeDiff(), multirange));
            }
        } finally {
            connection.rollback();
        }
        return new DeclaredShapes.Kinds(collations, rangeTypes);
    }

}
