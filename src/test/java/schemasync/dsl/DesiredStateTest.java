package schemasync.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static schemasync.Blocks.block;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import schemasync.catalog.Catalog;
import schemasync.catalog.Column;
import schemasync.catalog.QualifiedName;
import schemasync.catalog.Table;

/** The fold of the declarations, without a database: names through renames, removals, columns, reshaped tables. */
class DesiredStateTest {
    private static final Catalog EMPTY = Catalog.builder().schemas(Set.of("public")).build();

    private static QualifiedName q(String name) {
        return QualifiedName.parse(name);
    }

    private static Table table(String name, String... columns) {
        return new Table(q(name), java.util.Arrays.stream(columns).map(c -> new Column(c, "text", false, null, Column.Identity.NONE, null))
                .toList(), null, null, 0, false, List.of(), List.of(), Table.RowSecurity.OFF, List.of(), Set.of(), 0);
    }

    private static DesiredState fold(Catalog before, ChangeBlock... blocks) {
        return DesiredState.fold(DeclaredSchema.of(List.of(blocks)).declarations(), before);
    }

    @Test
    void aTableRenamedTwiceIsDeclaredUnderEveryNameWithTheBlockThatDeclaresIt() {
        DesiredState desired = fold(EMPTY,
                block("B1", db -> db.ensureTable("users", t -> t.column("id", "bigint").column("email", "text"))),
                block("B2", db -> db.ensureTableRenamed("users", "accounts")),
                block("B3", db -> db.ensureTableRenamed("accounts", "members")));
        for (String name : List.of("users", "accounts", "members")) {
            assertTrue(desired.declaresTable(q(name)), name);
            assertTrue(desired.touches(q(name)), name);
            assertEquals("B1", desired.origin(DesiredState.table(q(name))).blockId(), name);
        }
        // Columns follow one rename (as the planner's own set did); the table's declared name always has them.
        assertEquals(Set.of("id", "email"), desired.columns(q("users")));
        assertEquals(Set.of("id", "email"), desired.columns(q("accounts")));
        assertFalse(desired.declaresTable(q("people")));
        assertFalse(desired.touches(q("people")));
        assertNull(desired.origin(DesiredState.table(q("people"))));
    }

    @Test
    void aTableDeclaredAfterItsRenameHasOnlyItsNewName() {
        DesiredState desired = fold(EMPTY,
                block("B1", db -> db.ensureTableRenamed("users", "accounts")),
                block("B2", db -> db.ensureTable("accounts", t -> t.column("id", "bigint"))));
        assertTrue(desired.declaresTable(q("accounts")));
        assertFalse(desired.declaresTable(q("users")), "the rename happened before the declaration");
        assertTrue(desired.touches(q("users")), "a rename touches the table it renames");
    }

    @Test
    void aTriggerOnATableRenamedByALaterBlockIsDeclaredOnBothNames() {
        DesiredState desired = fold(EMPTY,
                block("B1", db -> db.ensureTable("notes", t -> t.column("id", "bigint"))),
                block("B2", db -> db.ensureTrigger("notes_touch").on("notes").before(TriggerEvent.UPDATE).forEachRow()
                        .executes("public.touch()")),
                block("B3", db -> db.ensureTableRenamed("notes", "memos")),
                block("B4", db -> db.ensureTrigger("memos_audit").on("memos").after(TriggerEvent.INSERT).forEachRow()
                        .executes("public.audit()")));
        assertTrue(desired.declares(DesiredState.trigger(q("notes"), "notes_touch")));
        assertTrue(desired.declares(DesiredState.trigger(q("memos"), "notes_touch")));
        assertEquals("B2", desired.origin(DesiredState.trigger(q("memos"), "notes_touch")).blockId());
        assertTrue(desired.declares(DesiredState.trigger(q("memos"), "memos_audit")));
        assertFalse(desired.declares(DesiredState.trigger(q("notes"), "memos_audit")), "declared after the rename");
    }

    @Test
    void removalsDeclareWhatTheyNameAbsent() {
        Catalog.Builder builder = Catalog.builder().schemas(Set.of("public"));
        builder.tables().put(q("legacy"), table("legacy", "id", "old_flag"));
        builder.tables().put(q("other"), table("other", "id"));
        builder.functions().put("public.f(integer)", new Catalog.Function(q("f"), "integer", "f"));
        builder.functions().put("public.f(text)", new Catalog.Function(q("f"), "text", "f"));
        builder.aggregates().put("public.total(integer)", new Catalog.Function(q("total"), "integer", "a"));
        builder.aggregates().put("public.total(bigint)", new Catalog.Function(q("total"), "bigint", "a"));
        Catalog before = builder.build();
        DesiredState desired = fold(before, block("R1", db -> db.ensureNoView("old_view")
                .ensureNoColumn("legacy", "old_flag").ensureNoColumn("other", "gone")
                .ensureNoFunction("f(integer)").ensureNoAggregate("total(integer)").ensureNoTrigger("legacy", "legacy_touch")));
        assertEquals("R1", desired.origin(DesiredState.view(q("old_view"))).blockId());
        assertTrue(desired.touches(q("legacy")), "a column there is to drop touches its table");
        assertFalse(desired.touches(q("other")), "a column already gone does not");
        assertTrue(desired.columns(q("other")).contains("gone"), "a column declared absent is not undeclared");
        assertTrue(desired.reshapes(q("legacy")));
        // ensureNoFunction matches by name, as the planner's removal does: every overload of f.
        assertTrue(desired.declares(DesiredState.routine(before.functions().get("public.f(integer)"))));
        assertTrue(desired.declares(DesiredState.routine(before.functions().get("public.f(text)"))));
        assertFalse(desired.declares(DesiredState.routine(before.aggregates().get("public.total(integer)"))),
                "ensureNoAggregate with several overloads drops none");
        assertTrue(desired.declares(DesiredState.trigger(q("legacy"), "legacy_touch")));
    }

    @Test
    void collationsRangeTypesStatisticsAndRulesDeclaredAbsentAreDeclaredEachUnderItsOwnKind() {
        DesiredState desired = fold(EMPTY, block("R1", db -> db.ensureNoCollation("c_old").ensureNoRangeType("r_old")
                .ensureNoStatistics("s_old").ensureNoRule("legacy", "legacy_rule")));
        assertTrue(desired.declares(DesiredState.collation(q("c_old"))));
        assertFalse(desired.declares(DesiredState.type(q("c_old"))), "a collation is not a type");
        assertTrue(desired.declares(DesiredState.type(q("r_old"))));
        assertFalse(desired.declares(DesiredState.collation(q("r_old"))), "a range type is not a collation");
        assertTrue(desired.declares(DesiredState.statistics(q("s_old"))));
        assertTrue(desired.declares(DesiredState.rule(q("legacy"), "legacy_rule")));
        assertFalse(desired.touches(q("legacy")), "dropping a rule does not declare its table");
    }

    @Test
    void aColumnAddedByALaterBlockAndRenamedIsDeclaredOnTheTable() {
        Catalog.Builder builder = Catalog.builder().schemas(Set.of("public"));
        builder.tables().put(q("items"), table("items", "id", "extra"));
        List<Declaration> declarations = DeclaredSchema.of(List.of(
                block("B1", db -> db.ensureTable("items", t -> t.column("id", "bigint"))),
                block("B2", db -> db.ensureColumn("items", "extra", "text")),
                block("B3", db -> db.ensureColumnChanged("items", "extra").type("varchar(20)")),
                block("B4", db -> db.ensureColumnRenamed("items", "extra", "more")))).declarations();
        DesiredState desired = DesiredState.fold(declarations, builder.build());
        int change = 0;
        while (!(declarations.get(change) instanceof Declaration.ColumnChangeDecl)) change++;
        assertEquals(Set.of("id", "extra", "more"), desired.columns(q("items")));
        assertTrue(desired.reshapes(q("items")), "a column of it is renamed in this run");
        assertEquals("B3", desired.laterChange(q("items"), "extra", change - 1));
        assertNull(desired.laterChange(q("items"), "extra", change), "no change declared after B3");
        assertNull(desired.laterChange(q("items"), "id", 0));
    }

    @Test
    void aRenamedIndexIsDeclaredUnderBothNamesAndARebuiltOneIsMarked() {
        DesiredState desired = fold(EMPTY,
                block("B1", db -> db.ensureTable("docs", t -> t.column("id", "bigint").column("owner", "text"))
                        .ensureIndex("docs_owner_idx").on("docs").columns("owner").rebuildWhenChanged()),
                block("B2", db -> db.ensureIndexRenamed("docs_owner_idx", "docs_by_owner")));
        assertTrue(desired.declares(DesiredState.index(q("docs_owner_idx"))));
        assertTrue(desired.declares(DesiredState.index(q("docs_by_owner"))));
        assertEquals(Set.of(q("docs_owner_idx"), q("docs_by_owner")), desired.rebuiltIndexes());
        assertFalse(desired.reshapes(q("docs")), "a table this run creates is not reshaped");
    }
}
