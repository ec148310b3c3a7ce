package schemasync.dsl;

import org.jooq.Field;

/**
 * A column default: an SQL expression in PostgreSQL syntax ({@code dflt("now()")},
 * {@code dflt("'active'")}, {@code dflt("0")}) or a jOOQ field ({@code dflt(DSL.currentTimestamp())}).
 */
public record Default(String sql) {

    public static Default dflt(String sqlExpression) {
        return new Default(sqlExpression == null ? null : sqlExpression.strip());
    }

    public static Default dflt(Field<?> field) {
        return new Default(ColumnType.render(field));
    }
}
