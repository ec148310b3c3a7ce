package schemasync.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The body of {@code ensurePolicy(name)}: {@code .on(table)}, then command, roles and expressions. */
public final class PolicyBuilder {
    final String name;
    String table;
    boolean permissive = true;
    String command = "ALL";
    final List<String> roles = new ArrayList<>();
    String using;
    String withCheck;

    PolicyBuilder(String name) {
        this.name = name;
    }

    public PolicyBuilder on(String tableName) {
        this.table = tableName;
        return this;
    }

    /** {@code PolicyCommand.ALL} (the default), SELECT, INSERT, UPDATE or DELETE. */
    public PolicyBuilder forCommand(PolicyCommand sqlCommand) {
        this.command = sqlCommand == null ? null : sqlCommand.name();
        return this;
    }

    /** Deprecated spelling: {@code forCommand(PolicyCommand.SELECT)}. */
    @Deprecated(since = "0.1.0", forRemoval = true)
    public PolicyBuilder forCommand(String sqlCommand) {
        Deprecations.warn("forCommand(\"" + sqlCommand + "\")", "forCommand(PolicyCommand." + (sqlCommand == null ? "SELECT"
                : sqlCommand.strip().toUpperCase(Locale.ROOT)) + ")");
        this.command = sqlCommand == null ? null : sqlCommand.strip().toUpperCase(Locale.ROOT);
        return this;
    }

    /** The roles it applies to (default: PUBLIC). */
    public PolicyBuilder to(String... roleNames) {
        roles.addAll(List.of(roleNames));
        return this;
    }

    /** RESTRICTIVE: must pass in addition to the permissive policies (default PERMISSIVE). */
    public PolicyBuilder restrictive() {
        this.permissive = false;
        return this;
    }

    /** USING (condition): which existing rows are visible or affected. */
    public PolicyBuilder using(String conditionSql) {
        this.using = conditionSql;
        return this;
    }

    /** WITH CHECK (condition): which new rows may be written. */
    public PolicyBuilder withCheck(String conditionSql) {
        this.withCheck = conditionSql;
        return this;
    }
}
