package vendor;

import java.util.Locale;

/** Stands for a library the project cannot change: its lookups share nothing, but it counts them without a lock. */
public class LegacyCache {

    private int hits;

    public String lookup(String key) {
        hits++;
        return key.toUpperCase(Locale.ROOT);
    }
}
