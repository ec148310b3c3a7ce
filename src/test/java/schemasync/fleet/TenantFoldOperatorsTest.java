package schemasync.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import org.junit.jupiter.api.Test;
import schemasync.catalog.QualifiedName;
import schemasync.dsl.ChangeBlock;
import schemasync.dsl.DeclaredSchema;
import schemasync.dsl.OperatorDecl;

/**
 * Operators and casts in a tenant fold: the types, functions, estimators, commutators and negators they name in the
 * placeholder schema are the tenant's, in the declaration and in its removal alike, so a later ensureNoOperator /
 * ensureNoCast still removes what an earlier block declared.
 */
class TenantFoldOperatorsTest {
    private static final ChangeBlock DECLARE = block("O1", db -> {
        db.ensureSchema("tenant");
        db.ensureOperator("tenant.===", o -> o.leftArg("tenant.money2").rightArg("tenant.money2").function("tenant.money2_eq")
                .commutator("OPERATOR(tenant.===)").negator("tenant.!==").restrict("tenant.money2_sel").join("eqjoinsel"));
        db.ensureCast("tenant.money2", "text", c -> c.withFunction("tenant.to_text(tenant.money2)"));
    });

    @Test
    void anOperatorsAndACastsNamesAreTheTenants() {
        DeclaredSchema fold = Tenants.declarations(List.of(DECLARE), "tenant", "tenant_042");
        OperatorDecl.OperatorDeclared operator = only(fold, OperatorDecl.OperatorDeclared.class);
        assertEquals(new QualifiedName("tenant_042", "==="), operator.name());
        assertEquals("tenant_042.money2", operator.options().leftArg());
        assertEquals("tenant_042.money2", operator.options().rightArg());
        assertEquals("tenant_042.money2_eq", operator.options().function());
        assertEquals("tenant_042.money2_sel", operator.options().restrict());
        assertEquals("eqjoinsel", operator.options().join(), "a shared (built-in) estimator stays as written");
        assertEquals(new QualifiedName("tenant_042", "==="), operator.operator().commutator());
        assertEquals(new QualifiedName("tenant_042", "!=="), operator.operator().negator());
        OperatorDecl.CastDeclared cast = only(fold, OperatorDecl.CastDeclared.class);
        assertEquals("tenant_042.money2", cast.source());
        assertEquals("text", cast.target());
        assertEquals("tenant_042.to_text(tenant.money2)", cast.options().function(),
                "the function's own name is the tenant's; its argument types are SQL text, as ensureFunction's");
        String asWritten = DeclaredSchema.of(List.of(DECLARE)).declarations().toString();
        assertTrue(asWritten.contains("leftArg=tenant.money2"), asWritten);
    }

    @Test
    void aLaterRemovalRemovesTheTenantsOperatorAndCast() {
        ChangeBlock remove = block("O2", db -> {
            db.ensureNoOperator("tenant.===", "tenant.money2", "tenant.money2");
            db.ensureNoCast("tenant.money2", "text");
        });
        DeclaredSchema fold = Tenants.declarations(List.of(DECLARE, remove), "tenant", "tenant_042");
        String text = fold.declarations().toString();
        assertFalse(text.contains("OperatorDeclared"), "the removal matches the declaration in the tenant's fold: " + text);
        assertFalse(text.contains("CastDeclared"), "the removal matches the declaration in the tenant's fold: " + text);
        OperatorDecl.OperatorRemoval operator = only(fold, OperatorDecl.OperatorRemoval.class);
        assertEquals("tenant_042.money2", operator.leftType());
        assertEquals("tenant_042.money2", operator.rightType());
        OperatorDecl.CastRemoval cast = only(fold, OperatorDecl.CastRemoval.class);
        assertEquals("tenant_042.money2", cast.source());
        assertEquals(new QualifiedName("tenant_042", "money2"), cast.name());
        assertFalse(text.contains("tenant."), text);
    }

    private static <T> T only(DeclaredSchema schema, Class<T> kind) {
        List<T> found = schema.declarations().stream().filter(kind::isInstance).map(kind::cast).toList();
        assertEquals(1, found.size(), kind.getSimpleName() + " in " + schema.declarations());
        return found.get(0);
    }
}
