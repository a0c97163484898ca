package realcode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.concurrencyharness.Concurrent;
import racecorpus.RaceFree;
import racecorpus.Racy;

/**
 * Jackson databind as its documentation says to use it: "Mapper instances are fully thread-safe provided that ALL
 * configuration of the instance occurs before ANY read or write calls", and ObjectReader and ObjectWriter are
 * immutable and shareable. Reconfiguring a mapper in use, or sharing a mutable tree node, races inside Jackson.
 */
public class JacksonUse {

    /** An order as JSON carries it. */
    public static class Order {
        public String id;
        public String customer;
        public List<Line> lines = new ArrayList<>();
        public double total;
    }

    /** One line of an order. */
    public static class Line {
        public String product;
        public int quantity;
        public double price;
    }

    static Order order(int index, int i) {
        Order order = new Order();
        order.id = "order-" + index + "-" + i;
        order.customer = "customer " + i % 7;
        for (int n = 0; n < 3; n++) {
            Line line = new Line();
            line.product = "product " + n;
            line.quantity = n + 1;
            line.price = 2.5 * (n + 1);
            order.lines.add(line);
            order.total += line.quantity * line.price;
        }
        return order;
    }

    @RaceFree("one ObjectMapper, configured before use, shared by threads")
    public static class SharedObjectMapper {
        private final ObjectMapper mapper =
                new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

        @Concurrent(threads = 4)
        public void run(int index) throws JsonProcessingException {
            for (int i = 0; i < 20; i++) {
                Order order = order(index, i);
                String json = mapper.writeValueAsString(order);
                Order back = mapper.readValue(json, Order.class);
                if (!back.id.equals(order.id) || back.lines.size() != 3 || back.total != order.total) {
                    throw new IllegalStateException(json);
                }
            }
        }
    }

    @RaceFree("an ObjectReader and an ObjectWriter shared by threads")
    public static class SharedReaderAndWriter {
        private final ObjectMapper mapper = new ObjectMapper();
        private final ObjectReader reader = mapper.readerFor(Order.class);
        private final ObjectWriter writer = mapper.writerFor(Order.class).withDefaultPrettyPrinter();

        @Concurrent(threads = 4)
        public void run(int index) throws JsonProcessingException {
            for (int i = 0; i < 20; i++) {
                String json = writer.writeValueAsString(order(index, i));
                Order back = reader.readValue(json);
                if (back.lines.get(2).quantity != 3) {
                    throw new IllegalStateException(json);
                }
            }
        }
    }

    /** Configuring the mapper after it is in use: the documentation's one condition, broken. */
    @Racy(field = "com.fasterxml.jackson.databind.*")
    public static class ReconfiguredWhileInUse {
        private final ObjectMapper mapper = new ObjectMapper();

        @Concurrent(threads = 2)
        public void run(int index) throws JsonProcessingException {
            for (int i = 0; i < 20; i++) {
                if (index == 0) {
                    mapper.configure(SerializationFeature.INDENT_OUTPUT, i % 2 == 0); // race
                } else {
                    String json = mapper.writeValueAsString(order(index, i)); // race
                    if (json.isEmpty()) {
                        Thread.onSpinWait();
                    }
                }
            }
        }
    }

    /** A tree node is a plain mutable object: two threads putting into one race inside it. */
    @Racy(field = "com.fasterxml.jackson.databind.*")
    public static class SharedObjectNode {
        private final ObjectMapper mapper = new ObjectMapper();
        private final ObjectNode stats = mapper.createObjectNode();

        @Concurrent(threads = 2)
        public void run(int index) {
            for (int i = 0; i < 30; i++) {
                stats.put("thread-" + index + "-" + i, i); // race
            }
        }
    }
}
