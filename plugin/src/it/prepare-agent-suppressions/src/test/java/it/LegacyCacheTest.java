package it;

import org.concurrencyharness.Concurrent;
import vendor.LegacyCache;

public class LegacyCacheTest {

    private final LegacyCache cache = new LegacyCache();

    @Concurrent(threads = 4)
    public void lookup() {
        for (int i = 0; i < 1000; i++) {
            cache.lookup("key" + (i % 10));
        }
    }
}
