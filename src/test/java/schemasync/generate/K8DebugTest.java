package schemasync.generate;

import java.util.List;
import org.junit.jupiter.api.Test;

class K8DebugTest {
    @Test
    void show() throws Exception {
        try (schemasync.Scenario s = schemasync.Scenario.start()) {
            s.execute("""
                        CREATE TABLE zz_codes (code text PRIMARY KEY, label text NOT NULL);
                        CREATE TABLE zy_rates (code text PRIMARY KEY, rate numeric NOT NULL);
                        CREATE FUNCTION b_label(c text) RETURNS text LANGUAGE sql IMMUTABLE RETURN (SELECT label FROM zz_codes WHERE code = c);
                        CREATE FUNCTION b_first_code() RETURNS text LANGUAGE sql STABLE RETURN (SELECT min(code) FROM zz_codes);
                        CREATE FUNCTION c_rate(c text) RETURNS numeric LANGUAGE sql IMMUTABLE RETURN (SELECT rate FROM zy_rates WHERE code = c);
                        CREATE FUNCTION b_rated(c text) RETURNS numeric LANGUAGE sql IMMUTABLE RETURN c_rate(c) * 2;
                        CREATE TABLE a_items (id bigint PRIMARY KEY, code text NOT NULL DEFAULT b_first_code(),
                            doubled numeric GENERATED ALWAYS AS (b_rated(code)) STORED);
                        CREATE INDEX a_items_label_idx ON a_items (b_label(code));
                    """);
            Source src = Source.read(s.connection, List.of("public"));
            System.out.println("GRAPH " + src.creationOrder().routinesTablesUse());
            Generator.Result r = Generator.generate(s.connection, List.of("public"));
            for (GeneratedBlock b : r.blocks()) {
                System.out.println("BLOCK " + b.className());
                b.calls().forEach(c -> System.out.println("   " + c));
            }
        }
    }
}
