package jitshapes;

import java.io.Serializable;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Consumer;
import java.util.function.Function;

/** Method references as programs write them: to calls the race detector hears about, and to others. */
public class References {

    /** A list's {@code add}, bound to the list: a call on a JDK object that is not thread-safe. */
    public static Consumer<String> adder(List<String> list) {
        return list::add;
    }

    /** A future's {@code join}, on whichever future it is given: a call that synchronises. */
    public static Function<CompletableFuture<String>, String> joiner() {
        return CompletableFuture::join;
    }

    /**
     * A pool's {@code submit}, bound to a {@code ThreadPoolExecutor}: javac names the method of the class that
     * declares it, {@code AbstractExecutorService}, and captures the receiver as the subclass it has.
     */
    public static Function<Callable<String>, Future<String>> submitter(ThreadPoolExecutor pool) {
        return pool::submit;
    }

    /** A string's {@code length}: nothing the detector hears about. */
    public static Function<String, Integer> length() {
        return String::length;
    }

    /** Serializable: its deserialisation looks for the method it names, so that must stay. */
    public static Consumer<String> serializableAdder(List<String> list) {
        return (Consumer<String> & Serializable) list::add;
    }
}
