package schemasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import schemasync.db.DatabaseUrl;

/** DATABASE_URL in the platform form and JDBC form; the password never reaches the display form. */
class DatabaseUrlTest {

    @Test
    void platformFormWithPercentEncodedCredentials() {
        DatabaseUrl u = DatabaseUrl.parse("postgresql://app%40corp:s3cr%3At+x%2F@db.example.com:5432/app?sslmode=require");
        assertEquals("jdbc:postgresql://db.example.com:5432/app", u.jdbcUrl());
        assertEquals("app@corp", u.properties().getProperty("user"));
        assertEquals("s3cr:t+x/", u.properties().getProperty("password"), "'+' stays '+' (RFC 3986, not form encoding)");
        assertEquals("require", u.properties().getProperty("sslmode"));
        assertEquals("postgresql://app@corp@db.example.com:5432/app?sslmode=require", u.display());
    }

    @Test
    void herokuStyleWithAtSignInPasswordSplitsAtTheLastAt() {
        DatabaseUrl u = DatabaseUrl.parse("postgres://u:p@ss@host/db");
        assertEquals("p@ss", u.properties().getProperty("password"));
        assertEquals("jdbc:postgresql://host/db", u.jdbcUrl());
        assertFalse(u.display().contains("p@ss"));
    }

    @Test
    void ipv6MultipleHostsAndMissingPortAreKeptVerbatim() {
        assertEquals("jdbc:postgresql://[::1]:5433/db", DatabaseUrl.parse("postgres://u@[::1]:5433/db").jdbcUrl());
        assertEquals("jdbc:postgresql://h1:5432,h2/db", DatabaseUrl.parse("postgres://h1:5432,h2/db").jdbcUrl());
        assertEquals("jdbc:postgresql://localhost/", DatabaseUrl.parse("postgresql://").jdbcUrl());
    }

    @Test
    void libpqParametersMapToPgjdbc() {
        DatabaseUrl u = DatabaseUrl.parse("postgres://h/db?application_name=web&connect_timeout=3"
                + "&target_session_attrs=read-write&sslrootcert=/etc/ca.pem");
        assertEquals("web", u.properties().getProperty("ApplicationName"));
        assertEquals("3", u.properties().getProperty("connectTimeout"));
        assertEquals("primary", u.properties().getProperty("targetServerType"));
        assertEquals("/etc/ca.pem", u.properties().getProperty("sslrootcert"));
    }

    @Test
    void jdbcFormMovesCredentialsOutOfTheUrl() {
        DatabaseUrl u = DatabaseUrl.parse("jdbc:postgresql://h:5432/db?user=app&password=hunter2&sslmode=verify-full");
        assertEquals("jdbc:postgresql://h:5432/db?sslmode=verify-full", u.jdbcUrl());
        assertEquals("hunter2", u.properties().getProperty("password"));
        assertFalse(u.display().contains("hunter2"));
        assertFalse(u.toString().contains("hunter2"));
    }

    @Test
    void badUrlsAreBadInputWithoutEchoingThem() {
        var e = assertThrows(SchemaSyncException.class, () -> DatabaseUrl.parse("mysql://root:hunter2@h/db"));
        assertEquals(SchemaSyncException.Code.BAD_INPUT, e.code());
        assertFalse(e.getMessage().contains("hunter2"));
        assertThrows(SchemaSyncException.class, () -> DatabaseUrl.parse("jdbc:postgresql://root:hunter2@h/db"));
        assertThrows(SchemaSyncException.class, () -> DatabaseUrl.parse("postgres://u:%zz@h/db"));
    }
}
