package schemasync.normalize;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import schemasync.catalog.Catalog;
import schemasync.dsl.Declaration;
import schemasync.dsl.DeclaredSchema;
import schemasync.dsl.OperatorClassDecl;
import schemasync.dsl.OperatorDecl;
import schemasync.render.SqlRenderer;
import schemasync.step.Step;

/**
 * Declared operators, casts, operator families and classes in PostgreSQL's spelling ({@link OperatorSpellings}): in a transaction that is always
 * rolled back, after what this run creates first (schemas, types, functions: the prerequisites), each type, function
 * and estimator a declaration names is resolved under the session's own search_path, as the apply will resolve it,
 * then printed under the catalog reader's (pg_catalog), as the catalog will print it.
 */
final class OperatorShapes {
    private OperatorShapes() {
    }

    /** The statement that creates a declared operator or cast this run will create, for the shadows (an index or CHECK using it). */
    static Optional<String> prerequisite(Catalog catalog, Declaration d) {
        if (d instanceof OperatorDecl.OperatorDeclared o && !catalog.operators().operators().containsKey(o.operator().key())) {
            return Optional.of(unlessExists(SqlRenderer.render(new Step.CreateOperator(o.operator()))));
        }
        if (d instanceof OperatorDecl.CastDeclared c && !catalog.operators().casts().containsKey(c.cast().key())) {
            return Optional.of(unlessExists(SqlRenderer.render(new Step.CreateCast(c.cast()))));
        }
        if (d instanceof OperatorClassDecl.FamilyDeclared f && !catalog.operators().families().containsKey(
                schemasync.catalog.OperatorClass.key(f.name(), OperatorSpellings.method(f.options().method())))) {
            return Optional.of(unlessExists(SqlRenderer.render(new Step.CreateOperatorFamily(f.family()))));
        }
        if (d instanceof OperatorClassDecl.ClassDeclared c && !catalog.operators().classes().containsKey(
                schemasync.catalog.OperatorClass.key(c.name(), OperatorSpellings.method(c.options().method())))) {
            // An index of the shadows may name the class (USING btree (c money2_ops)).
            return Optional.of(unlessExists(SqlRenderer.render(new Step.CreateOperatorClass(c.operatorClass()))));
        }
        return Optional.empty();
    }

    /**
     * The declared text names types as written ({@code int4}, {@code money2}) and the catalog as format_type prints
     * them, so an existing one may not be recognized above: PostgreSQL's duplicate_object then says it exists.
     */
    private static String unlessExists(String sql) {
        String tag = "$schema_sync_operator$";
        String quoted = "$schema_sync_operator_sql$";
        if (sql.contains(tag) || sql.contains(quoted)) return sql;
        return "DO " + tag + " BEGIN EXECUTE " + quoted + sql + quoted + "; EXCEPTION WHEN duplicate_object THEN NULL; END " + tag;
    }

    /** What the declarations name, by the query that resolves it: texts to resolve, each under its key. */
    private record Lookup(String sql, Map<String, String> textByKey) {
        Lookup(String sql) {
            this(sql, new LinkedHashMap<>());
        }

        void add(String text, String key) {
            if (text != null) textByKey.putIfAbsent(key, text);
        }

        void add(String text) {
            add(text, text);
        }
    }

    private static final String TYPE = "pg_catalog.to_regtype(t.text)::oid";
    private static final String PROCEDURE = "pg_catalog.to_regprocedure(t.text)::oid";
    private static final String PROC = "pg_catalog.to_regproc(t.text)::oid";
    private static final String OPERATOR = "pg_catalog.to_regoperator(t.text)::oid";

    /** Requires auto-commit off and no open transaction; leaves none open. */
    static OperatorSpellings read(Connection connection, DeclaredSchema declared, List<String> prerequisites) throws SQLException {
        Lookup types = new Lookup(TYPE);
        Lookup functions = new Lookup(PROCEDURE);
        Lookup estimators = new Lookup(PROC);
        Lookup castFunctions = new Lookup(PROCEDURE);
        Lookup signedOperators = new Lookup(OPERATOR);
        for (Declaration d : declared.declarations()) {
            if (d instanceof OperatorClassDecl.ClassDeclared c) {
                types.add(c.options().type());
                types.add(c.options().storage());
                OperatorSpellings.lookups(c.options().members(), c.options().type(), types::add, signedOperators::add, castFunctions::add);
            } else if (d instanceof OperatorClassDecl.FamilyDeclared f) {
                OperatorSpellings.lookups(f.options().members(), null, types::add, signedOperators::add, castFunctions::add);
            }
            if (d instanceof OperatorDecl.OperatorDeclared o) {
                var x = o.options();
                types.add(x.leftArg());
                types.add(x.rightArg());
                if (x.function() != null) {
                    String key = OperatorSpellings.functionKey(x.function(), x.leftArg(), x.rightArg());
                    functions.add(x.function().contains("(") ? x.function() : key, key);
                }
                estimators.add(x.restrict());
                estimators.add(x.join());
            } else if (d instanceof OperatorDecl.OperatorRemoval r) {
                types.add(r.leftType());
                types.add(r.rightType());
            } else if (d instanceof OperatorDecl.CastDeclared c) {
                types.add(c.source());
                types.add(c.target());
                castFunctions.add(c.options().function());
            } else if (d instanceof OperatorDecl.CastRemoval c) {
                types.add(c.source());
                types.add(c.target());
            } else if (d instanceof schemasync.dsl.Declaration.CommentDecl c) {
                commentTypes(c.target(), types);
            }
        }
        List<Lookup> lookups = List.of(types, functions, estimators, castFunctions, signedOperators);
        if (lookups.stream().allMatch(l -> l.textByKey().isEmpty())) return OperatorSpellings.NONE;
        try (Statement st = connection.createStatement()) {
            st.execute("SET TRANSACTION READ WRITE");
            Savepoints.attemptAll(connection, prerequisites);
            List<Map<String, String>> oids = resolve(connection, lookups);
            // Printed as the catalog reader prints them: under its search_path (SET LOCAL: the rollback undoes it).
            st.execute("SET LOCAL search_path = pg_catalog, pg_temp");
            return new OperatorSpellings(print(connection, "pg_catalog.format_type(o.oid::oid, NULL)", oids.get(0)),
                    print(connection, "o.oid::oid::pg_catalog.regproc::text", oids.get(1)),
                    print(connection, "o.oid::oid::pg_catalog.regproc::text", oids.get(2)),
                    print(connection, "o.oid::oid::pg_catalog.regprocedure::text", oids.get(3)),
                    print(connection, "o.oid::oid::pg_catalog.regoperator::text", oids.get(4)));
        } finally {
            connection.rollback();
        }
    }

    /** A comment on an operator or cast names its object by types: spelled like a declaration's, so an existing one is found. */
    private static void commentTypes(schemasync.catalog.CommentTarget t, Lookup types) {
        if (t.kind() == schemasync.catalog.CommentTarget.Kind.CAST) {
            types.add(t.object().name());
            types.add(t.detail());
        } else if (t.kind() == schemasync.catalog.CommentTarget.Kind.OPERATOR) {
            String[] sides = schemasync.dsl.OwnerDecl.operatorTypes(t.detail());
            if (sides != null) {
                types.add(sides[0]);
                types.add(sides[1]);
            }
        }
    }

    /**
     * The oid each text resolves to under the session's search_path (a text that resolves to nothing is left out): one
     * query per kind, all under one savepoint. to_regtype and friends return null for a name that does not exist but
     * raise for a malformed or ambiguous one, which aborts the batch: then each text is resolved alone, under its own
     * savepoint, so one bad text leaves the others resolved (it is compared as written, and the apply names
     * PostgreSQL's error).
     */
    private static List<Map<String, String>> resolve(Connection connection, List<Lookup> lookups) throws SQLException {
        Savepoint sp = connection.setSavepoint();
        try {
            List<Map<String, String>> oids = new ArrayList<>();
            for (Lookup lookup : lookups) oids.add(resolveAll(connection, lookup));
            connection.releaseSavepoint(sp);
            return oids;
        } catch (SQLException e) {
            connection.rollback(sp);
        }
        List<Map<String, String>> oids = new ArrayList<>();
        for (Lookup lookup : lookups) {
            Map<String, String> found = new LinkedHashMap<>();
            for (var e : lookup.textByKey().entrySet()) resolveOne(connection, lookup.sql(), e.getValue(), e.getKey(), found);
            oids.add(found);
        }
        return oids;
    }

    private static Map<String, String> resolveAll(Connection connection, Lookup lookup) throws SQLException {
        Map<String, String> found = new LinkedHashMap<>();
        if (lookup.textByKey().isEmpty()) return found;
        List<String> keys = new ArrayList<>(lookup.textByKey().keySet());
        // WITH ORDINALITY: the rows come back by position, so two keys with the same text (an operator function named
        // with its arguments, and the same text as a cast's) each get theirs.
        try (PreparedStatement ps = connection.prepareStatement("SELECT t.n, " + lookup.sql()
                + " FROM unnest(?::text[]) WITH ORDINALITY AS t(text, n)")) {
            ps.setArray(1, connection.createArrayOf("text", lookup.textByKey().values().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(2) != null) found.put(keys.get(rs.getInt(1) - 1), rs.getString(2));
                }
            }
        }
        return found;
    }

    /** The old way, kept as the fallback that isolates the failing text: one query under one savepoint per text. */
    private static void resolveOne(Connection connection, String expression, String text, String key, Map<String, String> oids)
            throws SQLException {
        Savepoint sp = connection.setSavepoint();
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + expression + " FROM (SELECT ?::text AS text) AS t")) {
            ps.setString(1, text);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getString(1) != null) oids.put(key, rs.getString(1));
            }
            connection.releaseSavepoint(sp);
        } catch (SQLException e) {
            connection.rollback(sp); // ambiguous or malformed: compared as written, and the apply names PostgreSQL's error
        }
    }

    /** Each oid as {@code expression} prints it, in one query for the kind. */
    private static Map<String, String> print(Connection connection, String expression, Map<String, String> oids) throws SQLException {
        Map<String, String> printed = new HashMap<>();
        if (oids.isEmpty()) return printed;
        List<String> keys = new ArrayList<>(oids.keySet());
        try (PreparedStatement ps = connection.prepareStatement("SELECT o.n, " + expression
                + " FROM unnest(?::text[]) WITH ORDINALITY AS o(oid, n)")) {
            ps.setArray(1, connection.createArrayOf("text", oids.values().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) printed.put(keys.get(rs.getInt(1) - 1), rs.getString(2));
            }
        }
        return printed;
    }
}
