package it;

import java.util.ArrayList;
import java.util.List;
import org.concurrencyharness.Concurrent;

public class RacyRegistry {

    private final List<String> names = new ArrayList<>();

    @Concurrent(threads = 4)
    public void register(int index) {
        for (int i = 0; i < 100; i++) {
            names.add("worker-" + index);
        }
    }
}
