package org.concurrencyharness.internal.race;

/**
 * What the detector knows of one thread in its present round: its id, its vector clock, and the
 * round's shadows it records into. Only its own thread changes it, except for a joiner reading a
 * finished thread's clock. No other clock ever holds more of this thread's steps than its own,
 * so joins leave its own entry alone.
 *
 * <p>A thread keeps one state for the whole run: when a hand-off adopts it into a new round,
 * {@link #enter} starts it afresh there. So a method that runs across the change of rounds, and
 * keeps the state in a local, records into the new round at once.
 */
final class ThreadState {

    int tid;
    String name;
    VectorClock clock;
    Round round;

    /** The shadows of the objects, arrays and locks this thread touched last: loops touch the same ones. */
    RecentShadows<DetachedShadows> holders;

    RecentShadows<ElementShadows> arrays;
    RecentShadows<VectorClock> syncs;
    RecentShadows<VectorClock> monitors;
    /**
     * By element access site (its number's low bits), the shadows of the array this thread
     * accessed there last: a method's own cache of a site's shadows is a local, empty on each
     * call, and a method called over and over (a parser's next token) would otherwise look its
     * buffer up on each call. Shadows found here are the array's only if they say so (see
     * Hooks#elementRead), so sites that share a slot only miss. Made on the first look.
     */
    private ElementShadows[] siteArrays;

    private static final int SITE_ARRAYS = 1024;

    /** The keys of the volatile fields of the objects this thread synchronised through last. */
    RecentShadows<VolatileKey.FieldKeys> volatiles;

    /**
     * The range of an array this thread last checked whole, reads or writes (which cover reads),
     * in its present epoch: checking any part of it again in this epoch, FastTrack would find
     * nothing new, as with an object's summary (see {@link ObjectSummary}). So a loop run over
     * and over checks its range once an epoch.
     */
    private Object rangeArray;

    private long rangeEpoch;
    private int rangeFirst;
    private int rangeLast;
    private int rangeStride;
    private boolean rangeWrite;

    /**
     * The synchronising objects whose calls this thread is inside of, innermost last: code the JDK
     * calls back from inside (a key's {@code equals} in a map lookup, a comparator) runs after the
     * call synchronised, so what it finds racy is first checked again against those objects.
     * A call that threw leaves its entry behind, which can hide a race but never invent one.
     */
    private final Object[] inside = new Object[4];

    private int insideDepth;
    /**
     * How many of those are objects of a library's classes that keep a {@code java.util.concurrent}
     * contract (a lock-free map, a queue): their code is the contract's implementation, trusted as
     * the JDK's own is, so its accesses are not checked while the call lasts; what the program's
     * code does inside (a callback) still is.
     */
    private int trusted;

    /**
     * Reads made between a {@code StampedLock}'s {@code tryOptimisticRead} and its {@code validate}:
     * checked only if the read is validated, as a failed one is thrown away by the program.
     */
    private boolean speculating;

    private VarState[] deferredVars = new VarState[8];
    private long[] deferredWrites = new long[8];
    private int[] deferredWriteSites = new int[8];
    private int[] deferredSites = new int[8];
    private String[] deferredNames = new String[8];
    private int deferred;

    /**
     * How deep this thread is in class initialisers: what it does there is not checked, as the
     * JVM's initialisation lock orders a class's initialisation before every other thread's use
     * of the class, and so before their use of what it built (a static final table, a singleton).
     */
    int initializing;

    /**
     * The project's calls into libraries this thread is inside of, innermost last, by site: an
     * access in a library's code is reported with the project's call it was made under.
     */
    private int[] userCalls = new int[8];

    private int userDepth;
    /**
     * The sites of library accesses made under the project's calls, by the pair, as SiteRegistry
     * made them: a cache of sets of four ways, the newest first, so that most accesses find theirs
     * without its lock. A service's few calls into a library reach a few thousand of its sites
     * each, and with two ways the pairs that met in one set took turns at the lock (two of 1,355
     * pairs, 90,000 times each in five rounds of the library-heavy benchmark).
     */
    private long[] underPairs;

    private int[] underSites;
    /** Entries of that cache, made on the first access under a call into a library: a thread that makes none needs none. */
    private static final int UNDER_BITS = 14;

    private static final int UNDER_CACHE = 1 << UNDER_BITS;

    private static final int UNDER_WAYS = 4;

    /**
     * The object a JDK constructor this thread is in copies ({@code new ArrayList<>(list)}), until it returns: see
     * Hooks#preCopied.
     */
    Object copied;

    /** This thread's events in its round, when the round is traced; else null. */
    ThreadTrace trace;

    /** This thread's current epoch, {@code clock << 32 | tid}, as shadows record it: the accesses' fast path compares it. */
    long epoch;
    /** This thread and clock as object summaries name them (see {@link ObjectSummary}). */
    long summary;

    /**
     * The variable an element's state is copied into while the locked rules update it (see
     * ElementShadows#load): a slow element access makes no object. Only its thread uses it, under
     * the array's monitor; the rules read neither its round nor its holder.
     */
    final VarState scratch = new VarState(null, null);

    ThreadState(int tid, String name, Round round) {
        enter(tid, name, round);
    }

    /** Starts the thread afresh in a round, under a new id: nothing of an earlier round carries over. */
    void enter(int tid, String name, Round round) {
        this.tid = tid;
        this.name = name;
        this.clock = new VectorClock(round.base);
        this.holders = new RecentShadows<>(RecentShadows.OBJECTS);
        this.arrays = new RecentShadows<>(RecentShadows.ARRAYS);
        this.syncs = new RecentShadows<>(RecentShadows.OBJECTS);
        this.monitors = new RecentShadows<>(RecentShadows.OBJECTS);
        this.volatiles = new RecentShadows<>(RecentShadows.OBJECTS);
        this.siteArrays = null;
        this.rangeArray = null;
        this.insideDepth = 0;
        this.trusted = 0;
        java.util.Arrays.fill(inside, null);
        this.speculating = false;
        this.deferred = 0;
        this.initializing = 0;
        this.userDepth = 0;
        this.lastView = null;
        this.lastViewed = null;
        this.copied = null;
        clock.set(tid, 1);
        this.epoch = VarState.epoch(tid, 1);
        this.summary = ObjectSummary.of(tid, 1);
        this.trace = round.trace == null ? null : round.trace.thread(name);
        // last, as current() takes a state of the present round to be ready
        this.round = round;
    }

    void enterSync(Object sync) {
        if (insideDepth < inside.length) {
            inside[insideDepth] = sync;
            trusted += isLibrarys(sync) ? 1 : 0;
        }
        insideDepth++;
    }

    void leaveSync(Object sync) {
        if (insideDepth > 0 && (insideDepth > inside.length || inside[insideDepth - 1] == sync)) {
            insideDepth--;
            if (insideDepth < inside.length) {
                trusted -= isLibrarys(inside[insideDepth]) ? 1 : 0;
                inside[insideDepth] = null;
            }
        }
    }

    private static boolean isLibrarys(Object sync) {
        return sync.getClass().getClassLoader() != null;
    }

    /** Whether an access at this site is inside a trusted library's concurrent object: see {@link #trusted}. */
    boolean trusts(int site) {
        return trusted > 0 && SiteRegistry.isLibrary(site);
    }

    boolean isInsideSync() {
        return insideDepth > 0;
    }

    /** The synchronising objects whose calls this thread is inside of. */
    Object[] insideSyncs() {
        return java.util.Arrays.copyOf(inside, Math.min(insideDepth, inside.length));
    }

    void enterLibrary(int userSite) {
        if (userDepth == userCalls.length) {
            userCalls = java.util.Arrays.copyOf(userCalls, userDepth * 2);
        }
        userCalls[userDepth++] = userSite;
    }

    /** Leaves the call; calls that threw out of the library left theirs above it, which go too. */
    void leaveLibrary(int userSite) {
        for (int depth = userDepth - 1; depth >= 0; depth--) {
            if (userCalls[depth] == userSite) {
                userDepth = depth;
                return;
            }
        }
    }

    /** The shadows of the array this thread accessed last at the site, or at another of its slot; or null. */
    ElementShadows arrayAt(int site) {
        ElementShadows[] known = siteArrays;
        return known == null ? null : known[site & (SITE_ARRAYS - 1)];
    }

    void accessedArrayAt(int site, ElementShadows vars) {
        if (siteArrays == null) {
            siteArrays = new ElementShadows[SITE_ARRAYS];
        }
        siteArrays[site & (SITE_ARRAYS - 1)] = vars;
    }

    /** The first of the four slots of a pair's set in the cache of library sites. */
    private static int underSet(long pair) {
        // Fibonacci hashing, the product's top bits: sites are numbered in order, and the low bits of a
        // product by a 32-bit constant put a few hundred neighbours in one slot, which then took turns at the lock
        return (int) ((pair * 0x9E3779B97F4A7C15L) >>> (64 - UNDER_BITS)) & -UNDER_WAYS;
    }

    /** The site to record for an access at this one: a library's, with the project's call it was made under. */
    int siteFor(int site) {
        if (userDepth == 0 || !SiteRegistry.isLibrary(site)) {
            return site;
        }
        int userSite = userCalls[userDepth - 1];
        // the pair, plus one so that no pair is the empty slot's zero
        long pair = ((long) site << 32 | (userSite & 0xffffffffL)) + 1;
        if (underPairs == null) {
            underPairs = new long[UNDER_CACHE];
            underSites = new int[UNDER_CACHE];
        }
        int set = underSet(pair);
        for (int way = set; way < set + UNDER_WAYS; way++) {
            if (underPairs[way] == pair) {
                return underSites[way];
            }
        }
        // the least recently added of the set gives way
        System.arraycopy(underPairs, set, underPairs, set + 1, UNDER_WAYS - 1);
        System.arraycopy(underSites, set, underSites, set + 1, UNDER_WAYS - 1);
        underSites[set] = SiteRegistry.under(site, userSite);
        underPairs[set] = pair;
        return underSites[set];
    }

    void startSpeculating() {
        speculating = true;
        deferred = 0;
    }

    boolean isSpeculating() {
        return speculating;
    }

    /** An optimistic read, with the last write it could have read, as that was when it read. */
    void defer(VarState var, int site, String name) {
        if (deferred == deferredSites.length) {
            deferredVars = java.util.Arrays.copyOf(deferredVars, deferred * 2);
            deferredWrites = java.util.Arrays.copyOf(deferredWrites, deferred * 2);
            deferredWriteSites = java.util.Arrays.copyOf(deferredWriteSites, deferred * 2);
            deferredSites = java.util.Arrays.copyOf(deferredSites, deferred * 2);
            deferredNames = java.util.Arrays.copyOf(deferredNames, deferred * 2);
        }
        deferredVars[deferred] = var;
        synchronized (var) {
            deferredWrites[deferred] = var.write;
            deferredWriteSites[deferred] = var.writeSite;
        }
        deferredSites[deferred] = site;
        deferredNames[deferred] = name;
        deferred++;
    }

    /**
     * Ends the optimistic reads: {@code validated} is what {@code StampedLock.validate} said, or
     * null when the thread went on to other synchronisation without asking. Each read must come
     * after the write it read. One that was validated leaves no read behind for later writes to
     * be ordered after, as no writer wrote meanwhile and the program uses the value only because
     * none did; one that was never validated is an ordinary read; one that failed is forgotten,
     * as the program throws its value away.
     */
    void stopSpeculating(Boolean validated) {
        speculating = false;
        int count = deferred;
        deferred = 0;
        for (int i = 0; i < count; i++) {
            if (!Boolean.FALSE.equals(validated) && !covers(deferredWrites[i])) {
                RaceLog.report(deferredNames[i], deferredWriteSites[i], deferredWrites[i], deferredSites[i], this);
            }
            if (validated == null) {
                Accesses.check(deferredVars[i], this, deferredSites[i], false, deferredNames[i]);
            }
            deferredVars[i] = null;
            deferredNames[i] = null;
        }
    }

    /** The view this thread called last, and what it stands for: an iteration calls the same one over and over. */
    private Object lastView;

    private ViewedObject lastViewed;

    /** What a call on this view reads or writes, asked of JdkObjects only when it is not the last one; null if unknown. */
    ViewedObject viewed(Object view) {
        if (view != lastView) {
            lastViewed = JdkObjects.viewedBy(view);
            lastView = view;
        }
        return lastViewed;
    }

    /** Whether this thread checked these elements of the array in its present epoch already. */
    boolean checkedAlready(Object array, int first, int count, int stride, boolean write) {
        return array == rangeArray
                && epoch == rangeEpoch
                && (rangeWrite || !write)
                && stride == rangeStride
                && first >= rangeFirst
                && first + (count - 1) * stride <= rangeLast
                && ElementRuns.aligned(first, rangeFirst, stride);
    }

    void checked(Object array, int first, int count, int stride, boolean write) {
        rangeArray = array;
        rangeEpoch = epoch;
        rangeFirst = first;
        rangeLast = first + (count - 1) * stride;
        rangeStride = stride;
        rangeWrite = write;
    }

    /** Whether an access in that epoch happens before this thread's present (never asked of {@link VarState#SHARED}). */
    boolean covers(long epoch) {
        int tid = VarState.tid(epoch);
        // this thread's own past needs no clock lookup
        return tid == this.tid || epoch == VarState.NONE || VarState.clock(epoch) <= clock.get(tid);
    }

    /** After a release, later steps of this thread are no longer covered by what it released. */
    void tick() {
        clock.increment(tid);
        epoch = VarState.epoch(tid, clock.get(tid));
        summary = ObjectSummary.of(tid, clock.get(tid));
    }
}
