package realcode;

import java.text.ParseException;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.commons.lang3.concurrent.ConcurrentException;
import org.apache.commons.lang3.concurrent.LazyInitializer;
import org.apache.commons.lang3.mutable.MutableInt;
import org.apache.commons.lang3.time.FastDateFormat;
import org.concurrencyharness.Concurrent;
import racecorpus.RaceFree;
import racecorpus.Racy;

/**
 * Apache commons-lang3: FastDateFormat ("a fast and thread-safe version of SimpleDateFormat") and LazyInitializer
 * are made for threads; MutableInt ("not thread-safe") is not.
 */
public class CommonsLangUse {

    @Racy(field = "org.apache.commons.lang3.mutable.*")
    public static class SharedMutableInt {
        private final MutableInt retries = new MutableInt();

        @Concurrent(threads = 2)
        public void run() {
            for (int i = 0; i < 50; i++) {
                retries.increment(); // race
            }
        }
    }

    @RaceFree("commons-lang3 FastDateFormat shared by threads")
    public static class SharedFastDateFormat {
        private final FastDateFormat format =
                FastDateFormat.getInstance("yyyy-MM-dd HH:mm", TimeZone.getTimeZone("UTC"), Locale.UK);

        @Concurrent(threads = 4)
        public void run(int index) throws ParseException {
            for (int i = 0; i < 50; i++) {
                String text = format.format(new Date(86_400_000L * (index * 1000 + i)));
                if (!format.format(format.parse(text)).equals(text)) {
                    throw new IllegalStateException(text);
                }
            }
        }
    }

    /** The ComplexObjectInitializer of LazyInitializer's javadoc. */
    @RaceFree("commons-lang3 LazyInitializer")
    public static class LazyConfig {
        static class Config {
            String url;
            int timeoutSeconds;
        }

        static class ConfigInitializer extends LazyInitializer<Config> {
            @Override
            protected Config initialize() {
                Config config = new Config();
                config.url = "https://example.org/api";
                config.timeoutSeconds = 30;
                return config;
            }
        }

        private final ConfigInitializer config = new ConfigInitializer();

        @Concurrent(threads = 4)
        public void run() throws ConcurrentException {
            Config current = config.get();
            if (current.timeoutSeconds != 30 || !current.url.startsWith("https")) {
                throw new IllegalStateException("half-built config");
            }
        }
    }
}
