package schemasync.plan;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The map an effect edits while one step is applied ({@link CatalogEdit}): every write replaces the persistent map it
 * holds with the next one ({@link OrderedMap#plus}, {@link OrderedMap#minus}), so the map it started from, a
 * {@link PlanState}'s, is never changed, and {@link #frozen} hands the result to the next state. The effects keep
 * the ordinary {@code Map} operations they read best with (put, remove, replaceAll, removeIf on a view).
 */
final class EditedMap<K, V> extends AbstractMap<K, V> {
    private OrderedMap<K, V> now;

    EditedMap(OrderedMap<K, V> start) {
        this.now = start;
    }

    /** The map as the edits so far leave it: a value no later edit changes. */
    OrderedMap<K, V> frozen() {
        return now;
    }

    @Override
    public V get(Object key) {
        return now.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return now.containsKey(key);
    }

    @Override
    public int size() {
        return now.size();
    }

    @Override
    public V put(K key, V value) {
        V had = now.get(key);
        now = now.plus(key, value);
        return had;
    }

    @Override
    public V remove(Object key) {
        V had = now.get(key);
        now = now.minus(key);
        return had;
    }

    /** {@code oldKey}'s entry under {@code newKey}, in its place ({@link OrderedMap#renamed}). */
    void renamed(K oldKey, K newKey, V value) {
        now = now.renamed(oldKey, newKey, value);
    }

    @Override
    public void clear() {
        now = OrderedMap.empty();
    }

    /** Only the values that change are written (an unchanged map stays the same value). */
    @Override
    public void replaceAll(BiFunction<? super K, ? super V, ? extends V> change) {
        for (Map.Entry<K, V> e : now.entrySet()) {
            V next = change.apply(e.getKey(), e.getValue());
            if (next != e.getValue()) now = now.plus(e.getKey(), next);
        }
    }

    /** Iterates the map as it was when the iteration began; {@code remove} takes the last entry out of the current one. */
    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<K, V>> iterator() {
                Iterator<Map.Entry<K, V>> entries = now.entrySet().iterator();
                return new Iterator<>() {
                    private Map.Entry<K, V> last;

                    public boolean hasNext() {
                        return entries.hasNext();
                    }

                    public Map.Entry<K, V> next() {
                        last = entries.next();
                        return last;
                    }

                    public void remove() {
                        if (last == null) throw new IllegalStateException("next() first");
                        now = now.minus(last.getKey());
                        last = null;
                    }
                };
            }

            @Override
            public int size() {
                return now.size();
            }
        };
    }
}
