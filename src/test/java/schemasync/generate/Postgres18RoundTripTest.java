package schemasync.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import schemasync.Scenario;
import schemasync.verify.RoundTrip;

/**
 * PostgreSQL 18's new schema features that round-trip today: uuidv7() defaults, VIRTUAL generated columns,
 * NOT ENFORCED CHECK and FOREIGN KEY constraints, WITHOUT OVERLAPS primary keys and UNIQUE constraints, PERIOD foreign
 * keys and the names of NOT NULL constraints (18 keeps them in pg_constraint: a name of one's own, or a renamed column's
 * old one, is carried; PostgreSQL's default stays invisible). Runs when the test server is 18+:
 * {@code scripts/corpus-roundtrip.sh 18}.
 */
class Postgres18RoundTripTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE TABLE ids (id uuid PRIMARY KEY DEFAULT uuidv7())",
            "CREATE TABLE lines (price numeric, qty int, total numeric GENERATED ALWAYS AS (price * qty) VIRTUAL,"
                    + " stored numeric GENERATED ALWAYS AS (price * 2) STORED)",
            "CREATE TABLE parents (id int PRIMARY KEY); CREATE TABLE kids (id int PRIMARY KEY, parent int, qty int,"
                    + " CONSTRAINT kids_parent_fkey FOREIGN KEY (parent) REFERENCES parents NOT ENFORCED,"
                    + " CONSTRAINT kids_other_fkey FOREIGN KEY (qty) REFERENCES parents ON DELETE CASCADE NOT ENFORCED,"
                    + " CONSTRAINT qty_positive CHECK (qty > 0) NOT ENFORCED, CONSTRAINT qty_small CHECK (qty < 100))",
            "CREATE EXTENSION btree_gist; CREATE TABLE rooms (id int, valid_at tstzrange, name text,"
                    + " PRIMARY KEY (id, valid_at WITHOUT OVERLAPS));"
                    + " CREATE TABLE bookings (id int PRIMARY KEY, room int, during daterange,"
                    + " CONSTRAINT bookings_room_during_key UNIQUE (room, during WITHOUT OVERLAPS),"
                    + " CONSTRAINT bookings_named UNIQUE (id, during WITHOUT OVERLAPS) INCLUDE (room))",
            "CREATE EXTENSION btree_gist; CREATE TABLE rooms (id int, valid_at daterange, code text,"
                    + " PRIMARY KEY (id, valid_at WITHOUT OVERLAPS), UNIQUE (code, valid_at WITHOUT OVERLAPS));"
                    + " CREATE TABLE stays (id int PRIMARY KEY, room int, code text, during daterange,"
                    + " FOREIGN KEY (room, PERIOD during) REFERENCES rooms,"
                    + " CONSTRAINT stays_by_code FOREIGN KEY (code, PERIOD during) REFERENCES rooms (code, PERIOD valid_at)"
                    + " ON UPDATE NO ACTION DEFERRABLE)",
            "CREATE TABLE accounts (id int CONSTRAINT id_present NOT NULL PRIMARY KEY, email text CONSTRAINT email_required NOT NULL,"
                    + " nick text NOT NULL, note text); ALTER TABLE accounts RENAME COLUMN nick TO handle;"
                    + " CREATE TABLE counters (n serial CONSTRAINT n_present NOT NULL)",
            // A partition's own NOT NULL, named and not (the parent's stays the parent's, inherited under its name).
            "CREATE TABLE events (kind text CONSTRAINT kind_given NOT NULL, code text, note text) PARTITION BY LIST (kind);"
                    + " CREATE TABLE events_a PARTITION OF events (code CONSTRAINT code_given NOT NULL) FOR VALUES IN ('a');"
                    + " CREATE TABLE events_b PARTITION OF events (note NOT NULL) FOR VALUES IN ('b')",
            "CREATE EXTENSION btree_gist; CREATE TYPE slot AS (id int, valid tstzrange, note text);"
                    + " CREATE TABLE slots OF slot (PRIMARY KEY (id, valid WITHOUT OVERLAPS), note WITH OPTIONS CONSTRAINT note_given NOT NULL)"})
    void roundTrips(String sql) throws Exception {
        try (Scenario source = Scenario.start(); Scenario target = Scenario.start()) {
            Assumptions.assumeTrue(Integer.parseInt(source.queryString("SHOW server_version_num")) >= 180000, "PostgreSQL 18+");
            source.execute(sql);
            RoundTrip.Report report = ExactRoundTrip.run(source, SchemaSelection.all().resolve(source.connection), target);
            report.generated().carried().forEach(c -> System.out.println("  custom step: " + c.what() + " (" + c.why() + ")"));
            report.diff().differences().forEach(d -> System.out.println("  difference: " + d));
            report.sourceDrift().forEach(d -> System.out.println("  drift against the source: " + d));
            report.generated().notCarried().forEach(d -> System.out.println("  not carried: " + d));
            assertEquals(List.of(), report.diff().differences(), "catalog differences");
            assertEquals(List.of(), report.sourcePlan(), "plan against the source");
            assertEquals(List.of(), report.sourceDrift(), "drift against the source");
            assertEquals(List.of(), report.targetPlan(), "plan against the copy");
            assertEquals(List.of(), report.targetDrift(), "drift against the copy");
            assertEquals(List.of(), report.generated().carried(), "custom steps");
        }
    }
}
