package schemasync.fleet;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import schemasync.SchemaSyncException;

/**
 * {@code --shard i/n}: this process handles the units whose stable hash falls in bucket i of n. The
 * hash is CRC-32 of the unit's name in UTF-8 (the same in every JVM, every run, every machine), so
 * n processes started by any job engine (a Kubernetes Indexed Job, a CI matrix) with i = 0..n-1
 * together handle every unit exactly once, without talking to each other.
 */
public record Shard(int index, int count) {
    public static final Shard ALL = new Shard(0, 1);

    public Shard {
        if (count < 1) throw SchemaSyncException.badInput("--shard i/n: n must be at least 1, not " + count);
        if (index < 0 || index >= count) {
            throw SchemaSyncException.badInput("--shard i/n: i must be from 0 to " + (count - 1) + ", not " + index);
        }
    }

    /** {@code "3/8"}; Kubernetes fills i from the pod's index with {@code $(JOB_COMPLETION_INDEX)/8}. */
    public static Shard parse(String text) {
        if (text == null) return ALL;
        String[] parts = text.strip().split("/", -1);
        if (parts.length != 2 || !parts[0].matches("[0-9]{1,9}") || !parts[1].matches("[0-9]{1,9}")) {
            throw SchemaSyncException.badInput("--shard takes i/n (e.g. 0/4: the first of four shards), not \"" + text + "\"");
        }
        return new Shard(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    public static int bucket(String name, int count) {
        CRC32 crc = new CRC32();
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % count);
    }

    public boolean owns(String unitName) {
        return count == 1 || bucket(unitName, count) == index;
    }

    public List<Unit> select(List<Unit> units) {
        return units.stream().filter(u -> owns(u.name())).toList();
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
