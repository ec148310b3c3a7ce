package schemasync.step;

/**
 * One method per kind of {@link Step}, none with a default: a new step does not compile until every
 * visitor (the SQL renderer, the hazard classifier) says what it does with it.
 */
public interface StepVisitor<R> {
    R createSchema(Step.CreateSchema step);

    R createExtension(Step.CreateExtension step);

    R createEnum(Step.CreateEnum step);

    R addEnumValue(Step.AddEnumValue step);

    R commentOnObject(Step.CommentOnObject step);

    R createSequence(Step.CreateSequence step);

    R setSequenceOwner(Step.SetSequenceOwner step);

    R createCompositeType(Step.CreateCompositeType step);

    R createCollation(Step.CreateCollation step);

    R createRangeType(Step.CreateRangeType step);

    R createTextSearchDictionary(Step.CreateTextSearchDictionary step);

    R createTextSearchConfiguration(Step.CreateTextSearchConfiguration step);

    R addTextSearchMapping(Step.AddTextSearchMapping step);

    R createConversion(Step.CreateConversion step);

    R setSecurityLabel(Step.SetSecurityLabel step);

    R createDomain(Step.CreateDomain step);

    R addDomainConstraint(Step.AddDomainConstraint step);

    R validateDomainConstraint(Step.ValidateDomainConstraint step);

    R createTable(Step.CreateTable step);

    R addColumn(Step.AddColumn step);

    R setColumnDefault(Step.SetColumnDefault step);

    R alterColumnType(Step.AlterColumnType step);

    R setNotNull(Step.SetNotNull step);

    R dropProvingCheck(Step.DropProvingCheck step);

    R dropNotNull(Step.DropNotNull step);

    R addIdentity(Step.AddIdentity step);

    R setIdentity(Step.SetIdentity step);

    R dropColumnDefault(Step.DropColumnDefault step);

    R commentOnTable(Step.CommentOnTable step);

    R commentOnColumn(Step.CommentOnColumn step);

    R renameTable(Step.RenameTable step);

    R renameColumn(Step.RenameColumn step);

    R dropTable(Step.DropTable step);

    R dropColumn(Step.DropColumn step);

    R addConstraint(Step.AddConstraint step);

    R validateConstraint(Step.ValidateConstraint step);

    R createIndex(Step.CreateIndex step);

    R dropIndex(Step.DropIndex step);

    R retireIndex(Step.RetireIndex step);

    R swapIndex(Step.SwapIndex step);

    R renameIndex(Step.RenameIndex step);

    R createFunction(Step.CreateFunction step);

    R createTrigger(Step.CreateTrigger step);

    R grantPrivileges(Step.GrantPrivileges step);

    R alterDefaultPrivileges(Step.AlterDefaultPrivileges step);

    R createAggregate(Step.CreateAggregate step);

    R setRowSecurity(Step.SetRowSecurity step);

    R createPolicy(Step.CreatePolicy step);

    R createView(Step.CreateView step);

    R createPartition(Step.CreatePartition step);

    R createMaterializedView(Step.CreateMaterializedView step);

    R dropObject(Step.DropObject step);

    R customSql(Step.CustomSql step);

    R setStorageParameters(Step.SetStorageParameters step);

    R clusterOn(Step.ClusterOn step);

    R setPersistence(Step.SetPersistence step);

    R setColumnOption(Step.SetColumnOption step);

    R inheritParent(Step.InheritParent step);

    R onlyThisTable(LineageSteps.OnlyThisTable step);
    // Foreign servers, user mappings, foreign tables, publications, event triggers (ExternalSteps).

    R createServer(ExternalSteps.CreateServer step);

    R createUserMapping(ExternalSteps.CreateUserMapping step);

    R createForeignTable(ExternalSteps.CreateForeignTable step);

    R alterOptions(ExternalSteps.AlterOptions step);

    R createPublication(ExternalSteps.CreatePublication step);

    R alterPublicationTables(ExternalSteps.AlterPublicationTables step);

    R setPublicationOptions(ExternalSteps.SetPublicationOptions step);

    R createEventTrigger(ExternalSteps.CreateEventTrigger step);

    R setEventTriggerEnabled(ExternalSteps.SetEventTriggerEnabled step);

    R dropExternal(ExternalSteps.DropExternal step);

    // Extended statistics and rules (StatisticsRuleSteps).

    R createStatistics(StatisticsRuleSteps.CreateStatistics step);

    R setStatisticsTarget(StatisticsRuleSteps.SetStatisticsTarget step);
    R setEnabled(StatisticsRuleSteps.SetEnabled step);

    R createRule(StatisticsRuleSteps.CreateRule step);

    R setOwner(OwnerSteps.SetOwner step);

    // Operators and casts (OperatorSteps).

    R createOperator(OperatorSteps.CreateOperator step);

    R setOperatorEstimators(OperatorSteps.SetOperatorEstimators step);

    R dropOperator(OperatorSteps.DropOperator step);

    R createCast(OperatorSteps.CreateCast step);

    R dropCast(OperatorSteps.DropCast step);

    // Operator families and classes (OperatorClassSteps).

    R createOperatorFamily(OperatorClassSteps.CreateOperatorFamily step);

    R addOperatorFamilyMembers(OperatorClassSteps.AddOperatorFamilyMembers step);

    R dropOperatorFamily(OperatorClassSteps.DropOperatorFamily step);

    R createOperatorClass(OperatorClassSteps.CreateOperatorClass step);

    R dropOperatorClass(OperatorClassSteps.DropOperatorClass step);
    R addPrimaryKey(KeySteps.AddPrimaryKey step);
}
