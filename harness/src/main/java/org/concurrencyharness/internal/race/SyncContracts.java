package org.concurrencyharness.internal.race;

import java.nio.Buffer;
import java.security.MessageDigest;
import java.text.Format;
import java.util.BitSet;
import java.util.Calendar;
import java.util.Collection;
import java.util.Formatter;
import java.util.Hashtable;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Scanner;
import java.util.Set;
import java.util.Spliterator;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import java.util.Vector;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionService;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountedCompleter;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.Future;
import java.util.concurrent.TransferQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.StampedLock;
import java.util.regex.Matcher;
import java.util.stream.BaseStream;
import java.util.zip.Checksum;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The synchronisation contracts of the JDK's calls, as the package documentation of
 * {@code java.util.concurrent} and each class's own state them, in one table. Each contract says
 * which calls it covers, decided when the agent instruments a call instruction ("instrument
 * time"), and what those calls mean, decided by the hooks ("run time"), side by side: adding one (a
 * concurrent class's call that waits for tasks, a JDK type that is not thread-safe, the read and
 * the write of a lost update) is an edit here. The code that applies them stays apart: the agent's
 * ContractLookup finds a call's row through the class hierarchy and its SyncBridges writes the
 * hooks of each {@link Kind} around the call; the hooks (SyncCalls, Detector, JdkObjects,
 * ThreadUpdates) update the clocks, and the trace of a round that predicts races.
 *
 * <p>The instrument-time half runs in the agent while a class loads, for every call instruction: it
 * reads the instruction as the agent's ASM gives it (its opcode, the internal names it names, its
 * descriptor) and loads none of the classes it describes, nor the program's, by internal names
 * alone; initialising this class builds only its sets and maps of names. The run-time half asks the
 * receiver's class on every synchronising call: its names are {@code Set.of}s, and its types
 * {@code instanceof}s and class constants, which the JVM resolves only when a hook first runs them.
 */
public final class SyncContracts {

    private SyncContracts() {}

    // ---- what the analysis hears around a call, and which calls those are

    /** What the analysis hears around a call: SyncBridges writes each kind's hooks before and after it. */
    public enum Kind {
        /** {@code java.util.concurrent}, {@code Timer}: release, call (tasks wrapped), acquire. */
        SYNC,
        /**
         * A call whose result belongs to its receiver ({@code newCondition}, {@code readLock},
         * {@code writeLock}): the analysis learns whose the result is; the call itself does not synchronise.
         */
        LINK,
        /** {@code Object.wait}: release the monitor, wait, acquire it again. */
        WAIT,
        /** {@code Thread.join}, or {@code isAlive}: if the thread ended, its end happens before. */
        JOIN,
        /** {@code StampedLock.validate}: as SYNC, and the analysis learns whether an optimistic read held. */
        VALIDATE,
        /** {@code Unsafe}'s access to an object: synchronises through the object, as its memory mode says. */
        UNSAFE,
        /** A stream: what it is given runs as tasks, and its calls wait for them. */
        STREAM,
        /**
         * A call on a JDK object that may not be thread-safe, or may be a concurrent one: the
         * analysis decides by the receiver's class, with the call's site.
         */
        OBJECT_CALL,
        /** {@code Collections.unmodifiableList(list)} and the like: the result is a view of the first argument. */
        VIEW_OF,
        /** A {@code VarHandle}'s access: synchronises through the variable it accesses, as its memory mode says. */
        VAR_HANDLE,
        /** {@code Lookup.findVarHandle(type, name, ...)}: the analysis learns which field the handle accesses. */
        FIND_VAR_HANDLE,
        /** A call that matters to the analysis only for the objects it goes through whole (see argumentUses). */
        ARGUMENTS,
        /**
         * An {@code Atomic*FieldUpdater}'s access: synchronises through the field of the object it is given, as its
         * method's memory effects say, so that it meets the field's own volatile reads and writes.
         */
        FIELD_UPDATER,
        /** {@code Atomic*FieldUpdater.newUpdater(type, ..., name)}: the analysis learns which field the updater accesses. */
        FIND_UPDATER,
        /** {@code Unsafe.objectFieldOffset(field)} and the like: the analysis learns which field an offset names. */
        FIND_OFFSET
    }

    /**
     * Instrument time: the kind of a call of a final method of the JDK's, whatever class the
     * instruction names, or null. {@code Thread.join}, {@code isAlive} and {@code Object.wait} can be no one else's:
     * the hooks check the receiver at run time. So are a thread's interrupt calls, taken so whatever
     * class names them, as a subclass of {@code Thread} may (see {@link #isInterruptCall}).
     */
    public static Kind kindOfFinal(int opcode, String name, String descriptor) {
        if (isInterruptCall(opcode, name, descriptor)) {
            return Kind.SYNC;
        }
        boolean timedOrPlain = descriptor.equals("()V") || descriptor.equals("(J)V") || descriptor.equals("(JI)V");
        if (opcode == Opcodes.INVOKEVIRTUAL && "join".equals(name) && timedOrPlain) {
            return Kind.JOIN;
        }
        if (opcode == Opcodes.INVOKEVIRTUAL && "isAlive".equals(name) && "()Z".equals(descriptor)) {
            // "T2 may accomplish this by calling T1.isAlive() or join" (JLS 17.4.4): a dead thread's end is seen
            return Kind.JOIN;
        }
        if (opcode == Opcodes.INVOKEVIRTUAL && "wait".equals(name) && timedOrPlain) {
            return Kind.WAIT;
        }
        return null;
    }

    /**
     * Instrument time: the kind of any other call, or null for a call the analysis need not hear
     * about. {@code jdkOwner} is the JDK type whose contract the call follows: the owner the
     * instruction names if that is the JDK's, else the nearest synchronising JDK type it descends
     * from (see {@link #isSynchronisingType}) and that declares the method.
     */
    public static Kind kindOf(int opcode, String owner, String jdkOwner, String name, String descriptor) {
        if (jdkOwner.startsWith(LOCKS)
                && opcode != Opcodes.INVOKESTATIC
                && LINKS.contains(name)
                && descriptor.startsWith("()L")) {
            return Kind.LINK;
        }
        if (jdkOwner.equals(STAMPED_LOCK) && VALIDATE.equals(name)) {
            return Kind.VALIDATE;
        }
        if (jdkOwner.equals(VAR_HANDLE)) {
            // its fences order the plain accesses around them: see isFence
            return opcode == Opcodes.INVOKESTATIC ? null : Kind.VAR_HANDLE;
        }
        if (jdkOwner.equals("java/lang/invoke/MethodHandles$Lookup")
                && (name.equals("findVarHandle") || name.equals("findStaticVarHandle"))) {
            return Kind.FIND_VAR_HANDLE;
        }
        if (FIELD_UPDATERS.contains(jdkOwner)) {
            if (opcode != Opcodes.INVOKESTATIC) {
                return Kind.FIELD_UPDATER;
            }
            return name.equals("newUpdater") ? Kind.FIND_UPDATER : null;
        }
        if (isSynchronisingType(jdkOwner)) {
            return Kind.SYNC;
        }
        if (UNSAFE.contains(jdkOwner)) {
            if ((name.equals("objectFieldOffset") || name.equals("staticFieldOffset")) && descriptor.endsWith(")J")) {
                return Kind.FIND_OFFSET;
            }
            return descriptor.startsWith("(Ljava/lang/Object;J") ? Kind.UNSAFE : null;
        }
        if (jdkOwner.startsWith(STREAMS) || runsInParallel(opcode, owner, name)) {
            return Kind.STREAM;
        }
        if (opcode == Opcodes.INVOKESTATIC && owner.equals(COLLECTIONS) && isViewFactory(name, descriptor)) {
            return Kind.VIEW_OF;
        }
        if (opcode != Opcodes.INVOKESTATIC && jdkOwner.equals(owner) && isObjectOwner(owner)) {
            return Kind.OBJECT_CALL;
        }
        return null;
    }

    static final String INTERRUPT = "interrupt";
    static final String IS_INTERRUPTED = "isInterrupted";
    static final String INTERRUPTED = "interrupted";

    /**
     * Instrument time: {@code thread.interrupt()}, {@code thread.isInterrupted()} or the static
     * {@code Thread.interrupted()}. The Java memory model orders an interrupt before any point where
     * another thread determines that the thread was interrupted: interrupting releases into the
     * thread, and asking only acquires from it (SyncCalls; at run time the receiver must be a thread).
     */
    static boolean isInterruptCall(int opcode, String name, String descriptor) {
        return opcode == Opcodes.INVOKEVIRTUAL
                        && (INTERRUPT.equals(name) && "()V".equals(descriptor)
                                || IS_INTERRUPTED.equals(name) && "()Z".equals(descriptor))
                || opcode == Opcodes.INVOKESTATIC && INTERRUPTED.equals(name) && "()Z".equals(descriptor);
    }

    // ---- threads: start, join and wait (Detector's beforeStart, afterJoin, monitorRelease and monitorAcquire)

    /** Instrument time: {@code Thread.start()}, whose hook goes first: the thread's past happens before the new one. */
    public static boolean startsThread(int opcode, String name, String descriptor) {
        return opcode == Opcodes.INVOKEVIRTUAL && "start".equals(name) && "()V".equals(descriptor);
    }

    // ---- java.util.concurrent and java.util.Timer: calls that synchronise through their receiver (SyncCalls)

    private static final String CONCURRENT = "java/util/concurrent/";
    private static final String TIMER = "java/util/Timer";

    /**
     * Instrument time: a JDK type whose calls synchronise through their receiver, and so do those
     * of classes that extend or implement it, whatever class the instruction names (a
     * {@code RecursiveAction}'s {@code fork()}, a subclass of {@code ReentrantLock} locking itself).
     */
    public static boolean isSynchronisingType(String jdkType) {
        return jdkType.startsWith(CONCURRENT) || jdkType.equals(TIMER);
    }

    /**
     * Run time: the calls of the JDK's concurrent classes that only read (an atomic's or an array
     * element's {@code get}, a concurrent map's {@code get} or {@code containsKey}, a queue's
     * {@code peek}, a latch's count): a volatile read, which acquires what was released and, by the
     * memory model, releases nothing. A thread that calls one keeps its epoch, so its accesses
     * after the call stay in the one it was in.
     */
    private static final Set<String> ONLY_READS = Set.of(
            "get",
            "getPlain",
            "getOpaque",
            "getAcquire",
            "length",
            "size",
            "isEmpty",
            "containsKey",
            "containsValue",
            "contains",
            "peek",
            "getOrDefault",
            "getCount",
            "isDone",
            "isTerminated",
            "isCancelled",
            "intValue",
            "longValue",
            "doubleValue",
            "floatValue");

    /**
     * Run time: a call that only reads, of a JDK class that is no lock (a lock's calls keep their
     * place in a schedule that reorders critical sections) and no fork-join task (whose calls end
     * or join tasks: see TaskClass). A subclass's own calls are instrumented
     * and speak for themselves; its override of {@code get} may write, so only the JDK's classes count.
     */
    static boolean onlyReads(Object receiver, String method) {
        return receiver != null
                && method != null
                && ONLY_READS.contains(method)
                && receiver.getClass().getClassLoader() == null
                && !(receiver instanceof Lock)
                && !(receiver instanceof StampedLock)
                && !(receiver instanceof ForkJoinTask<?>);
    }

    /** Run time: the calls that hand a task to an executor, which wait for nothing. */
    private static final Set<String> SUBMITS =
            Set.of("execute", "submit", "schedule", "scheduleAtFixedRate", "scheduleWithFixedDelay");

    /** Run time: the calls after which a thread has waited for tasks to finish. */
    private static final Set<String> WAITS_FOR_TASKS = Set.of(
            "get",
            "join",
            "getNow",
            "resultNow",
            "invoke",
            "invokeAll",
            "invokeAny",
            "awaitTermination",
            "isTerminated",
            "close",
            "isDone",
            "quietlyJoin",
            "quietlyInvoke",
            "awaitQuiescence",
            "helpQuiesce",
            "getRawResult",
            "isCompletedNormally");

    /**
     * Run time: a call that hands a task to an executor ({@code execute}, {@code submit}), which
     * orders the submitter's past before the task (see TaskHandOff) and nothing after it: the
     * submitter acquires nothing.
     */
    static boolean submitsOnly(Object receiver, String method) {
        return receiver instanceof Executor && SUBMITS.contains(method);
    }

    /**
     * Run time: a call after which the thread also sees what every finished task did. A future's
     * {@code get}, an executor's {@code invokeAll}, {@code awaitTermination} or {@code isTerminated}
     * (a pool that terminated has seen each of its workers end): not a map's
     * {@code get}. A fork-join task's own {@code join}, {@code invoke} or {@code invokeAll} sees what
     * it and its subtasks did through the task itself (see Hooks#postTasksJoined), except a
     * completer's, whose subtasks complete it from their own threads.
     */
    static boolean waitsForTasks(Object receiver, String method) {
        if (method == null || !WAITS_FOR_TASKS.contains(method) || receiver == null) {
            return false;
        }
        if (isJoinedThroughItself(receiver)) {
            return completesOthers(receiver);
        }
        return receiver instanceof Future<?>
                || receiver instanceof ExecutorService
                || receiver instanceof CompletionService<?>
                || receiver instanceof CompletionStage<?>;
    }

    // ---- tasks: handed to other threads by the calls above (Hooks' wrap, handOver, taskBegin, taskEnd)

    /** Instrument time: a pool whose {@code beforeExecute} and {@code afterExecute} the program may override. */
    public static final String THREAD_POOL_EXECUTOR = "java/util/concurrent/ThreadPoolExecutor";

    /**
     * Instrument time: which argument is the runnable an override of a pool's {@code beforeExecute(thread, task)} or
     * {@code afterExecute(task, thrown)} is given, or -1 for any other method.
     */
    public static int executedTaskArgument(String method, String descriptor) {
        if (method.equals("beforeExecute") && descriptor.equals("(Ljava/lang/Thread;Ljava/lang/Runnable;)V")) {
            return 1;
        }
        if (method.equals("afterExecute") && descriptor.equals("(Ljava/lang/Runnable;Ljava/lang/Throwable;)V")) {
            return 0;
        }
        return -1;
    }

    /** Instrument time: an executor's {@code shutdownNow()}, which returns the tasks that never ran. */
    public static boolean returnsUnrunTasks(String method, String descriptor) {
        return method.equals("shutdownNow") && descriptor.equals("()Ljava/util/List;");
    }

    /** Instrument time: tasks handed to another thread, wrapped so that the submitter's past happens before them. */
    public static final Set<String> TASK_TYPES = Set.of(
            "java/lang/Runnable",
            "java/util/concurrent/Callable",
            "java/util/function/Supplier",
            "java/util/function/Function",
            "java/util/function/Consumer",
            "java/util/function/BiFunction",
            "java/util/function/BiConsumer");

    /** Instrument time: tasks that are objects of their own, handed over by the call: what they run starts from the hand-over. */
    public static final Set<String> TASK_OBJECTS = Set.of(
            "java/util/concurrent/ForkJoinTask",
            "java/util/concurrent/RecursiveTask",
            "java/util/concurrent/RecursiveAction",
            "java/util/concurrent/CountedCompleter",
            "java/util/TimerTask");

    /** Instrument time: a collection handed to these is of tasks, each handed over. */
    private static final Set<String> INVOKES_ALL = Set.of("invokeAll", "invokeAny");

    /** Instrument time: calls that run the task objects they are given and wait for them. */
    private static final Set<String> WAITS_FOR_TASK_OBJECTS = Set.of("invoke", "invokeAll");

    /**
     * Instrument time: a call that looks up a task handed over before, rather than handing one over: a pool's
     * {@code remove(task)}, which must find the task as the pool queued it.
     */
    public static boolean looksUpTask(String method, String argumentType) {
        return method.equals("remove") && argumentType.equals("java/lang/Runnable");
    }

    /** The future a program (or a library, or an executor's newTaskFor) makes of a task itself. */
    public static final String FUTURE_TASK = "java/util/concurrent/FutureTask";

    /**
     * Instrument time: {@code new FutureTask<>(callable)} or {@code new FutureTask<>(runnable, result)}, whose task is
     * wrapped where it is made: it ends before the future completes, so that {@code get()} sees what it did, whatever
     * thread runs it (a {@code new Thread(future)}, Spring's SimpleAsyncTaskExecutor, a pool's {@code execute}).
     */
    public static boolean makesFutureTask(int opcode, String owner, String name, String descriptor) {
        return opcode == Opcodes.INVOKESPECIAL
                && owner.equals(FUTURE_TASK)
                && name.equals("<init>")
                && (descriptor.equals("(Ljava/util/concurrent/Callable;)V")
                        || descriptor.equals("(Ljava/lang/Runnable;Ljava/lang/Object;)V"));
    }

    /** Instrument time: whether an argument of this type, given to the synchronising call, is a collection of tasks. */
    public static boolean handsOverTasks(String method, String argumentType) {
        return argumentType.equals("java/util/Collection") && INVOKES_ALL.contains(method);
    }

    /**
     * Instrument time: whether the synchronising call runs the task objects it is given and waits
     * for them, so that the caller sees what each did: given alone, in an array of task objects, or
     * in a collection.
     */
    public static boolean waitsForTaskObjects(String method) {
        return WAITS_FOR_TASK_OBJECTS.contains(method);
    }

    /** Instrument time: whether an argument of this type, of a call that waits for task objects, holds them. */
    public static boolean holdsTaskObjects(String argumentType) {
        return TASK_OBJECTS.contains(argumentType) || argumentType.equals("java/util/Collection");
    }

    /**
     * Instrument time: classes whose objects are tasks of the JDK's, run by its threads: what their
     * body does starts from the task's hand-over ({@code fork}, {@code invoke}, {@code schedule})
     * and ends before whoever waits for it. The JDK's code runs the body, so the body itself tells
     * the analysis.
     */
    public enum TaskClass {
        /** {@code RecursiveTask}, {@code RecursiveAction}, {@code CountedCompleter}: {@code compute}, and a completer's {@code onCompletion}. */
        FORK_JOIN("java/util/concurrent/ForkJoinTask") {
            @Override
            public boolean isBody(String method, String descriptor) {
                return "compute".equals(method) && descriptor.startsWith("()")
                        || "onCompletion".equals(method)
                                && descriptor.equals("(Ljava/util/concurrent/CountedCompleter;)V");
            }
        },
        /** {@code TimerTask}: {@code run}. */
        TIMER("java/util/TimerTask") {
            @Override
            public boolean isBody(String method, String descriptor) {
                return "run".equals(method) && descriptor.equals("()V");
            }
        };

        private final String jdkType;

        TaskClass(String jdkType) {
            this.jdkType = jdkType;
        }

        /** The JDK type a class with such a body descends from. */
        public String jdkType() {
            return jdkType;
        }

        public abstract boolean isBody(String method, String descriptor);
    }

    /** Run time: a completer: its subtasks complete it, and each other, from their own threads, as they end. */
    static boolean completesOthers(Object task) {
        return task instanceof CountedCompleter<?>;
    }

    /**
     * Run time: a fork-join task, whose body's end is released into the task itself (see TaskClass),
     * with what its own subtasks did: who joins or invokes it acquires that from the task.
     */
    static boolean isJoinedThroughItself(Object task) {
        return task instanceof ForkJoinTask<?>;
    }

    // ---- locks: conditions, the halves of a read-write lock, a ReentrantLock's calls, StampedLock's optimistic
    // reads (Detector, SyncCalls)

    private static final String LOCKS = CONCURRENT + "locks/";
    private static final String STAMPED_LOCK = LOCKS + "StampedLock";

    /** A lock's condition: awaiting it releases and reacquires the lock. */
    static final String NEW_CONDITION = "newCondition";
    /** The read half of a read-write lock: orders its readers after writers, not after each other. */
    static final String READ_LOCK = "readLock";
    /** The write half of a read-write lock: orders its writers after readers and writers. */
    static final String WRITE_LOCK = "writeLock";
    /** Instrument time: calls of a lock's whose result belongs to the lock (LINK). */
    private static final Set<String> LINKS = Set.of(NEW_CONDITION, READ_LOCK, WRITE_LOCK);

    /** Run time: a call of a read-write lock's half that releases it (by its name's start, where a ReentrantLock's is UNLOCK). */
    static boolean unlocks(String method) {
        return method.startsWith("unlock");
    }

    /**
     * Run time: a call of a read-write lock's half that acquires it ({@code lock},
     * {@code lockInterruptibly}, {@code tryLock}, by its name's start, where a ReentrantLock's are TAKES_LOCK).
     */
    static boolean locks(String method) {
        return method.startsWith("lock") || method.startsWith("tryLock");
    }

    /** Run time: a {@code ReentrantLock}'s call that lets it go. */
    static final String UNLOCK = "unlock";
    /** Run time: a {@code ReentrantLock}'s calls that take it. */
    private static final Set<String> TAKES_LOCK = Set.of("lock", "lockInterruptibly", "tryLock");
    /** Run time: its calls that look only at what the calling thread holds, which no schedule changes. */
    private static final Set<String> OWN_HOLDS = Set.of("isHeldByCurrentThread", "getHoldCount", NEW_CONDITION);

    /** Run time: a {@code ReentrantLock}'s call that takes it, if it can. */
    static boolean takesLock(String method) {
        return TAKES_LOCK.contains(method);
    }

    /** Run time: a {@code ReentrantLock}'s call that looks only at what the calling thread holds. */
    static boolean looksAtOwnHolds(String method) {
        return OWN_HOLDS.contains(method);
    }

    /** {@code StampedLock.validate}: whether the optimistic reads since {@code tryOptimisticRead} held. */
    static final String VALIDATE = "validate";
    /**
     * {@code StampedLock.tryOptimisticRead}, which orders nothing, by the lock's contract: it starts
     * reads that are ordered only if {@code validate} says they held, and are plain reads if the
     * program never asks.
     */
    private static final String TRY_OPTIMISTIC_READ = "tryOptimisticRead";
    /** Run time: a {@code StampedLock}'s calls that only read its state, for an optimistic read. */
    private static final Set<String> OPTIMISTIC = Set.of(TRY_OPTIMISTIC_READ, VALIDATE);

    /** Run time: whether a synchronising call ends the optimistic reads the program did not validate: all but validate. */
    static boolean endsOptimisticReads(String method) {
        return !VALIDATE.equals(method);
    }

    /** Run time: an optimistic read's call of a {@code StampedLock}, which only reads the lock's state. */
    static boolean readsLockStateOnly(Object receiver, String method) {
        return receiver instanceof StampedLock && OPTIMISTIC.contains(method);
    }

    /** Run time: {@code StampedLock.tryOptimisticRead}, whose stamp orders nothing until validated. */
    static boolean startsOptimisticRead(Object receiver, String method) {
        return receiver instanceof StampedLock && TRY_OPTIMISTIC_READ.equals(method);
    }

    // ---- functions a concurrent map calls back inside a call, under its own locks (Hooks' callback, SyncCalls)

    /** Instrument time: functions a concurrent map calls back inside the call, under its own lock: wrapped to order them. */
    public static final Set<String> CALLBACK_TYPES = Set.of(
            "java/util/function/Supplier",
            "java/util/function/Function",
            "java/util/function/Consumer",
            "java/util/function/BiFunction",
            "java/util/function/BiConsumer",
            "java/util/function/UnaryOperator",
            "java/util/function/BinaryOperator",
            "java/util/function/IntUnaryOperator",
            "java/util/function/IntBinaryOperator",
            "java/util/function/LongUnaryOperator",
            "java/util/function/LongBinaryOperator");

    /** Instrument time: a concurrent map's methods whose function it calls with the key, under that key's lock only. */
    private static final Set<String> KEYED = Set.of("computeIfAbsent", "compute", "computeIfPresent", "merge");

    /** Instrument time: the functions those methods call with the key. */
    public static final Set<String> KEYED_TYPES =
            Set.of("java/util/function/Function", "java/util/function/BiFunction");

    /**
     * Instrument time: whether the functional arguments to a call of this JDK type may be called
     * back inside it, as part of what the call synchronises: a map of {@code java.util.concurrent}'s,
     * or a {@code Map} whose object may be one; an atomic, whose {@code updateAndGet} (and the like)
     * runs its function, then sets what it returned with a compare-and-set.
     */
    public static boolean callsBack(String jdkOwner) {
        return jdkOwner != null
                && (jdkOwner.contains("Map")
                        || jdkOwner.startsWith("java/util/concurrent/atomic/Atomic")
                                && !jdkOwner.endsWith("FieldUpdater")
                        || jdkOwner.equals(SUBMISSION_PUBLISHER));
    }

    // ---- java.util.concurrent.Flow: "actions in a source thread prior to publishing an item or issuing a signal
    // happen-before actions subsequent to the corresponding access by each subscriber" (SubmissionPublisher)

    /** A publisher's {@code consume} function is called back for each item, as a subscriber would be. */
    private static final String SUBMISSION_PUBLISHER = "java/util/concurrent/SubmissionPublisher";

    /** Instrument time: a subscriber, handed to a publisher's {@code subscribe}; its signal methods start from it. */
    public static final String FLOW_SUBSCRIBER = "java/util/concurrent/Flow$Subscriber";

    private static final Set<String> SIGNALS = Set.of("onSubscribe", "onNext", "onError", "onComplete");

    /** Instrument time: a subscriber's method that a publisher calls with a signal. */
    public static boolean isSignal(String method) {
        return SIGNALS.contains(method);
    }

    // ---- what the last party to arrive runs, inside its call, before the parties go on

    /** Instrument time: a phaser, whose {@code onAdvance} the last party to arrive runs inside its arrive. */
    public static final String PHASER = "java/util/concurrent/Phaser";

    /** Instrument time: a phaser's {@code onAdvance(phase, registeredParties)}. */
    public static boolean isAdvance(String method, String descriptor) {
        return method.equals("onAdvance") && descriptor.equals("(II)Z");
    }

    /**
     * Instrument time: {@code new CyclicBarrier(parties, action)}, whose action the last party to arrive runs inside
     * its {@code await}; the barrier's javadoc orders the action before every party's return from that await.
     */
    public static boolean takesBarrierAction(int opcode, String owner, String method, String descriptor) {
        return opcode == Opcodes.INVOKESPECIAL
                && owner.equals("java/util/concurrent/CyclicBarrier")
                && method.equals("<init>")
                && descriptor.equals("(ILjava/lang/Runnable;)V");
    }

    /** Instrument time: whether a function of this type, given to this call, is called back for the call's key. */
    public static boolean callsBackForKey(String method, String functionType) {
        return KEYED.contains(method) && KEYED_TYPES.contains(functionType);
    }

    // ---- VarHandle and Unsafe: accesses that synchronise through the variable they access (VarHandles)

    private static final String VAR_HANDLE = "java/lang/invoke/VarHandle";
    private static final Set<String> UNSAFE = Set.of("sun/misc/Unsafe", "jdk/internal/misc/Unsafe");

    /**
     * Instrument time: a fence ({@code VarHandle.releaseFence()}, {@code acquireFence()}, ...), with
     * which lock-free code orders its plain field accesses: a method that has one has its accesses
     * synchronise as volatile ones.
     */
    public static boolean isFence(String owner, String name) {
        return name.endsWith("Fence") && (owner.equals(VAR_HANDLE) || owner.endsWith("/Unsafe"));
    }

    /**
     * Run time: whether a VarHandle's or Unsafe's access releases into the variable it accesses, by
     * its name, as the memory modes of {@code VarHandle} define them: a volatile or release write
     * releases, a volatile or acquire read acquires, a read-modify-write ({@code compareAndSet},
     * {@code getAndAdd}, ...) does both unless it says only one, and plain and opaque accesses order
     * nothing. So two threads that only read plainly through such accesses are not ordered by them.
     */
    static boolean releasesByMode(String method) {
        if (isReadModifyWrite(method)) {
            return !method.endsWith("Acquire") && !method.endsWith("Plain");
        }
        return isWrite(method)
                && (method.contains("Volatile") || method.contains("Ordered") || method.endsWith("Release"));
    }

    /** Run time: whether such an access acquires what was released into the variable, by its memory mode. */
    static boolean acquiresByMode(String method) {
        if (isReadModifyWrite(method)) {
            return !method.endsWith("Release") && !method.endsWith("Plain");
        }
        return !isWrite(method) && (method.contains("Volatile") || method.endsWith("Acquire"));
    }

    /** Instrument time: the updaters of a class's volatile fields, which their users read and write directly too. */
    private static final Set<String> FIELD_UPDATERS = Set.of(
            "java/util/concurrent/atomic/AtomicIntegerFieldUpdater",
            "java/util/concurrent/atomic/AtomicLongFieldUpdater",
            "java/util/concurrent/atomic/AtomicReferenceFieldUpdater");

    /**
     * Run time: whether an updater's call releases into its field: as its javadoc says, {@code set} as a volatile write,
     * {@code lazySet} as an ordered one, and every read-modify-write but {@code weakCompareAndSet}, which "does not
     * provide ordering guarantees".
     */
    static boolean updaterReleases(String method) {
        return method.equals("set") || method.equals("lazySet") || updaterReadsAndWrites(method);
    }

    /** Run time: whether it acquires from it: {@code get}, as a volatile read, and the same read-modify-writes. */
    static boolean updaterAcquires(String method) {
        return method.equals("get") || updaterReadsAndWrites(method);
    }

    private static boolean updaterReadsAndWrites(String method) {
        return !method.equals("weakCompareAndSet")
                && (method.equals("compareAndSet") || method.startsWith("getAnd") || method.endsWith("AndGet"));
    }

    private static boolean isReadModifyWrite(String method) {
        return method.startsWith("compareAnd") || method.startsWith("weakCompareAnd") || method.startsWith("getAnd");
    }

    private static boolean isWrite(String method) {
        return method.startsWith("set") || method.startsWith("put");
    }

    // ---- streams: they run what they are given in other threads, and wait for it (StreamPipelines)

    private static final String STREAMS = "java/util/stream/";

    private static final String ARRAYS = "java/util/Arrays";

    private static final Set<String> PARALLEL_ARRAY_CALLS = Set.of("parallelSetAll", "parallelPrefix", "parallelSort");

    /**
     * Instrument time: {@code Arrays.parallelSetAll}, {@code parallelPrefix} or {@code parallelSort}, which run their
     * function (a generator, an operator, a comparator) in the common pool's threads and return when all are done: a
     * stream's terminal operation on the array, which is their first argument and stands for the pipeline.
     */
    public static boolean runsInParallel(int opcode, String owner, String name) {
        return opcode == Opcodes.INVOKESTATIC && owner.equals(ARRAYS) && PARALLEL_ARRAY_CALLS.contains(name);
    }

    /** Instrument time: whether an argument of this type, given to a stream, is a function it may run in another thread. */
    public static boolean isStreamFunction(String argumentType) {
        return argumentType.startsWith("java/util/function/")
                || TASK_TYPES.contains(argumentType)
                || argumentType.equals("java/util/Comparator");
    }

    /** Run time: whether a stream call's result is a stage of the same pipeline: a stream, which an intermediate operation returns. */
    static boolean continuesPipeline(Object result) {
        return result instanceof BaseStream<?, ?>;
    }

    // ---- objects of the JDK's that are not thread-safe: a list, a map, a builder, a format... (JdkObjects)

    private static final String COLLECTIONS = "java/util/Collections";

    /** Instrument time: packages and classes of {@code java.util} none of whose objects a call can race on. */
    private static final List<String> NOT_OBJECTS = List.of(
            CONCURRENT,
            "java/util/function/",
            STREAMS,
            "java/util/logging/",
            "java/util/spi/",
            "java/util/jar/",
            "java/util/random/",
            "java/util/Objects",
            "java/util/Optional",
            "java/util/UUID",
            "java/util/Locale",
            "java/util/Currency",
            "java/util/Random",
            "java/util/ResourceBundle",
            TIMER,
            "java/util/Base64",
            "java/util/ServiceLoader",
            "java/util/Arrays",
            COLLECTIONS,
            "java/util/TimeZone",
            "java/util/HexFormat");
    /** Instrument time: the other JDK types whose calls may touch an object that is not thread-safe (isObject, by class). */
    private static final Set<String> OBJECT_TYPES = Set.of(
            "java/lang/StringBuilder",
            "java/lang/AbstractStringBuilder",
            "java/lang/StringBuffer",
            "java/lang/CharSequence",
            "java/lang/Appendable",
            "java/lang/Iterable",
            "java/util/regex/Matcher",
            "java/util/zip/Checksum",
            "java/util/zip/CRC32",
            "java/util/zip/CRC32C",
            "java/util/zip/Adler32",
            "java/util/zip/Deflater",
            "java/util/zip/Inflater",
            "java/security/MessageDigest");

    /**
     * Instrument time: whether a call the instruction names a method of may be on a JDK object
     * that is not thread-safe. Which classes those are is decided by the receiver's run-time class,
     * as is whether a {@code Map} or {@code List} is a concurrent one.
     */
    public static boolean isObjectOwner(String owner) {
        if (owner.startsWith("java/util/")) {
            for (String excluded : NOT_OBJECTS) {
                if (owner.startsWith(excluded)) {
                    return false;
                }
            }
            return owner.indexOf('/', "java/util/".length()) < 0 || OBJECT_TYPES.contains(owner);
        }
        return OBJECT_TYPES.contains(owner)
                || owner.startsWith("java/text/")
                || owner.startsWith("java/nio/") && owner.endsWith("Buffer");
    }

    /**
     * Run time: what a call on an object of this class means (JdkObjects keeps it per class). A
     * concurrent or synchronized object synchronises those who call it; one that is not thread-safe
     * (a list, a map, a builder, a format, a buffer...) is one variable to the analysis, which its
     * calls read or write; a view of one (an iterator, a key set, a sub-list) is the same variable
     * as the object it views.
     */
    static JdkObjects.Contract objectContractOf(Class<?> type) {
        if (type.getClassLoader() != null) {
            return otherObjectContractOf(type);
        }
        String name = type.getName();
        if (name.startsWith("java.util.concurrent.")
                || name.startsWith("java.util.Collections$Synchronized")
                || Vector.class.isAssignableFrom(type)
                || Hashtable.class.isAssignableFrom(type)
                || type == StringBuffer.class) {
            return JdkObjects.Contract.CONCURRENT;
        }
        if (name.startsWith("java.util.ImmutableCollections")
                || name.startsWith("java.util.Collections$Empty")
                || name.startsWith("java.util.Collections$Singleton")
                || name.startsWith("java.util.KeyValueHolder")) {
            // immutable, empty or singleton: no call writes them
            return JdkObjects.Contract.NONE;
        }
        if (!isObject(type, name)) {
            return JdkObjects.Contract.NONE;
        }
        // nested classes of java.util are the views, iterators and entries of their collections
        boolean nested = name.indexOf('$') >= 0 && !name.startsWith("java.util.Arrays$ArrayList");
        return nested ? JdkObjects.Contract.VIEW : JdkObjects.Contract.OBJECT;
    }

    /**
     * A class of the program's or of a library's: one that keeps a contract of
     * {@code java.util.concurrent}'s, or extends a concurrent class, synchronises as it; one that
     * extends a JDK collection that is not thread-safe (an LRU map made from a LinkedHashMap) is
     * such an object; any other is not the JDK's to judge (its own code is instrumented).
     */
    private static JdkObjects.Contract otherObjectContractOf(Class<?> type) {
        if (keepsConcurrentContract(type)) {
            return JdkObjects.Contract.CONCURRENT;
        }
        for (Class<?> c = type.getSuperclass(); c != null; c = c.getSuperclass()) {
            if (c.getClassLoader() == null) {
                JdkObjects.Contract jdk = objectContractOf(c);
                boolean concrete = !java.lang.reflect.Modifier.isAbstract(c.getModifiers());
                return jdk == JdkObjects.Contract.CONCURRENT
                        ? jdk
                        : jdk == JdkObjects.Contract.OBJECT && concrete ? jdk : JdkObjects.Contract.NONE;
            }
        }
        return JdkObjects.Contract.NONE;
    }

    /** Whether the class keeps the contract of one of {@code java.util.concurrent}'s interfaces a library's class may keep. */
    private static boolean keepsConcurrentContract(Class<?> type) {
        return ConcurrentMap.class.isAssignableFrom(type)
                || BlockingQueue.class.isAssignableFrom(type)
                || TransferQueue.class.isAssignableFrom(type)
                || Executor.class.isAssignableFrom(type)
                || Future.class.isAssignableFrom(type)
                || Lock.class.isAssignableFrom(type)
                || ReadWriteLock.class.isAssignableFrom(type);
    }

    /** The JDK's classes whose objects are not thread-safe (OBJECT_TYPES and isObjectOwner name them to the agent). */
    private static boolean isObject(Class<?> type, String name) {
        if (name.startsWith("java.util.")) {
            return Collection.class.isAssignableFrom(type)
                    || Map.class.isAssignableFrom(type)
                    || Iterator.class.isAssignableFrom(type)
                    || Spliterator.class.isAssignableFrom(type)
                    || Map.Entry.class.isAssignableFrom(type)
                    || type == BitSet.class
                    || Calendar.class.isAssignableFrom(type)
                    || type == Formatter.class
                    || type == Scanner.class
                    || type == StringJoiner.class
                    || type == SplittableRandom.class
                    || type == Matcher.class
                    || Checksum.class.isAssignableFrom(type)
                    || type == Deflater.class
                    || type == Inflater.class;
        }
        return type == StringBuilder.class
                || Format.class.isAssignableFrom(type)
                || Buffer.class.isAssignableFrom(type)
                || MessageDigest.class.isAssignableFrom(type);
    }

    /** Instrument time: {@code Collections}' factories of views of their first argument, which is an object. */
    private static boolean isViewFactory(String name, String descriptor) {
        return (name.startsWith("unmodifiable")
                        || name.startsWith("checked")
                        || name.equals("newSetFromMap")
                        || name.equals("asLifoQueue"))
                && descriptor.startsWith("(Ljava/util/")
                && !descriptor.endsWith(")V");
    }

    /** Instrument time: methods that only look at their object; every other call writes it. */
    private static final Set<String> READS = Set.of(
            "get",
            "getOrDefault",
            "contains",
            "containsKey",
            "containsValue",
            "containsAll",
            "size",
            "isEmpty",
            "iterator",
            "listIterator",
            "spliterator",
            "hasNext",
            "hasPrevious",
            "next",
            "previous",
            "nextIndex",
            "previousIndex",
            "forEach",
            "forEachRemaining",
            "stream",
            "parallelStream",
            "toArray",
            "toString",
            "equals",
            "hashCode",
            "indexOf",
            "lastIndexOf",
            "peek",
            "peekFirst",
            "peekLast",
            "element",
            "getFirst",
            "getLast",
            "first",
            "last",
            "firstKey",
            "lastKey",
            "firstEntry",
            "lastEntry",
            "floor",
            "ceiling",
            "higher",
            "lower",
            "floorKey",
            "ceilingKey",
            "higherKey",
            "lowerKey",
            "floorEntry",
            "ceilingEntry",
            "higherEntry",
            "lowerEntry",
            "keySet",
            "values",
            "entrySet",
            "navigableKeySet",
            "descendingKeySet",
            "descendingMap",
            "descendingSet",
            "descendingIterator",
            "subList",
            "subMap",
            "headMap",
            "tailMap",
            "subSet",
            "headSet",
            "tailSet",
            "comparator",
            "reversed",
            "sequencedKeySet",
            "sequencedValues",
            "sequencedEntrySet",
            "tryAdvance",
            "trySplit",
            "estimateSize",
            "characteristics",
            "getKey",
            "getValue",
            "charAt",
            "length",
            "subSequence",
            "substring",
            "chars",
            "codePoints",
            "codePointAt",
            "capacity",
            "compareTo",
            "isSet",
            "cardinality",
            "nextSetBit",
            "nextClearBit",
            "previousSetBit",
            "previousClearBit",
            "intersects",
            "toByteArray",
            "toLongArray",
            "getTime",
            "getTimeInMillis",
            "getTimeZone",
            "getFirstDayOfWeek",
            "isLenient",
            "getActualMaximum",
            "getActualMinimum",
            "getMaximum",
            "getMinimum",
            "before",
            "after",
            "toPattern",
            "toLocalizedPattern",
            "group",
            "groupCount",
            "start",
            "end",
            "hitEnd",
            "requireEnd",
            "pattern",
            "hasRemaining",
            "remaining",
            "limit",
            "position",
            "isDirect",
            "isReadOnly",
            "hasArray",
            "array",
            "arrayOffset",
            "order",
            "getAlgorithm",
            "getDigestLength",
            "getProvider",
            "clone",
            "getClass");
    /** Instrument time: methods whose result is a view of their object (an iterator, a key set, a sub-list): the same object. */
    private static final Set<String> VIEWS = Set.of(
            "iterator",
            "listIterator",
            "spliterator",
            "keySet",
            "values",
            "entrySet",
            "navigableKeySet",
            "descendingKeySet",
            "descendingMap",
            "descendingSet",
            "descendingIterator",
            "subList",
            "subMap",
            "headMap",
            "tailMap",
            "subSet",
            "headSet",
            "tailSet",
            "reversed",
            "sequencedKeySet",
            "sequencedValues",
            "sequencedEntrySet");

    /** Instrument time: whether calling the method reads its object only; calls of the JDK's objects that are not read write. */
    public static boolean onlyReads(String name) {
        return READS.contains(name)
                || name.startsWith("is")
                || name.startsWith("has")
                || name.startsWith("contains")
                || (name.startsWith("get") && !name.equals("getAndSet"));
    }

    /**
     * Run time: whether a call, as its site names it ({@code LinkedHashMap.get}), is a map's
     * {@code get}, which moves the entry it finds in a LinkedHashMap kept in access order: a write
     * there (JdkObjects#isAccessOrdered), not the read READS says.
     */
    static boolean movesEntryInAccessOrder(String call) {
        return call.endsWith(".get") || call.endsWith(".getOrDefault");
    }

    /** Instrument time: whether the method's result is a view of its object, the same object to the analysis. */
    public static boolean returnsView(String name) {
        return VIEWS.contains(name);
    }

    /**
     * Instrument time: JDK classes whose objects are not thread-safe and whose methods hand out no
     * reference to their object but a view (typed as a collection, an iterator, a stream...) and,
     * for the builder, itself: what they return as an {@code Object} is an element or a copy. One
     * that a method makes and never lets out of its frame other than through such calls is reached
     * by no other thread (see the agent's UnsharedObjects).
     */
    private static final Set<String> CONFINABLE = Set.of(
            "java/lang/StringBuilder",
            "java/util/ArrayList",
            "java/util/LinkedList",
            "java/util/ArrayDeque",
            "java/util/HashMap",
            "java/util/LinkedHashMap",
            "java/util/TreeMap",
            "java/util/HashSet",
            "java/util/LinkedHashSet",
            "java/util/TreeSet");

    /** Instrument time: whether objects made as {@code new type} can be kept to their maker's frame (see CONFINABLE). */
    public static boolean isConfinable(String type) {
        return CONFINABLE.contains(type);
    }

    /** Instrument time: whether the call returns its receiver, as a builder's {@code append} does. */
    public static boolean returnsReceiver(String owner, String descriptor) {
        return owner.equals("java/lang/StringBuilder") && descriptor.endsWith(")Ljava/lang/StringBuilder;");
    }

    // ---- JDK calls that read or write an object they are given whole: a copy, a join, a print, a sort (ArgumentUses)

    /** How a JDK call uses one of its arguments as a whole. */
    public enum ArgumentUse {
        /** Not as a whole: kept, compared by identity, or not an object the analysis follows. */
        NONE,
        /** Reads all of it: copies, iterates, compares or prints it. */
        READ,
        /** Changes it: sorts, fills, shuffles it. */
        WRITE,
        /** An array of objects, each printed ({@code String.format}'s arguments). */
        READ_EACH
    }

    /** Instrument time: the declared types of arguments whose contents a call may go through. */
    private static final Set<String> CONTENT_TYPES = Set.of(
            "java/util/Collection",
            "java/util/List",
            "java/util/Set",
            "java/util/SortedSet",
            "java/util/NavigableSet",
            "java/util/Queue",
            "java/util/Deque",
            "java/util/Map",
            "java/util/SortedMap",
            "java/util/NavigableMap",
            "java/util/PriorityQueue",
            "java/util/EnumSet",
            "java/util/EnumMap",
            "java/util/SequencedCollection",
            "java/util/SequencedSet",
            "java/util/SequencedMap",
            "java/lang/Iterable",
            "java/lang/CharSequence",
            "java/lang/StringBuilder",
            "java/lang/StringBuffer");

    /** Instrument time: a receiver's calls that go through all of a collection argument. */
    private static final Set<String> BULK_READS =
            Set.of("addAll", "putAll", "containsAll", "removeAll", "retainAll", "equals", "contentEquals");

    /** Instrument time: builders, writers and streams whose calls print an object argument, through its toString. */
    private static final Set<String> PRINTERS = Set.of(
            "java/lang/StringBuilder",
            "java/lang/StringBuffer",
            "java/lang/Appendable",
            "java/io/PrintStream",
            "java/io/PrintWriter",
            "java/io/StringWriter",
            "java/io/Writer");

    private static final Set<String> PRINTS = Set.of("append", "insert", "print", "println");

    /** Instrument time: the static calls of {@code Collections} that change their first argument, a list or collection. */
    private static final Set<String> COLLECTIONS_WRITES =
            Set.of("sort", "shuffle", "reverse", "swap", "fill", "rotate", "replaceAll", "addAll", "copy");

    private static final Set<String> COLLECTIONS_READS =
            Set.of("max", "min", "frequency", "disjoint", "indexOfSubList", "lastIndexOfSubList", "binarySearch");

    /**
     * Instrument time: how a call of the JDK's uses each of its arguments, or null if it uses none as a whole. A JDK
     * object that is not thread-safe, passed to such a call, is read or written as its own calls read or write it; a
     * concurrent collection passed to one synchronises as its own calls do (see ArgumentUses). Only calls whose
     * javadoc or code goes through the argument there and then count: a call that keeps its argument ({@code
     * map.put(key, list)}) does not read it.
     */
    public static ArgumentUse[] argumentUses(int opcode, String owner, String name, String descriptor) {
        if (!owner.startsWith("java/")) {
            return null;
        }
        Type[] arguments = Type.getArgumentTypes(descriptor);
        ArgumentUse[] uses = new ArgumentUse[arguments.length];
        java.util.Arrays.fill(uses, ArgumentUse.NONE);
        boolean any = false;
        for (int i = 0; i < arguments.length; i++) {
            ArgumentUse use = argumentUse(opcode, owner, name, arguments, i);
            uses[i] = use;
            any |= use != ArgumentUse.NONE;
        }
        return any ? uses : null;
    }

    private static ArgumentUse argumentUse(int opcode, String owner, String name, Type[] arguments, int index) {
        Type argument = arguments[index];
        String type = argument.getSort() == Type.OBJECT ? argument.getInternalName() : null;
        boolean content = type != null && CONTENT_TYPES.contains(type);
        boolean object = "java/lang/Object".equals(type);
        if (opcode == Opcodes.INVOKESPECIAL) {
            // a collection or builder made from another copies it; only the last argument, which the agent reaches
            // on top of the stack, as constructors cannot go through a bridge
            return name.equals("<init>")
                            && content
                            && index == arguments.length - 1
                            && (isObjectOwner(owner)
                                    || owner.startsWith(CONCURRENT)
                                    || owner.equals("java/lang/String"))
                    ? ArgumentUse.READ
                    : ArgumentUse.NONE;
        }
        if (opcode == Opcodes.INVOKESTATIC) {
            return staticArgumentUse(owner, name, arguments, index, content, object);
        }
        if (BULK_READS.contains(name) && (content || object && name.equals("equals") && isObjectOwner(owner))) {
            return ArgumentUse.READ;
        }
        if (PRINTERS.contains(owner) && PRINTS.contains(name) && (content || object)) {
            return ArgumentUse.READ;
        }
        if (PRINTERS.contains(owner) && (name.equals("printf") || name.equals("format")) && isObjectArray(argument)) {
            return ArgumentUse.READ_EACH;
        }
        if (owner.equals("java/lang/String") && name.equals("formatted") && isObjectArray(argument)) {
            return ArgumentUse.READ_EACH;
        }
        return ArgumentUse.NONE;
    }

    private static ArgumentUse staticArgumentUse(
            String owner, String name, Type[] arguments, int index, boolean content, boolean object) {
        switch (owner) {
            case COLLECTIONS -> {
                if (COLLECTIONS_WRITES.contains(name) && index == 0 && content) {
                    return ArgumentUse.WRITE;
                }
                boolean reads = COLLECTIONS_READS.contains(name) || name.equals("copy") && index == 1;
                return reads && content ? ArgumentUse.READ : ArgumentUse.NONE;
            }
            case "java/util/List", "java/util/Set", "java/util/Map", "java/util/EnumSet" -> {
                return name.equals("copyOf") && content ? ArgumentUse.READ : ArgumentUse.NONE;
            }
            case "java/lang/String" -> {
                if (name.equals("join") && content && index == arguments.length - 1) {
                    return ArgumentUse.READ;
                }
                if (name.equals("format") && isObjectArray(arguments[index])) {
                    return ArgumentUse.READ_EACH;
                }
                return name.equals("valueOf") && (object || content) ? ArgumentUse.READ : ArgumentUse.NONE;
            }
            case "java/util/Objects" -> {
                boolean reads =
                        name.equals("toString") && index == 0 || name.equals("equals") || name.equals("hashCode");
                return reads && object ? ArgumentUse.READ : ArgumentUse.NONE;
            }
            default -> {
                return ArgumentUse.NONE;
            }
        }
    }

    private static boolean isObjectArray(Type argument) {
        return argument.getSort() == Type.ARRAY
                && argument.getDimensions() == 1
                && argument.getElementType().getInternalName().equals("java/lang/Object");
    }

    /** Instrument time: how a user reads the call in a race: {@code new ArrayList}, {@code List.copyOf}, {@code StringBuilder.append}. */
    public static String argumentCallName(String owner, String name) {
        String type = owner.substring(owner.lastIndexOf('/') + 1);
        return name.equals("<init>") ? "new " + type : type + "." + name;
    }

    /** Instrument time: the bootstrap of string concatenation, {@code "items " + list}, which prints each object. */
    public static boolean concatenates(String bootstrapOwner) {
        return bootstrapOwner.equals("java/lang/invoke/StringConcatFactory");
    }

    /**
     * A stretch of an array that a JDK call reads or writes, by the call's arguments: {@code array}, the index of the
     * argument that is the array, or -1 for the receiver (an array's {@code clone}); {@code from}, of the first
     * element's index, or -1 for the array's start; {@code to}, of the index past the last, or -1 for the array's end;
     * {@code length}, of a count of elements from {@code from}, which takes the place of {@code to}, or -1.
     */
    public record ArrayRange(int array, int from, int to, int length, boolean write) {

        static ArrayRange whole(int array, boolean write) {
            return new ArrayRange(array, -1, -1, -1, write);
        }
    }

    /** Instrument time: {@code Arrays}' calls that read every element of their array arguments. */
    private static final Set<String> ARRAYS_READ_WHOLE =
            Set.of("equals", "deepEquals", "hashCode", "deepHashCode", "toString", "deepToString");

    /**
     * Instrument time: the stretches of arrays a JDK call goes through, or null: {@code System.arraycopy}, an array's
     * {@code clone}, and {@code Arrays}' copies, fills, sorts, comparisons and prints. The JDK's code makes those
     * element accesses where the agent does not see them; the call stands for them. Not {@code binarySearch}, which
     * reads only some elements, nor the parallel calls, which run as tasks (see runsInParallel).
     */
    public static List<ArrayRange> arrayRanges(int opcode, String owner, String name, String descriptor) {
        if (opcode == Opcodes.INVOKEVIRTUAL && owner.startsWith("[") && name.equals("clone")) {
            return List.of(ArrayRange.whole(-1, false));
        }
        if (opcode != Opcodes.INVOKESTATIC) {
            return null;
        }
        Type[] arguments = Type.getArgumentTypes(descriptor);
        if (owner.equals("java/lang/System") && name.equals("arraycopy")) {
            return List.of(new ArrayRange(0, 1, -1, 4, false), new ArrayRange(2, 3, -1, 4, true));
        }
        if (!owner.equals(ARRAYS) || arguments.length == 0 || arguments[0].getSort() != Type.ARRAY) {
            return null;
        }
        boolean bounded =
                arguments.length >= 3 && arguments[1].getSort() == Type.INT && arguments[2].getSort() == Type.INT;
        return switch (name) {
            case "copyOf" -> List.of(new ArrayRange(0, -1, 1, -1, false));
            case "copyOfRange" -> List.of(new ArrayRange(0, 1, 2, -1, false));
            case "fill", "sort" -> List.of(bounded ? new ArrayRange(0, 1, 2, -1, true) : ArrayRange.whole(0, true));
            case "setAll" -> List.of(ArrayRange.whole(0, true));
            default -> {
                if (!ARRAYS_READ_WHOLE.contains(name)) {
                    yield null;
                }
                // equals(a, b) and deepEquals(a, b) read both; equals over ranges of them is left alone
                if (arguments.length == 1) {
                    yield List.of(ArrayRange.whole(0, false));
                }
                yield arguments.length == 2 && arguments[1].getSort() == Type.ARRAY
                        ? List.of(ArrayRange.whole(0, false), ArrayRange.whole(1, false))
                        : null;
            }
        };
    }

    // ---- lost updates: a key of a concurrent map, or an atomic, read then written (ThreadUpdates)

    /** Instrument time: maps that may be concurrent ones (whether one is, its class decides at run time). */
    private static final Set<String> MAPS = Set.of(
            "java/util/Map",
            "java/util/SortedMap",
            "java/util/NavigableMap",
            "java/util/Hashtable",
            "java/util/concurrent/ConcurrentMap",
            "java/util/concurrent/ConcurrentNavigableMap",
            "java/util/concurrent/ConcurrentHashMap",
            "java/util/concurrent/ConcurrentSkipListMap");
    /** Instrument time: the atomics whose one value is followed; heldBy reads each's at run time. */
    private static final Set<String> ATOMICS = Set.of(
            "java/util/concurrent/atomic/AtomicInteger",
            "java/util/concurrent/atomic/AtomicLong",
            "java/util/concurrent/atomic/AtomicBoolean",
            "java/util/concurrent/atomic/AtomicReference");

    /** Instrument time: a map's methods whose first argument is the key, by name and number of arguments. */
    private static final Map<String, UpdateRole> MAP_ROLES = Map.ofEntries(
            Map.entry("get/1", UpdateRole.READ),
            Map.entry("getOrDefault/2", UpdateRole.READ),
            Map.entry("containsKey/1", UpdateRole.CONTAINS),
            Map.entry("put/2", UpdateRole.PUT),
            Map.entry("compute/2", UpdateRole.WRITE),
            Map.entry("merge/3", UpdateRole.WRITE),
            Map.entry("putIfAbsent/2", UpdateRole.WRITE_IF_NULL),
            Map.entry("replace/3", UpdateRole.WRITE_IF_TRUE),
            Map.entry("remove/2", UpdateRole.WRITE_IF_TRUE),
            Map.entry("remove/1", UpdateRole.WRITE_IF_PRESENT),
            Map.entry("replace/2", UpdateRole.WRITE_IF_PRESENT));
    /** Instrument time: which of a map's arguments is the value it writes (for {@code getOrDefault}, its default); else none. */
    private static final Map<String, Integer> MAP_VALUES =
            Map.of("put/2", 1, "putIfAbsent/2", 1, "getOrDefault/2", 1, "replace/2", 1, "replace/3", 2);

    /** Instrument time: reads that return the value as the atomic holds it, so that a later value compares with it. */
    private static final Set<String> ATOMIC_READS = Set.of("get", "getPlain", "getOpaque", "getAcquire");

    private static final Set<String> ATOMIC_SETS = Set.of("set", "lazySet", "setPlain", "setOpaque", "setRelease");
    private static final Set<String> ATOMIC_WRITES = Set.of(
            "getAndIncrement",
            "getAndDecrement",
            "getAndAdd",
            "incrementAndGet",
            "decrementAndGet",
            "addAndGet",
            "getAndUpdate",
            "updateAndGet",
            "getAndAccumulate",
            "accumulateAndGet");
    private static final Set<String> ATOMIC_CASES = Set.of(
            "compareAndSet",
            "weakCompareAndSet",
            "weakCompareAndSetPlain",
            "weakCompareAndSetVolatile",
            "weakCompareAndSetAcquire",
            "weakCompareAndSetRelease");

    /**
     * Instrument time: whether a call on the type may be part of a lost update: the field its
     * receiver came from is then wanted, to name it.
     */
    public static boolean isUpdateOwner(String owner) {
        return MAPS.contains(owner) || ATOMICS.contains(owner);
    }

    /**
     * Instrument time: the project's call's role in a lost update, by the type and method the
     * instruction names, or null for a call that is none. What each role means is {@link UpdateRole}'s.
     */
    public static UpdateRole roleOf(int opcode, String owner, String name, String descriptor) {
        if (opcode != Opcodes.INVOKEVIRTUAL && opcode != Opcodes.INVOKEINTERFACE) {
            return null;
        }
        Type[] arguments = Type.getArgumentTypes(descriptor);
        if (MAPS.contains(owner)) {
            boolean keyed = arguments.length > 0 && arguments[0].getSort() == Type.OBJECT;
            return keyed ? MAP_ROLES.get(name + "/" + arguments.length) : null;
        }
        if (!ATOMICS.contains(owner)) {
            return null;
        }
        if (ATOMIC_READS.contains(name) && arguments.length == 0) {
            return UpdateRole.READ;
        }
        if (ATOMIC_SETS.contains(name) && arguments.length == 1) {
            return UpdateRole.SET;
        }
        if (name.equals("getAndSet")) {
            return UpdateRole.PUT;
        }
        if (ATOMIC_WRITES.contains(name)) {
            return UpdateRole.WRITE;
        }
        return ATOMIC_CASES.contains(name) ? UpdateRole.WRITE_IF_TRUE : null;
    }

    /** Instrument time: which of the call's arguments is the value it writes (see MAP_VALUES), or -1: none is. */
    public static int valueArgument(String owner, String name, String descriptor) {
        int arguments = Type.getArgumentTypes(descriptor).length;
        if (MAPS.contains(owner)) {
            return MAP_VALUES.getOrDefault(name + "/" + arguments, -1);
        }
        if (ATOMIC_SETS.contains(name) || name.equals("getAndSet")) {
            return 0;
        }
        return ATOMIC_CASES.contains(name) ? 1 : -1;
    }

    /** Instrument time: whether the call names a key, its first argument: a map's; an atomic has one value. */
    public static boolean isKeyed(String owner) {
        return MAPS.contains(owner);
    }

    /** Run time: what an atomic of ATOMICS holds now, boxed as the hooks are given its values. */
    static Object heldBy(Object atomic) {
        if (atomic instanceof AtomicInteger number) {
            return number.get();
        }
        if (atomic instanceof AtomicLong number) {
            return number.get();
        }
        if (atomic instanceof AtomicBoolean flag) {
            return flag.get();
        }
        return ((AtomicReference<?>) atomic).get();
    }

    /** Run time: whether the atomic compares the values it holds by identity, as {@code AtomicReference.compareAndSet} does. */
    static boolean comparesIdentity(Object atomic) {
        return atomic instanceof AtomicReference<?>;
    }
}
