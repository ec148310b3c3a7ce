package schemasync.generate;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import schemasync.generate.CorpusKindsRoundTripTest.Fixture;

/**
 * The table-attached kinds of issue 13 (triggers with transition tables and UPDATE OF, key options,
 * NULLS NOT DISTINCT indexes), each round-tripped with the shared proof ({@link ExactRoundTrip}): generate with the
 * defaults, apply to an empty database, zero differences, zero custom steps, empty plans both ways.
 */
class TableAttachedKindsRoundTripTest {

    static List<Fixture> fixtures() {
        return List.of(
                new Fixture("triggers with REFERENCING transition tables and UPDATE OF columns", """
                        CREATE TABLE accounts (id bigint PRIMARY KEY, balance numeric NOT NULL, "Owner" text);
                        CREATE TABLE audit_counts (n bigint);
                        CREATE FUNCTION count_rows() RETURNS trigger LANGUAGE plpgsql AS $$
                            BEGIN INSERT INTO audit_counts SELECT count(*) FROM "New Rows"; RETURN NULL; END $$;
                        CREATE FUNCTION noop() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
                        CREATE TRIGGER accounts_changed AFTER UPDATE ON accounts
                            REFERENCING OLD TABLE AS old_rows NEW TABLE AS "New Rows" FOR EACH STATEMENT EXECUTE FUNCTION count_rows();
                        CREATE TRIGGER accounts_deleted AFTER DELETE ON accounts
                            REFERENCING OLD TABLE AS gone FOR EACH ROW EXECUTE FUNCTION noop();
                        CREATE TRIGGER accounts_balance BEFORE UPDATE OF balance, "Owner" ON accounts
                            FOR EACH ROW EXECUTE FUNCTION noop();
                        """),
                new Fixture("UNIQUE with INCLUDE and DEFERRABLE [INITIALLY DEFERRED]; indexes with NULLS NOT DISTINCT (PG 15+)", """
                        CREATE TABLE slots (id bigint PRIMARY KEY, seat int, label text, "Code" text, note text,
                            UNIQUE (seat) DEFERRABLE INITIALLY DEFERRED,
                            CONSTRAINT slots_code_uq UNIQUE ("Code") INCLUDE (label, note) DEFERRABLE);
                        DO $$ BEGIN
                            IF current_setting('server_version_num')::int >= 150000 THEN
                                EXECUTE 'ALTER TABLE slots ADD UNIQUE NULLS NOT DISTINCT (label, note) INCLUDE ("Code")';
                                EXECUTE 'CREATE UNIQUE INDEX slots_label_idx ON slots (label) INCLUDE (note) NULLS NOT DISTINCT WHERE seat > 0';
                                EXECUTE 'CREATE UNIQUE INDEX slots_note_idx ON slots (lower(note)) NULLS NOT DISTINCT';
                            END IF;
                        END $$;
                        """),
                new Fixture("storage parameters of a primary key's and a UNIQUE constraint's index", """
                        CREATE TABLE filled (id bigint, code text, other text,
                            CONSTRAINT filled_pk PRIMARY KEY (id) WITH (fillfactor = 70),
                            UNIQUE (code) INCLUDE (other) WITH (fillfactor = 80, deduplicate_items = off) DEFERRABLE);
                        ALTER TABLE filled CLUSTER ON filled_pk;
                        """),
                new Fixture("a primary key with INCLUDE and DEFERRABLE INITIALLY DEFERRED, another DEFERRABLE with storage", """
                        CREATE TABLE ledger (id bigint, seq int, note text, PRIMARY KEY (id, seq) INCLUDE (note) DEFERRABLE INITIALLY DEFERRED);
                        CREATE TABLE slots (id bigint PRIMARY KEY WITH (fillfactor = 60) DEFERRABLE);
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void roundTripsExactly(Fixture fixture) throws Exception {
        ExactRoundTrip.assertExact(fixture.name(), 0, fixture.sql());
    }
}
