package schemasync.normalize;

import schemasync.dsl.TypeDecl;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import schemasync.catalog.Catalog;
import schemasync.catalog.CatalogReader;
import schemasync.catalog.Domain;
import schemasync.catalog.QualifiedName;
import schemasync.dsl.Declaration;
import schemasync.dsl.DeclaredSchema;
import schemasync.step.Step;
import schemasync.render.SqlRenderer;

/**
 * Declared domains, composite types and sequences as PostgreSQL stores them: each is created as a temporary twin
 * ({@code pg_temp.schema_sync_type_N}, built from the very SQL the apply would run) in one
 * transaction that is always rolled back, and read back with the catalog reader's own query. So
 * {@code int}, {@code VALUE > 0} and {@code 'x'} compare as {@code integer}, {@code CHECK ((VALUE > 0))}
 * and {@code 'x'::text}. A twin's definition never mentions its own name, so the name does not matter.
 */
final class TypeShapes {
    private TypeShapes() {
    }

    /** Requires auto-commit off and no open transaction; leaves none open. */
    static DeclaredShapes.Types read(Connection connection, DeclaredSchema declared, List<String> prerequisites,
                                     List<String> problems) throws SQLException {
        DeclaredShapes.Kinds kinds = KindShapes.read(connection, declared, prerequisites, problems);
        kinds = kinds.withOperators(OperatorShapes.read(connection, declared, prerequisites));
        Map<String, QualifiedName> twins = new HashMap<>();
        Map<QualifiedName, Domain> domains = new HashMap<>();
        Map<QualifiedName, schemasync.catalog.CompositeType> composites = new HashMap<>();
        Map<QualifiedName, schemasync.catalog.Sequence> sequences = new HashMap<>();
        if (declared.declarations().stream().noneMatch(d -> d instanceof TypeDecl.DomainDecl
                || d instanceof TypeDecl.CompositeTypeDecl || d instanceof TypeDecl.SequenceDecl)) {
            return new DeclaredShapes.Types(domains, composites, sequences, routineArguments(connection, declared), kinds); // nothing to spell: not even a round trip
        }
        try (Statement st = connection.createStatement()) {
            st.execute("SET TRANSACTION READ WRITE");
            boolean any = false;
            for (Declaration d : declared.declarations()) {
                if (!(d instanceof TypeDecl.DomainDecl || d instanceof TypeDecl.CompositeTypeDecl
                        || d instanceof TypeDecl.SequenceDecl)) continue;
                if (!any) {
                    any = true;
                    // Schemas, enums and domains this run creates, so base types resolve (rolled back).
                    for (String sql : prerequisites) Savepoints.attempt(connection, sql);
                }
                String twin = "schema_sync_type_" + (twins.size() + 1);
                QualifiedName twinName = new QualifiedName("pg_temp", twin);
                String error;
                QualifiedName name;
                if (d instanceof TypeDecl.DomainDecl t) {
                    name = t.name();
                    error = Savepoints.attempt(connection, SqlRenderer.render(new Step.CreateDomain(new schemasync.catalog.Domain(
                            twinName, t.baseType(), t.notNull(), t.defaultSql(), t.collation(), t.checks().stream()
                            // Every check inline on the twin, NOT VALID ones too: only their spelling is wanted here.
                            .map(c -> new schemasync.catalog.Domain.Check(c.name(), c.expression(), true)).toList()))));
                    if (error != null) problems.add(t.origin().blockId() + ": domain " + t.name() + ": " + error);
                } else if (d instanceof TypeDecl.SequenceDecl q) {
                    name = q.name();
                    error = Savepoints.attempt(connection, SqlRenderer.render(new Step.CreateSequence(
                            new schemasync.catalog.SequenceSpec(twinName, q.dataType(), q.options()))));
                    if (error != null) problems.add(q.origin().blockId() + ": sequence " + q.name() + ": " + error);
                } else {
                    TypeDecl.CompositeTypeDecl t = (TypeDecl.CompositeTypeDecl) d;
                    name = t.name();
                    error = Savepoints.attempt(connection, SqlRenderer.render(new Step.CreateCompositeType(
                            new TypeDecl.CompositeTypeDecl(twinName, t.attributes(), t.origin()).type())));
                    if (error != null) problems.add(t.origin().blockId() + ": composite type " + t.name() + ": " + error);
                }
                if (error == null) twins.put(twin, name);
            }
            if (twins.isEmpty()) return new DeclaredShapes.Types(domains, composites, sequences, routineArguments(connection, declared), kinds);
            Catalog read = CatalogReader.read(connection, Set.of(Savepoints.tempSchema(connection)));
            for (Domain twin : read.domains().values()) {
                QualifiedName name = twins.get(twin.name().name());
                if (name != null) {
                    domains.put(name, new Domain(name, twin.baseType(), twin.notNull(), twin.defaultExpr(), twin.collation(),
                            twin.checks()));
                }
            }
            for (schemasync.catalog.CompositeType twin : read.composites().values()) {
                QualifiedName name = twins.get(twin.name().name());
                if (name != null) composites.put(name, new schemasync.catalog.CompositeType(name, twin.attributes()));
            }
            for (schemasync.catalog.Sequence twin : read.sequences().values()) {
                QualifiedName name = twins.get(twin.name().name());
                if (name != null) {
                    sequences.put(name, new schemasync.catalog.Sequence(name, twin.dataType(), twin.start(), twin.increment(),
                            twin.minValue(), twin.maxValue(), twin.cache(), twin.cycle(), null));
                }
            }
        } finally {
            connection.rollback();
        }
        return new DeclaredShapes.Types(domains, composites, sequences, routineArguments(connection, declared), kinds);
    }

    /** Routines that comments and owners name, resolved by PostgreSQL (to_regprocedure) as they exist now. */
    private static Map<String, String> routineArguments(Connection connection, DeclaredSchema declared) throws SQLException {
        Map<String, String> arguments = new HashMap<>();
        try (java.sql.PreparedStatement ps = connection.prepareStatement("SELECT pg_catalog.pg_get_function_identity_arguments("
                + "pg_catalog.to_regprocedure(pg_catalog.quote_ident(?) || '.' || pg_catalog.quote_ident(?) || '(' || ? || ')'))")) {
            for (Declaration d : declared.declarations()) {
                schemasync.catalog.QualifiedName routine;
                String detail;
                if (d instanceof Declaration.CommentDecl c && c.target().kind().routine()) {
                    routine = c.target().object();
                    detail = c.target().detail();
                } else if (d instanceof schemasync.dsl.OwnerDecl o && o.target().kind() != null && o.target().kind().routine()) {
                    routine = o.name(); // ensureOwner names a routine the same way
                    detail = o.target().arguments();
                } else {
                    continue;
                }
                if (detail == null) continue;
                ps.setString(1, routine.schema());
                ps.setString(2, routine.name());
                ps.setString(3, detail);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getString(1) != null) arguments.put(routine + "(" + detail + ")", rs.getString(1));
                } catch (SQLException e) {
                    // An argument list PostgreSQL cannot parse: the comment is then matched as written.
                    connection.rollback();
                }
            }
        } finally {
            connection.rollback();
        }
        return arguments;
    }

}
