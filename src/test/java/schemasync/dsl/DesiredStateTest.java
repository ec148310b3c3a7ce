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
        // Columns follow the whole chain (a database deployed to its end holds members); the declared name always has them.
        assertEquals(Set.of("id", "email"), desired.columns(q("users")));
        assertEquals(Set.of("id", "email"), desired.columns(q("accounts")));
        assertEquals(Set.of("id", "email"), desired.columns(q("members")));
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

    // ---- The rename rule: a declaration's name in the database, asked once of the fold (was plan/Renames). ----

    private static Catalog holding(Table... tables) {
        Catalog.Builder builder = Catalog.builder().schemas(Set.of("public"));
        for (Table t : tables) builder.tables().put(t.name(), t);
        return builder.build();
    }

    private static final ChangeBlock USERS = block("B1", db -> db.ensureTable("users", t -> t.column("id", "bigint").column("email", "text")));
    private static final ChangeBlock TO_ACCOUNTS = block("B2", db -> db.ensureTableRenamed("users", "accounts"));

    @Test
    void aTableRenamedLaterIsCalledWhatTheDatabaseHoldsAndItsDeclaredNameWhenItHoldsNeither() {
        assertEquals(q("users"), fold(EMPTY, USERS, TO_ACCOUNTS).currentTable(0, q("users")), "this run creates it, then renames it");
        assertEquals(q("users"), fold(holding(table("users", "id")), USERS, TO_ACCOUNTS).currentTable(0, q("users")),
                "the rename has not run on this database yet");
        assertEquals(q("accounts"), fold(holding(table("accounts", "id")), USERS, TO_ACCOUNTS).currentTable(0, q("users")),
                "the rename ran on an earlier deploy");
        assertEquals(q("users"), fold(holding(table("users", "id"), table("accounts", "id")), USERS, TO_ACCOUNTS).currentTable(0, q("users")),
                "both held (the rename will conflict): the declared name");
        List<Declaration> declarations = DeclaredSchema.of(List.of(TO_ACCOUNTS,
                block("B3", db -> db.ensureColumn("accounts", "x", "text").ensureColumn("users", "y", "text")))).declarations();
        int after = positionOf(declarations, "B3");
        DesiredState renamed = DesiredState.fold(declarations, holding(table("accounts", "id")));
        assertEquals(q("accounts"), renamed.currentTable(after, q("accounts")), "no rename after it: its own name");
        assertEquals(q("users"), renamed.currentTable(after, q("users")), "a rename before a position does not apply to it");
    }

    @Test
    void aDatabaseBetweenTwoRenamesOfAChainHoldsTheMiddleName() {
        ChangeBlock toMembers = block("B3", db -> db.ensureTableRenamed("accounts", "members"));
        assertEquals(q("accounts"), fold(holding(table("accounts", "id", "email")), USERS, TO_ACCOUNTS, toMembers).currentTable(0, q("users")),
                "deployed up to B2, B3 is new: the declaration of B1 means accounts, not a new users");
        assertEquals(q("members"), fold(holding(table("members", "id", "email")), USERS, TO_ACCOUNTS, toMembers).currentTable(0, q("users")));
        List<Declaration> chain = DeclaredSchema.of(List.of(USERS, TO_ACCOUNTS, toMembers)).declarations();
        assertEquals(q("members"), DesiredState.fold(chain, holding(table("members", "id"))).currentTable(positionOf(chain, "B2"), q("accounts")),
                "a name B2 gives is followed by the renames after B2 only");
        assertEquals(q("accounts"), DesiredState.fold(chain, holding(table("members", "id"))).currentTable(positionOf(chain, "B3"), q("accounts")),
                "the rename at B3 is not later than B3 itself");
    }

    @Test
    void anIndexRenamedLaterIsCalledWhatTheDatabaseHolds() {
        Catalog.Builder builder = Catalog.builder().schemas(Set.of("public"));
        builder.tables().put(q("docs"), table("docs", "id", "owner"));
        builder.indexes().put(q("docs_by_owner"), new schemasync.catalog.Index(q("docs_by_owner"), q("docs"), false, "btree",
                "CREATE INDEX docs_by_owner ON public.docs USING btree (owner)", true, false));
        ChangeBlock declare = block("B1", db -> db.ensureIndex("docs_owner_idx").on("docs").columns("owner"));
        ChangeBlock rename = block("B2", db -> db.ensureIndexRenamed("docs_owner_idx", "docs_by_owner"));
        assertEquals(q("docs_by_owner"), fold(builder.build(), declare, rename).currentIndex(0, q("docs_owner_idx")));
        assertEquals(q("docs_owner_idx"), fold(holding(table("docs", "id", "owner")), declare, rename).currentIndex(0, q("docs_owner_idx")));
    }

    @Test
    void aColumnRenamedLaterIsCalledWhatItsTableHoldsEvenWhenTheTableWasRenamedToo() {
        ChangeBlock toMail = block("B3", db -> db.ensureColumnRenamed("users", "email", "mail"));
        assertEquals("email", fold(holding(table("users", "id", "email")), USERS, toMail).currentColumn(0, q("users"), "email"));
        assertEquals("mail", fold(holding(table("users", "id", "mail")), USERS, toMail).currentColumn(0, q("users"), "email"));
        assertEquals("email", fold(EMPTY, USERS, toMail).currentColumn(0, q("users"), "email"), "a table this run creates");
        assertEquals("email", fold(holding(table("users", "id")), USERS, toMail).currentColumn(0, q("users"), "email"),
                "neither name held: the declared one (the planner adds it)");
        // The column rename names the table by its new name: the declaration of B1 still finds the column.
        ChangeBlock onAccounts = block("B3", db -> db.ensureColumnRenamed("accounts", "email", "mail"));
        DesiredState renamedTable = fold(holding(table("accounts", "id", "mail")), USERS, TO_ACCOUNTS, onAccounts);
        assertEquals(q("accounts"), renamedTable.currentTable(0, q("users")));
        assertEquals("mail", renamedTable.currentColumn(0, q("users"), "email"));
        ChangeBlock toAddress = block("B4", db -> db.ensureColumnRenamed("users", "mail", "address"));
        assertEquals("mail", fold(holding(table("users", "id", "mail")), USERS, toMail, toAddress).currentColumn(0, q("users"), "email"),
                "between two column renames: the middle name");
    }

    @Test
    void anIndexDefinitionDeclaredBeforeAColumnRenameIsSpelledWithTheNewNameAndTheLaterTableRenamesAreListed() {
        List<Declaration> declarations = DeclaredSchema.of(List.of(USERS,
                block("B2", db -> db.ensureColumnRenamed("users", "email", "mail")),
                block("B3", db -> db.ensureTableRenamed("users", "accounts")))).declarations();
        DesiredState desired = DesiredState.fold(declarations, holding(table("users", "id", "mail")));
        int columnRename = positionOf(declarations, "B2");
        assertEquals("CREATE INDEX i ON public.users USING btree (mail)",
                desired.currentColumnsIn(0, q("users"), "CREATE INDEX i ON public.users USING btree (email)"));
        assertEquals("CREATE INDEX i ON public.users USING btree (email)",
                desired.currentColumnsIn(columnRename, q("users"), "CREATE INDEX i ON public.users USING btree (email)"),
                "declared with the rename: it does not apply");
        assertEquals(List.of("accounts"), desired.laterTableRenames(0).stream().map(Declaration.RenameDecl::to).toList());
        assertEquals(List.of(), desired.laterTableRenames(positionOf(declarations, "B3")));
    }

    private static int positionOf(List<Declaration> declarations, String block) {
        for (int i = 0; i < declarations.size(); i++) {
            if (declarations.get(i).origin().blockId().equals(block)) return i;
        }
        throw new AssertionError("no declaration of " + block);
    }

    @Test
    void theReplayBetweenTwoPositionsNeedsNoDatabase() {
        List<Declaration> declarations = DeclaredSchema.of(List.of(USERS,
                block("B2", db -> db.ensureColumnRenamed("users", "email", "mail")), block("B3", db -> db.ensureTableRenamed("users", "accounts")),
                block("B4", db -> db.ensureColumnChanged("accounts", "mail").type("varchar(320)")))).declarations();
        DesiredState desired = DesiredState.fold(declarations, Catalog.builder().build());
        int end = Integer.MAX_VALUE;
        assertEquals(q("accounts"), desired.nameAt(schemasync.model.ObjectKind.TABLE, q("users"), 0, end));
        assertEquals(q("users"), desired.nameAt(schemasync.model.ObjectKind.TABLE, q("users"), 0, positionOf(declarations, "B3")),
                "before B3's rename");
        assertEquals(new DesiredState.ColumnName(q("accounts"), "mail"), desired.columnAt(q("users"), "email", 0, end));
        assertEquals("mail IS NOT NULL", desired.sqlAt(q("users"), "email IS NOT NULL", 0, end));
        assertEquals("email IS NOT NULL", desired.sqlAt(q("users"), "email IS NOT NULL", 0, positionOf(declarations, "B2")),
                "before B2's rename");
        assertEquals("text", desired.declaredType(q("accounts"), "mail", declarations.size() - 1),
                "B4 changes the column B1 declared as email on users");
        assertNull(desired.declaredType(q("accounts"), "nothing", declarations.size() - 1));
    }

    // ---- Grants, default privileges and external objects: declared in the fold, not in their planners. ----

    @Test
    void grantsAreDeclaredOnTheirTargetsCurrentNameAndRoutineGrantsUnderTheCatalogsKey() {
        List<Declaration> declarations = DeclaredSchema.of(List.of(USERS,
                block("B2", db -> db.ensureGrant("users", "reader", Privilege.SELECT).ensureSchemaGrant("public", "reader", Privilege.USAGE)
                        .ensureFunctionGrant("f(int)", "reader", Privilege.EXECUTE)
                        .ensureDefaultPrivileges(NewObjects.TABLES, "reader", Privilege.SELECT).inSchema("public")),
                block("B3", db -> db.ensureTableRenamed("users", "accounts")))).declarations();
        DesiredState desired = DesiredState.fold(declarations, holding(table("accounts", "id", "email")), new DesiredState.Spelling(
                s -> s, s -> s, routine -> routine.equals("public.f(int)") ? "public.f(integer)" : routine, "owner"));
        var accounts = schemasync.catalog.GrantTarget.table(q("accounts"));
        assertTrue(desired.declaresGrant(accounts, "reader", "SELECT"), "the table is accounts on this database");
        assertFalse(desired.declaresGrant(schemasync.catalog.GrantTarget.table(q("users")), "reader", "SELECT"));
        assertFalse(desired.declaresGrant(accounts, "reader", "INSERT"));
        assertTrue(desired.grantsOn(schemasync.catalog.GrantTarget.schema("public")));
        assertTrue(desired.declaresGrant(schemasync.catalog.GrantTarget.function(q("f"), "integer"), "reader", "EXECUTE"));
        assertTrue(desired.declaresDefaultGrant(new schemasync.catalog.DefaultTarget("owner", "public", "TABLES"), "reader", "SELECT"),
                "no FOR ROLE: the role the run connects as");
        assertFalse(desired.declaresDefaultGrant(new schemasync.catalog.DefaultTarget("owner", null, "TABLES"), "reader", "SELECT"));
    }

    @Test
    void externalObjectsAreDeclaredByTheirIds() {
        DesiredState desired = fold(EMPTY, block("E1", db -> db.ensureForeignServer("films", "postgres_fdw")
                .ensureUserMapping("films", "app", m -> m.option("user", "reader"))
                .ensureForeignTable("remote_films", "films", t -> t.column("code", "text"))
                .ensurePublication("sales", p -> p.table("orders"))
                .ensureEventTrigger("audit_ddl", "ddl_command_end", "public.audit_ddl()")));
        assertEquals("E1", desired.origin(DesiredState.foreignServer("films")).blockId());
        assertTrue(desired.declares(DesiredState.userMapping("app@films")));
        assertTrue(desired.declares(DesiredState.foreignTable(q("remote_films"))));
        assertTrue(desired.declares(DesiredState.publication("sales")));
        assertTrue(desired.declares(DesiredState.eventTrigger("audit_ddl")));
        assertFalse(desired.declares(DesiredState.foreignServer("other")));
        assertFalse(desired.declares(DesiredState.publication("films")), "each under its own kind");
    }
}
