package org.concurrencyharness.internal.race;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A long the agent adds to each object of a class with shadowed fields, next to their shadows:
 * which of the class's first {@value #FIELDS} such fields the thread in its epoch has already
 * checked, each read (bit {@code 2i}) or written (bits {@code 2i} and {@code 2i + 1}, a write
 * covering later reads). The upper 48 bits name the thread and its clock as
 * {@link ThreadState#summary} does; the lower 16 are the fields' bits. A stretch of code that
 * touches several fields of one object without synchronising checks them with one look at this
 * long, as BigFoot coalesces checks (Rhodes, Flanagan and Freund, PLDI 2017): once the thread has
 * checked them in an epoch, FastTrack would find every later check of them in it redundant.
 *
 * <p>Read and written without a lock: a lost update only sends the next check the slow way. A
 * clone copies it, as it copies the shadows, so that a clone's fields may go unchecked by the
 * thread that made it, in the epoch it made it.
 */
public final class ObjectSummary {

    /** The name of the field, and of its static accessor, which takes a null holder. */
    public static final String NAME = "$concurrency$summary";

    public static final String DESCRIPTOR = "J";
    public static final String ACCESSOR_DESCRIPTOR = "(Ljava/lang/Object;)J";
    /** How many fields of a class the summary can hold. */
    public static final int FIELDS = 8;

    static final long FIELD_BITS = 0xFFFFL;
    /** Of a thread whose id does not fit: no summary ever names it (no thread has id 0 and this clock). */
    static final long NONE = 0xFFFF_FFFFL << 16;

    private final VarHandle handle;

    private ObjectSummary(VarHandle handle) {
        this.handle = handle;
    }

    /** The bits of a field's check: its read bit, or for a write both. */
    public static long bits(int field, boolean write) {
        return (write ? 3L : 1L) << (2 * field);
    }

    /** The bit a field's check needs set to be left out: its read bit, or for a write its write bit. */
    public static long required(int field, boolean write) {
        return (write ? 2L : 1L) << (2 * field);
    }

    /** What a thread's summary holds for it in this epoch: its id and clock, with no field checked. */
    static long of(int tid, int clock) {
        return tid > 0 && tid <= 0xFFFF ? (long) tid << 48 | (clock & 0xFFFF_FFFFL) << 16 : NONE;
    }

    /** Whether the summary says the thread checked all of {@code required} in this epoch. */
    static boolean covers(long summary, long required, long thread) {
        return (summary & (~FIELD_BITS | required)) == (thread | required);
    }

    /** The summary after the thread checked {@code checked}: added to what it checked in this epoch, if it was this one. */
    static long after(long summary, long checked, long thread) {
        return ((summary & ~FIELD_BITS) == thread ? summary : thread) | checked;
    }

    /** The summary field of a class, or null when this JVM does not let the detector reach it. */
    static ObjectSummary find(Class<?> declaring) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(declaring, MethodHandles.lookup());
            return new ObjectSummary(lookup.findVarHandle(declaring, NAME, long.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    long get(Object holder) {
        return (long) handle.get(holder);
    }

    void set(Object holder, long summary) {
        handle.set(holder, summary);
    }
}
