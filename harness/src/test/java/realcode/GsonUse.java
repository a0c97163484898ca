package realcode;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.concurrencyharness.Concurrent;
import racecorpus.RaceFree;
import racecorpus.Racy;

/**
 * Gson as its user guide shows it: "Gson instances are Thread-safe so you can reuse them freely across multiple
 * threads", type adapters registered on a GsonBuilder included. Its tree model (JsonObject, JsonArray) is a plain
 * data structure, and a type adapter that keeps state in a field is called by every thread that uses the Gson.
 */
public class GsonUse {

    /** The user guide's example class. */
    static class BagOfPrimitives {
        int value1 = 1;
        String value2 = "abc";
        transient int value3 = 3;
        List<String> tags;
        LocalDate since;
    }

    /** The user guide's adapter for a type Gson cannot map by reflection. */
    static class LocalDateAdapter extends TypeAdapter<LocalDate> {
        @Override
        public void write(JsonWriter out, LocalDate value) throws IOException {
            out.value(value == null ? null : value.toString());
        }

        @Override
        public LocalDate read(JsonReader in) throws IOException {
            return LocalDate.parse(in.nextString());
        }
    }

    static BagOfPrimitives bag(int index) {
        BagOfPrimitives bag = new BagOfPrimitives();
        bag.value1 = index;
        bag.value2 = "bag-" + index;
        bag.tags = List.of("t" + index, "shared");
        bag.since = LocalDate.of(2020, 1 + index % 12, 1);
        return bag;
    }

    @RaceFree("one Gson shared by threads, toJson and fromJson")
    public static class SharedGson {
        private final Gson gson = new GsonBuilder()
                .registerTypeAdapter(LocalDate.class, new LocalDateAdapter().nullSafe())
                .create();

        @Concurrent(threads = 4)
        public void run(int index) {
            for (int i = 0; i < 30; i++) {
                String json = gson.toJson(bag(index * 100 + i));
                BagOfPrimitives back = gson.fromJson(json, BagOfPrimitives.class);
                if (back.value1 != index * 100 + i || back.tags.size() != 2 || back.since == null) {
                    throw new IllegalStateException(json);
                }
            }
        }
    }

    @RaceFree("Gson tree model built and read by each thread on its own")
    public static class OwnTreePerThread {
        private static final Gson GSON = new Gson();

        @Concurrent(threads = 4)
        public void run(int index) {
            JsonObject order = new JsonObject();
            order.addProperty("id", index);
            JsonArray lines = new JsonArray();
            for (int i = 0; i < 10; i++) {
                lines.add("line-" + i);
            }
            order.add("lines", lines);
            String json = GSON.toJson(order);
            JsonObject back = JsonParser.parseString(json).getAsJsonObject();
            if (back.get("id").getAsInt() != index
                    || back.getAsJsonArray("lines").size() != 10) {
                throw new IllegalStateException(json);
            }
        }
    }

    @Racy(field = "realcode.GsonUse$CountingAdapter$Counted.written")
    public static class CountingAdapter {
        /** Counts what it writes in a plain field: every thread using the Gson calls this one adapter. */
        static class Counted extends LocalDateAdapter {
            int written;

            @Override
            public void write(JsonWriter out, LocalDate value) throws IOException {
                written++; // race
                super.write(out, value);
            }
        }

        private final Gson gson = new GsonBuilder()
                .registerTypeAdapter(LocalDate.class, new Counted())
                .create();

        @Concurrent(threads = 2)
        public void run(int index) {
            for (int i = 0; i < 500; i++) {
                gson.toJson(bag(index + i));
            }
        }
    }

    /** A tree-model array shared by threads that add to it: a JsonArray is a plain list inside. */
    @Racy(field = "com.google.gson.*")
    public static class SharedJsonArray {
        private final JsonArray results = new JsonArray();

        @Concurrent(threads = 2)
        public void run(int index) {
            for (int i = 0; i < 200; i++) {
                results.add("result-" + index + "-" + i); // race
            }
        }
    }
}
