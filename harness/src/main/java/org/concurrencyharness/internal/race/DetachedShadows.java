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
    private volatile VarState[] vars = new VarState[8];

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
