package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import schemasync.catalog.Catalog;
import schemasync.catalog.ExternalObjects;
import schemasync.catalog.QualifiedName;

/**
 * {@link Catalog.Builder} is the one way callers make a snapshot, so it must carry every kind: a component
 * added to {@link Catalog} without its builder field, getter, setter or {@code toBuilder()} line fails here,
 * not silently in a planner test that happens to leave the kind empty.
 */
class CatalogBuilderTest {

    /** One non-empty value per component (the maps' element types do not matter to the record's copying). */
    static Object sample(RecordComponent c) {
        Class<?> type = c.getType();
        if (type == boolean.class) return false; // the builder's default is true
        if (type == Set.class) return Set.of("s_" + c.getName());
        if (type == List.class) return List.of(new Catalog.ViewDependency(QualifiedName.parse("public.v"),
                QualifiedName.parse("public.t"), c.getName()));
        if (type == ExternalObjects.class) return new ExternalObjects(untyped(Map.of("srv_" + c.getName(), "x")), Map.of(),
                Map.of(), Map.of(), Map.of());
        if (type == schemasync.catalog.OperatorObjects.class) {
            // Operator families and classes travel inside the operators component: a sample of each.
            var name = QualifiedName.parse("public.k_ops");
            var family = new schemasync.catalog.OperatorFamily(name, "btree", List.of());
            var operatorClass = new schemasync.catalog.OperatorClass(name, "btree", "integer", false, name, null,
                    List.of(schemasync.catalog.OperatorClass.Member.support(1, "integer", "integer", "btint4cmp(integer,integer)")));
            return new schemasync.catalog.OperatorObjects(untyped(Map.of("op_" + c.getName(), "x")), Map.of(),
                    Map.of(family.key(), family), Map.of(operatorClass.key(), operatorClass));
        }
        if (type == schemasync.catalog.TextSearch.class) return new schemasync.catalog.TextSearch(
                untyped(Map.of("dict_" + c.getName(), "x")), Map.of());
        if (c.getName().equals("conversions")) {
            QualifiedName name = QualifiedName.parse("public.latin1_to_utf8");
            return Map.of(name, new schemasync.catalog.Conversion(name, "LATIN1", "UTF8", QualifiedName.parse("pg_catalog.iso8859_1_to_utf8"), true));
        }
        if (c.getName().equals("securityLabels")) {
            return Map.of(new schemasync.catalog.SecurityLabelTarget("selinux", "column", "public.t.note"),
                    "system_u:object_r:sepgsql_secret_table_t:s0");
        }
        if (type == Map.class) {
            boolean grantSets = c.getName().equals("grants") || c.getName().equals("defaultPrivileges");
            return Map.of("k_" + c.getName(), grantSets ? Set.of() : "v_" + c.getName());
        }
        throw new AssertionError("no sample for a component of type " + type + ": " + c.getName());
    }

    @SuppressWarnings("unchecked")
    private static <K, V> Map<K, V> untyped(Map<?, ?> map) {
        return (Map<K, V>) map;
    }

    /** Every component set through its setter, by name: fails when the builder lacks one. */
    static Catalog everyKindSet() throws Exception {
        Catalog.Builder b = Catalog.builder();
        for (RecordComponent c : Catalog.class.getRecordComponents()) {
            Catalog.Builder.class.getMethod(c.getName(), c.getType()).invoke(b, sample(c));
        }
        return b.build();
    }

    @Test
    void everyComponentHasASetterAndAGetterAndReachesTheSnapshot() throws Exception {
        Catalog full = everyKindSet();
        for (RecordComponent c : Catalog.class.getRecordComponents()) {
            Object value = c.getAccessor().invoke(full);
            Object expected = sample(c);
            assertEquals(expected instanceof Set<?> s ? new java.util.TreeSet<>(s) : expected, value, c.getName());
            assertEquals(c.getType(), Catalog.Builder.class.getMethod(c.getName()).getReturnType(), c.getName());
        }
    }

    @Test
    void toBuilderCarriesEveryKind() throws Exception {
        Catalog full = everyKindSet();
        assertEquals(full, full.toBuilder().build());
        for (RecordComponent c : Catalog.class.getRecordComponents()) {
            // an empty builder differs in this kind alone once the others are copied over
            Catalog.Builder b = full.toBuilder();
            Object empty = Catalog.Builder.class.getMethod(c.getName()).invoke(Catalog.builder());
            Catalog.Builder.class.getMethod(c.getName(), c.getType()).invoke(b, empty);
            assertNotEquals(full, b.build(), c.getName());
        }
    }

    @Test
    void theBuiltSnapshotIsImmutableAndIndependentOfTheBuilder() {
        QualifiedName t = QualifiedName.parse("public.t");
        Catalog.Builder b = Catalog.builder().schemas(Set.of("public"));
        b.views().put(t, "SELECT 1");
        Catalog built = b.build();
        b.views().put(QualifiedName.parse("public.u"), "SELECT 2");
        assertEquals(Map.of(t, "SELECT 1"), built.views());
        assertThrows(UnsupportedOperationException.class, () -> built.views().put(t, "SELECT 3"));
        Map<QualifiedName, String> replaced = new LinkedHashMap<>();
        assertEquals(Map.of(), built.toBuilder().views(replaced).build().views());
        assertEquals(Set.of("public"), built.withTables(Map.of()).schemas());
    }
}
