package org.concurrencyharness.internal.race;

/**
 * The shadows of one object's fields, for fields whose declaring class the agent did not
 * instrument (so it holds no shadow fields), and of volatile fields; indexed by the dense key
 * {@link SiteRegistry} gives each field: a lookup is an array read, with no boxing or hashing.
 *
 * <p>Elements are read without a lock: a reader that misses one takes the lock and finds it, and
 * a reader that sees one sees at least its default state, which is a valid start (see
 * {@link VarState}).
 */
final class DetachedShadows {

    final Round round;
    /**
     * Room for key 0 first: a JDK object's calls are all one variable of key 0, and most
     * objects here are such (each new list or map a program touches); other keys grow it.
     */
    private volatile VarState[] vars = new VarState[1];

    DetachedShadows(Round round) {
        this.round = round;
    }

    VarState of(int key) {
        VarState[] known = vars;
        VarState var;
        return key < known.length && (var = known[key]) != null ? var : create(key);
    }

    /** Once per field of each object: every change to the array happens under this lock, so none is lost. */
    private synchronized VarState create(int key) {
        VarState[] known = vars;
        if (key >= known.length) {
            known = java.util.Arrays.copyOf(known, Math.max(key + 1, known.length * 2));
        }
        VarState var = known[key];
        if (var == null) {
            var = new VarState(round, null);
            known[key] = var;
        }
        vars = known;
        return var;
    }
}
