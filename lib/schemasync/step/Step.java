package schemasync.step;

import schemasync.catalog.QualifiedName;

/**
 * One DDL statement the apply will run, named after the statement it emits. Every step answers its
 * own facts ({@link #facts}: phase, lock, whether it creates) and takes a {@link StepVisitor} (the
 * renderer, the hazard classifier), so a new kind of step does not compile until each is given.
 *
 * <p>The records live in one file per object kind ({@link SchemaSteps}, {@link TableSteps},
 * {@link IndexSteps}, {@link ObjectSteps}); {@code Step} extends those holders only so that every
 * step keeps its one name, {@code Step.CreateTable}, wherever it is used.
 */
public sealed interface Step extends SchemaSteps, TableSteps, IndexSteps, ObjectSteps, OptionSteps, ExternalSteps, KindSteps, StatisticsRuleSteps, LineageSteps, OwnerSteps,
        OperatorSteps, OperatorClassSteps, KeySteps,
        TextSearchSteps, ConversionSteps, SecurityLabelSteps permits
        SchemaSteps.CreateSchema, SchemaSteps.CreateExtension, SchemaSteps.CreateEnum, SchemaSteps.AddEnumValue,
        SchemaSteps.CommentOnObject, SchemaSteps.CreateSequence, SchemaSteps.SetSequenceOwner,
        SchemaSteps.CreateCompositeType, SchemaSteps.CreateDomain, SchemaSteps.AddDomainConstraint,
        SchemaSteps.ValidateDomainConstraint,
        TableSteps.CreateTable, TableSteps.AddColumn, TableSteps.SetColumnDefault, TableSteps.AlterColumnType,
        TableSteps.SetNotNull, TableSteps.DropProvingCheck, TableSteps.DropNotNull, TableSteps.AddIdentity,
        TableSteps.SetIdentity, TableSteps.DropColumnDefault, TableSteps.CommentOnTable, TableSteps.CommentOnColumn,
        TableSteps.RenameTable, TableSteps.RenameColumn, TableSteps.DropTable, TableSteps.DropColumn,
        TableSteps.AddConstraint, TableSteps.ValidateConstraint,
        IndexSteps.CreateIndex, IndexSteps.DropIndex, IndexSteps.RetireIndex, IndexSteps.SwapIndex,
        IndexSteps.RenameIndex,
        ObjectSteps.CreateFunction, ObjectSteps.CreateTrigger, ObjectSteps.GrantPrivileges,
        ObjectSteps.AlterDefaultPrivileges, ObjectSteps.CreateAggregate, ObjectSteps.SetRowSecurity,
        ObjectSteps.CreatePolicy, ObjectSteps.CreateView, ObjectSteps.CreatePartition,
        ObjectSteps.CreateMaterializedView, ObjectSteps.DropObject, ObjectSteps.CustomSql,
        OptionSteps.SetStorageParameters, OptionSteps.ClusterOn, OptionSteps.SetPersistence, OptionSteps.SetColumnOption,
        OptionSteps.InheritParent,
        LineageSteps.OnlyThisTable,
        ExternalSteps.CreateServer, ExternalSteps.CreateUserMapping, ExternalSteps.CreateForeignTable, ExternalSteps.AlterOptions,
        ExternalSteps.CreatePublication, ExternalSteps.AlterPublicationTables, ExternalSteps.SetPublicationOptions,
        ExternalSteps.CreateEventTrigger, ExternalSteps.SetEventTriggerEnabled, ExternalSteps.DropExternal,
        KindSteps.CreateCollation, KindSteps.CreateRangeType,
        StatisticsRuleSteps.CreateStatistics, StatisticsRuleSteps.SetStatisticsTarget, StatisticsRuleSteps.CreateRule,
        StatisticsRuleSteps.SetEnabled,
        OwnerSteps.SetOwner,
        OperatorSteps.CreateOperator, OperatorSteps.SetOperatorEstimators, OperatorSteps.DropOperator,
        OperatorSteps.CreateCast, OperatorSteps.DropCast,
        OperatorClassSteps.CreateOperatorFamily, OperatorClassSteps.AddOperatorFamilyMembers, OperatorClassSteps.DropOperatorFamily,
        OperatorClassSteps.CreateOperatorClass, OperatorClassSteps.DropOperatorClass,
        KeySteps.AddPrimaryKey,
        TextSearchSteps.CreateTextSearchDictionary, TextSearchSteps.CreateTextSearchConfiguration,
        TextSearchSteps.AddTextSearchMapping,
        ConversionSteps.CreateConversion,
        SecurityLabelSteps.SetSecurityLabel {

    /** The object the statement creates or alters, for messages. */
    String object();

    /** What the executor and the reports ask about this step, answered by the step itself. */
    Facts facts();

    /** Double dispatch: one visitor method per kind of step, no {@code instanceof} chain. */
    <R> R accept(StepVisitor<R> visitor);

    /**
     * Where the executor runs a step. {@link #TRANSACTION}: in the apply's one transaction, in plan
     * order. The others run after that transaction commits, in plan order: {@link #OWN_TRANSACTION}
     * in a short transaction of their own (VALIDATE CONSTRAINT, so only its SHARE UPDATE EXCLUSIVE
     * lock is held during the scan, not the locks of the whole apply), {@link #NO_TRANSACTION} in
     * autocommit (CREATE/DROP INDEX CONCURRENTLY, which PostgreSQL refuses inside a transaction).
     * Every step after the commit is safe to re-run: a failure leaves either nothing or an object the
     * next plan recognizes (an INVALID index, a NOT VALID check) and finishes.
     */
    enum Phase { TRANSACTION, OWN_TRANSACTION, NO_TRANSACTION }

    /**
     * The relation a step's lock is taken on (null when it locks no existing relation) and the mode
     * it requests, as pg_locks names it (PostgreSQL's table of lock modes in "explicit locking").
     */
    record Lock(QualifiedName relation, String mode) {
        public static final String ACCESS_EXCLUSIVE = "AccessExclusiveLock";
        public static final String SHARE_UPDATE_EXCLUSIVE = "ShareUpdateExclusiveLock";
        public static final String SHARE_ROW_EXCLUSIVE = "ShareRowExclusiveLock";
        /** Objects that are not relations (schemas, types, routines) or relations nobody else can see yet. */
        public static final Lock NO_RELATION = new Lock(null, ACCESS_EXCLUSIVE);

        /** ALTER TABLE's default: most subcommands take ACCESS EXCLUSIVE. */
        public static Lock accessExclusive(QualifiedName relation) {
            return new Lock(relation, ACCESS_EXCLUSIVE);
        }
    }

    /**
     * @param phase         where the executor runs it
     * @param creates       adds an object (counted as "to add") rather than altering one
     * @param lock          the lock it asks for
     * @param indexBuild    builds an index: reads the whole table, so it gets the index statement timeout
     * @param joinsPrevious runs in the same short transaction as the step before it (the second half
     *                      of a pair that must commit together, such as the two renames of a swap)
     */
    record Facts(Phase phase, boolean creates, Lock lock, boolean indexBuild, boolean joinsPrevious) {
        /** A statement that adds an object, in the apply's transaction. */
        static Facts creates(Lock lock) {
            return new Facts(Phase.TRANSACTION, true, lock, false, false);
        }

        /** A statement that alters (or drops) an object, in the apply's transaction. */
        static Facts alters(Lock lock) {
            return new Facts(Phase.TRANSACTION, false, lock, false, false);
        }

        Facts in(Phase phase) {
            return new Facts(phase, creates, lock, indexBuild, joinsPrevious);
        }

        Facts buildingAnIndex() {
            return new Facts(phase, creates, lock, true, joinsPrevious);
        }

        Facts joiningPrevious() {
            return new Facts(phase, creates, lock, indexBuild, true);
        }
    }

    default Phase phase() {
        return facts().phase();
    }

    /** True for statements that add an object (counted as "to add"), false for those that alter one. */
    default boolean creates() {
        return facts().creates();
    }

    default Lock lock() {
        return facts().lock();
    }
}
