package schemasync.fleet;

import static schemasync.Blocks.block;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import schemasync.cli.SchemaSyncCli;
import schemasync.db.Connections;
import schemasync.db.DatabaseUrl;
import schemasync.dsl.ChangeBlock;

/** Blocks written once for a tenant, databases to run them on, and the CLI in this JVM. */
final class FleetFixture {
    private FleetFixture() {
    }

    /** A shared lookup table in public, per-tenant accounts referencing it, and an index per tenant. */
    static final List<ChangeBlock> TENANT_BLOCKS = List.of(
            block("C1_Plans", db -> db.ensureTable("public.plans", t -> t.column("id", "integer").primaryKey("id"))),
            block("C2_Accounts", db -> {
                db.ensureSchema("tenant");
                db.ensureTable("tenant.accounts", t -> t
                        .column("id", "bigint")
                        .column("plan_id", "integer")
                        .column("email", "text")
                        .primaryKey("id")
                        .foreignKey("plan_id").references("public.plans", "id"));
                db.ensureIndex("accounts_email_idx").on("tenant.accounts").columns("email");
            }));

    record Run(int exit, String out, String err) {
        List<String> jsonLines() {
            return out.lines().filter(l -> l.startsWith("{")).toList();
        }
    }

    static Run cli(List<? extends ChangeBlock> blocks, Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = SchemaSyncCli.run(args, blocks, env, false, o, e);
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The URL as a user writes it in a variable: a JDBC URL with the user (and password) in it. */
    static String text(DatabaseUrl url) {
        StringBuilder b = new StringBuilder(url.jdbcUrl());
        b.append(url.jdbcUrl().contains("?") ? '&' : '?').append("user=").append(url.properties().getProperty("user"));
        String password = url.properties().getProperty("password");
        if (password != null && !password.isEmpty()) b.append("&password=").append(password);
        return b.toString();
    }

    static void sql(DatabaseUrl url, String... statements) {
        try (Connection c = Connections.open(url); Statement st = c.createStatement()) {
            for (String s : statements) st.execute(s);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void createTenants(DatabaseUrl url, String prefix, int count) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) b.append(String.format("CREATE SCHEMA %s%03d;", prefix, i));
        sql(url, b.toString());
    }
}
