package schemasync.generate;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import schemasync.generate.CorpusKindsRoundTripTest.Fixture;

/**
 * Extended statistics and rules (issue 13), each round-tripped with CorpusKindsRoundTripTest's proof: generate with
 * the defaults, apply to an empty database, zero differences, zero custom steps, empty plans both ways.
 */
class StatisticsRuleRoundTripTest {

    static List<Fixture> fixtures() {
        return List.of(
                new Fixture("extended statistics: kinds, default kinds, a target, another schema, expressions (PG 14+)", """
                        CREATE SCHEMA geo;
                        CREATE TABLE geo.address (id bigint PRIMARY KEY, city text, "Postal Code" text, street text);
                        CREATE STATISTICS geo.s_city_zip (ndistinct, dependencies) ON city, "Postal Code" FROM geo.address;
                        ALTER STATISTICS geo.s_city_zip SET STATISTICS 500;
                        CREATE STATISTICS s_all ON city, street, "Postal Code" FROM geo.address;
                        DO $$ BEGIN
                            IF current_setting('server_version_num')::int >= 140000 THEN
                                EXECUTE 'CREATE STATISTICS geo.s_lower ON (lower(city)) FROM geo.address';
                                EXECUTE 'CREATE STATISTICS geo.s_mixed (mcv) ON street, (lower(city) || street) FROM geo.address';
                            END IF;
                        END $$;
                        """),
                new Fixture("rules on tables and views: INSTEAD NOTHING, a condition, a multi-action list, a view's INSERT", """
                        CREATE TABLE orders (id bigint PRIMARY KEY, qty integer);
                        CREATE TABLE orders_log (id bigint, qty integer, at text DEFAULT 'x  y');
                        CREATE FUNCTION positive(integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT $1 > 0 $$;
                        CREATE VIEW big_orders AS SELECT id, qty FROM orders WHERE qty > 10;
                        CREATE RULE orders_no_delete AS ON DELETE TO orders DO INSTEAD NOTHING;
                        CREATE RULE orders_log_insert AS ON INSERT TO orders WHERE positive(new.qty) DO ALSO
                            (INSERT INTO orders_log VALUES (new.id, new.qty, 'a  b'); INSERT INTO orders_log VALUES (new.id, -new.qty));
                        CREATE RULE big_orders_insert AS ON INSERT TO big_orders DO INSTEAD INSERT INTO orders VALUES (new.id, new.qty);
                        CREATE RULE "Orders Update" AS ON UPDATE TO orders DO ALSO NOTIFY orders_changed;
                        """),
                new Fixture("a rule's enabled state (each of the four) and comments on rules and statistics objects", """
                        CREATE SCHEMA sales;
                        CREATE TABLE sales.orders (id bigint PRIMARY KEY, qty integer, city text);
                        CREATE STATISTICS sales.s_orders ON qty, city FROM sales.orders;
                        COMMENT ON STATISTICS sales.s_orders IS 'Qty by city, it''s correlated';
                        CREATE RULE r_origin AS ON DELETE TO sales.orders WHERE old.qty < 0 DO INSTEAD NOTHING;
                        CREATE RULE r_disabled AS ON DELETE TO sales.orders WHERE old.qty = 0 DO INSTEAD NOTHING;
                        CREATE RULE r_replica AS ON UPDATE TO sales.orders DO ALSO NOTIFY replica_changed;
                        CREATE RULE "R Always" AS ON INSERT TO sales.orders DO ALSO NOTIFY always_changed;
                        ALTER TABLE sales.orders DISABLE RULE r_disabled;
                        ALTER TABLE sales.orders ENABLE REPLICA RULE r_replica;
                        ALTER TABLE sales.orders ENABLE ALWAYS RULE "R Always";
                        COMMENT ON RULE r_disabled ON sales.orders IS 'Kept for the migration';
                        COMMENT ON RULE "R Always" ON sales.orders IS 'Fires on replicas too';
                        """),
                new Fixture("a trigger's enabled state (each of the four)", """
                        CREATE TABLE items (id bigint PRIMARY KEY, touched timestamptz);
                        CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.touched := now(); RETURN NEW; END $$;
                        CREATE TRIGGER t_origin BEFORE UPDATE ON items FOR EACH ROW EXECUTE FUNCTION touch();
                        CREATE TRIGGER t_disabled BEFORE INSERT ON items FOR EACH ROW EXECUTE FUNCTION touch();
                        CREATE TRIGGER t_replica BEFORE INSERT OR UPDATE ON items FOR EACH ROW EXECUTE FUNCTION touch();
                        CREATE TRIGGER "T Always" BEFORE UPDATE ON items FOR EACH ROW WHEN (old.id <> new.id) EXECUTE FUNCTION touch();
                        ALTER TABLE items DISABLE TRIGGER t_disabled;
                        ALTER TABLE items ENABLE REPLICA TRIGGER t_replica;
                        ALTER TABLE items ENABLE ALWAYS TRIGGER "T Always";
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void roundTripsExactly(Fixture fixture) throws Exception {
        new CorpusKindsRoundTripTest().roundTripsExactly(fixture);
    }
}
