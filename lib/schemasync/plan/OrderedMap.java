package schemasync.plan;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.pcollections.AbstractUnmodifiableMap;
import org.pcollections.HashPMap;
import org.pcollections.HashTreePMap;
import org.pcollections.TreePMap;

/**
 * A persistent map that iterates in insertion order, as the {@code LinkedHashMap}s of a {@link schemasync.catalog.Catalog}
 * do (replacing a value keeps its place; a removed key put again goes last). {@link #plus} and {@link #minus} return a
 * new map that shares all but O(log n) of this one, which never changes: the planner's states ({@link PlanState}) are
 * values, and a step costs what its effect costs. pcollections' {@code OrderedPMap} keeps the same order but answers
 * {@code containsKey} by walking every entry; here the hash index answers it.
 */
final class OrderedMap<K, V> extends AbstractUnmodifiableMap<K, V> {
    /** A value and its place in the iteration order. */
    private record Slot<V>(long place, V value) {
    }

    private static final OrderedMap<?, ?> EMPTY = new OrderedMap<>(HashTreePMap.empty(), TreePMap.empty());

    private final HashPMap<K, Slot<V>> slots;
    private final TreePMap<Long, K> order;

    private OrderedMap(HashPMap<K, Slot<V>> slots, TreePMap<Long, K> order) {
        this.slots = slots;
        this.order = order;
    }

    @SuppressWarnings("unchecked")
    static <K, V> OrderedMap<K, V> empty() {
        return (OrderedMap<K, V>) EMPTY;
    }

    /** The entries of {@code map} in its iteration order: a new map, built once per plan from the catalog's. */
    static <K, V> OrderedMap<K, V> from(Map<? extends K, ? extends V> map) {
        OrderedMap<K, V> out = empty();
        for (Map.Entry<? extends K, ? extends V> e : map.entrySet()) out = out.plus(e.getKey(), e.getValue());
        return out;
    }

    /** This map with {@code key} mapped to {@code value}: in its place when the key is here, else last. */
    OrderedMap<K, V> plus(K key, V value) {
        Slot<V> had = slots.get(key);
        if (had != null) return had.value() == value ? this : new OrderedMap<>(slots.plus(key, new Slot<>(had.place(), value)), order);
        long place = order.isEmpty() ? 0 : order.lastKey() + 1;
        return new OrderedMap<>(slots.plus(key, new Slot<>(place, value)), order.plus(place, key));
    }

    /**
     * This map with {@code oldKey}'s entry under {@code newKey} with {@code value}, in {@code oldKey}'s place (ALTER ...
     * RENAME keeps an object where it was; a catalog read after it lists it there too), in O(log n). An entry already
     * under {@code newKey} is replaced; without {@code oldKey}, this is {@link #plus}.
     */
    OrderedMap<K, V> renamed(K oldKey, K newKey, V value) {
        Slot<V> had = slots.get(oldKey);
        if (had == null) return plus(newKey, value);
        if (oldKey.equals(newKey)) return plus(newKey, value);
        OrderedMap<K, V> without = minus(newKey);
        return new OrderedMap<>(without.slots.minus(oldKey).plus(newKey, new Slot<>(had.place(), value)),
                without.order.plus(had.place(), newKey));
    }

    OrderedMap<K, V> minus(Object key) {
        Slot<V> had = slots.get(key);
        return had == null ? this : new OrderedMap<>(slots.minus(key), order.minus(had.place()));
    }

    @Override
    public V get(Object key) {
        Slot<V> slot = slots.get(key);
        return slot == null ? null : slot.value();
    }

    @Override
    public boolean containsKey(Object key) {
        return slots.containsKey(key);
    }

    @Override
    public int size() {
        return slots.size();
    }

    @Override
    public boolean isEmpty() {
        return slots.isEmpty();
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<K, V>> iterator() {
                Iterator<K> keys = order.values().iterator();
                return new Iterator<>() {
                    public boolean hasNext() {
                        return keys.hasNext();
                    }

                    public Map.Entry<K, V> next() {
                        K key = keys.next();
                        return new AbstractMap.SimpleImmutableEntry<>(key, slots.get(key).value());
                    }
                };
            }

            @Override
            public int size() {
                return slots.size();
            }

            @Override
            public boolean contains(Object o) {
                return o instanceof Map.Entry<?, ?> e && slots.containsKey(e.getKey())
                        && java.util.Objects.equals(get(e.getKey()), e.getValue());
            }
        };
    }
}
