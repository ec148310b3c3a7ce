package schemasync.normalize;

import schemasync.dsl.TypeDecl;
import java.sql.*;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import schemasync.catalog.Catalog;
import schemasync.catalog.QualifiedName;
import schemasync.dsl.Declaration;
import schemasync.dsl.Declaration.TableDecl;
import schemasync.dsl.DeclaredSchema;
import schemasync.dsl.DependencyOrder;
import schemasync.render.SqlRenderer;

/** What the shadows need to exist first, in the rolled-back transaction of the comparison. */
final class ShadowPrerequisites {
    private ShadowPrerequisites() {
    }

    /**
     * Declared schemas and enum types that do not exist yet, created inside each rolled-back chunk
     * (in their real schemas: the transaction never commits) so shadows can use them as column types.
     * In the plan's order ({@link DependencyOrder}), not the written one: PostgreSQL resolves a domain CHECK's or
     * default's function, and a routine's signature types, at CREATE, so a block that writes
     * {@code ensureDomain(d CHECK (f(VALUE)))} before {@code ensureFunction(f)} is applied f first, and its twins
     * must be created so too, or CREATE DOMAIN fails here ("function f(text) does not exist") and every column of
     * type d after it.
     */
    static List<String> of(Catalog catalog, DeclaredSchema declared) {
        List<String> sql = new ArrayList<>();
        Set<String> tablesDeclaredBefore = new HashSet<>(); // a standard SQL body may read these (RoutinePrerequisite)
        Set<QualifiedName> rowTypesUsed = RowTypePrerequisite.typesUsed(declared);
        List<Declaration> all = declared.declarations();
        for (int i : DependencyOrder.of(catalog, all)) {
            Declaration d = all.get(i);
            RowTypePrerequisite.of(catalog, d, rowTypesUsed).ifPresent(sql::add); // a table or view whose row type a type or signature uses
            if (d instanceof TableDecl t) {
                tablesDeclaredBefore.add(t.name().toString());
                if (t.name().schema().equals(QualifiedName.DEFAULT_SCHEMA)) tablesDeclaredBefore.add(t.name().name());
            }
            if (d instanceof schemasync.dsl.ExternalDecl.ForeignTableDecl f) { // a foreign table is read like a table
                tablesDeclaredBefore.add(f.table().name().toString());
                if (f.table().name().schema().equals(QualifiedName.DEFAULT_SCHEMA)) tablesDeclaredBefore.add(f.table().name().name());
            }
            KindShapes.prerequisite(catalog, d).ifPresent(sql::add); // a collation or range type a shadow's column uses
            OperatorShapes.prerequisite(catalog, d).ifPresent(sql::add); // an operator or cast an index or CHECK uses
            TextSearchPrerequisite.of(catalog, d).ifPresent(sql::add); // a configuration a generated column or index casts to
            if (d instanceof Declaration.ExtensionDecl x && !catalog.extensions().containsKey(x.name())) {
                // Types such as citext come from extensions: install it (rolled back) so shadows can use them.
                sql.add(SqlRenderer.render(new schemasync.step.Step.CreateExtension(x.name(), x.schema(), x.version())));
            } else if (d instanceof Declaration.SchemaDecl s && !catalog.schemas().contains(s.name())) {
                sql.add(SqlRenderer.render(new schemasync.step.Step.CreateSchema(s.name())));
            } else if (d instanceof TypeDecl.EnumDecl e && !catalog.enums().containsKey(e.name())) {
                sql.add(SqlRenderer.render(new schemasync.step.Step.CreateEnum(e.name(), e.labels())));
            } else if (d instanceof TypeDecl.DomainDecl t && !catalog.domains().containsKey(t.name())) {
                // Columns of a domain this run creates: the shadows need the type to exist.
                sql.add(SqlRenderer.render(new schemasync.step.Step.CreateDomain(t.domain())));
            } else if (d instanceof TypeDecl.CompositeTypeDecl t && !catalog.composites().containsKey(t.name())) {
                sql.add(SqlRenderer.render(new schemasync.step.Step.CreateCompositeType(t.type())));
            } else if (d instanceof Declaration.CustomStepDecl c && c.definesObjects()) {
                sql.add(Normalizer.guarded(c));
            } else if (d instanceof TypeDecl.SequenceDecl q && !catalog.sequences().containsKey(q.name())) {
                // A column default nextval('seq') of a sequence this run creates.
                sql.add(SqlRenderer.render(new schemasync.step.Step.CreateSequence(q.spec())));
            } else if (d instanceof Declaration.FunctionDecl f && f.arguments() != null
                    && catalog.functions().values().stream().noneMatch(c -> c.name().equals(f.name()))) {
                // A trigger on a shadow needs its function to exist. A function may also need what
                // this run creates before it (RETURNS SETOF a declared table, a BEGIN ATOMIC body reading
                // one): then it cannot exist here, and only a trigger using it is reported, not the function.
                sql.add(RoutinePrerequisite.bodyUnchecked(SqlRenderer.render(new schemasync.step.Step.CreateFunction(f.name(), f.arguments(),
                        f.definition(), true, f.procedure())), Set.copyOf(tablesDeclaredBefore)));
            }
        }
        return sql;
    }
}
