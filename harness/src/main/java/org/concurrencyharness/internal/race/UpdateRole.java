package org.concurrencyharness.internal.race;

/**
 * What a call on a concurrent map's key, or on an atomic, is to a lost update (see ThreadUpdates), fixed when the
 * call is instrumented (see SyncContracts#roleOf): the agent passes the role's ordinal to the hooks, with the value
 * the call writes where it names one (null otherwise).
 */
public enum UpdateRole {
    /** Reads the key or the variable ({@code get}, {@code getOrDefault}): an update may be based on it. */
    READ,
    /** Reads whether the key is present ({@code containsKey}): an update may be based on it. */
    CONTAINS,
    /** Writes it whatever it held, and returns what it held ({@code put}, {@code getAndSet}): completes an update. */
    PUT,
    /** Writes it whatever it held, returning nothing ({@code set}, {@code lazySet}): completes an update. */
    SET,
    /** Writes what it computes from what it reads, atomically ({@code merge}, {@code incrementAndGet}). */
    WRITE,
    /** Writes the value when it returns true ({@code compareAndSet}, {@code replace(k, old, new)}). */
    WRITE_IF_TRUE,
    /** Writes the value when it returns null ({@code putIfAbsent}: the key was absent). */
    WRITE_IF_NULL,
    /** Writes the value (null: removes the key) when it returns one ({@code replace(k, v)}, {@code remove(k)}). */
    WRITE_IF_PRESENT;

    private static final UpdateRole[] ROLES = values();

    static UpdateRole of(int ordinal) {
        return ROLES[ordinal];
    }

    /** Whether an update may be based on it. */
    boolean reads() {
        return this == READ || this == CONTAINS;
    }

    /** Whether it completes an update based on the caller's last read. */
    boolean completes() {
        return this == PUT || this == SET;
    }

    /** Whether the value the hooks are given is what it writes; a WRITE's is computed inside the call. */
    boolean knowsValue() {
        return !reads() && this != WRITE;
    }

    /** Whether the call, which returned that, wrote the key or the variable. */
    boolean wrote(Object result) {
        return switch (this) {
            case READ, CONTAINS -> false;
            case PUT, SET, WRITE -> true;
            case WRITE_IF_TRUE -> Boolean.TRUE.equals(result);
            case WRITE_IF_NULL -> result == null;
            case WRITE_IF_PRESENT -> result != null;
        };
    }
}
