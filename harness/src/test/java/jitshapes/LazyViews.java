package jitshapes;

import com.google.errorprone.annotations.concurrent.LazyInit;

/** A class caching a view lazily, as Guava's immutable collections do: the race on the cache is benign by design. */
public class LazyViews {
    private final String name;

    @LazyInit
    private transient String upperCase;

    private int reads;

    public LazyViews(String name) {
        this.name = name;
    }

    public String upperCase() {
        reads++;
        String result = upperCase;
        return result == null ? upperCase = name.toUpperCase(java.util.Locale.ROOT) : result;
    }
}
