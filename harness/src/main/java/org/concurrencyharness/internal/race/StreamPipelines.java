package org.concurrencyharness.internal.race;

/**
 * The pipelines of streams: the stages of one pipeline (each intermediate operation returns a new
 * stream) share one synchronisation object, which the functions given to any stage release into
 * when they end, and which the pipeline's calls acquire. So a terminal operation sees what its
 * pipeline's functions did, in whatever threads a parallel stream ran them, and nothing of other
 * pipelines'.
 */
final class StreamPipelines {

    private static final WeakIdentityMap<Object, Object> PIPELINES = new WeakIdentityMap<>();

    private StreamPipelines() {}

    /** The pipeline of a stream; a static call's (no stream yet) is a new one. */
    static Object of(Object stream) {
        return stream == null ? new Object() : PIPELINES.computeIfAbsent(stream, s -> new Object());
    }

    static void join(Object stream, Object pipeline) {
        PIPELINES.put(stream, pipeline);
    }
}
