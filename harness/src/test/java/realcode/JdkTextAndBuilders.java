package realcode;

import java.io.IOException;
import java.text.DateFormat;
import java.text.DecimalFormat;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import org.concurrencyharness.Concurrent;
import racecorpus.RaceFree;
import racecorpus.Racy;

/**
 * The formats of java.text, Calendar and the string builders: their javadoc says each is not synchronised and that
 * threads should have their own (or lock); shared without a lock they race inside. The thread-safe alternatives
 * (java.time formatters, StringBuffer, a format per thread) do not.
 */
public class JdkTextAndBuilders {

    private static final long DAY = 24L * 60 * 60 * 1000;

    @Racy(field = "realcode.JdkTextAndBuilders$SharedSimpleDateFormat.format")
    public static class SharedSimpleDateFormat {
        private final DateFormat format = new SimpleDateFormat("yyyy-MM-dd HH:mm", Locale.UK);

        @Concurrent(threads = 2)
        public void run(int index) throws ParseException {
            for (int i = 0; i < 50; i++) {
                if (index == 0) {
                    String text = format.format(new Date(DAY * (1000 + i))); // race
                    if (text.isEmpty()) {
                        Thread.onSpinWait();
                    }
                } else {
                    Date date = format.parse("2024-03-" + (10 + i % 18) + " 12:30"); // race
                    if (date.getTime() < 0) {
                        Thread.onSpinWait();
                    }
                }
            }
        }
    }

    @Racy(field = "realcode.JdkTextAndBuilders$SharedDecimalFormat.money")
    public static class SharedDecimalFormat {
        private final DecimalFormat money = new DecimalFormat("#,##0.00");

        @Concurrent(threads = 2)
        public void run(int index) {
            for (int i = 0; i < 100; i++) {
                String amount = money.format(index * 1000 + i * 0.25); // race
                if (amount.isEmpty()) {
                    Thread.onSpinWait();
                }
            }
        }
    }

    @Racy(field = "realcode.JdkTextAndBuilders$SharedMessageFormat.receipt")
    public static class SharedMessageFormat {
        private final MessageFormat receipt =
                new MessageFormat("{0} bought {1,number,integer} items for {2,number,#.00}", Locale.US);

        @Concurrent(threads = 2)
        public void run(int index) {
            for (int i = 0; i < 50; i++) {
                String line = receipt.format(new Object[] {"customer " + index, i, i * 9.99}); // race
                if (line.isEmpty()) {
                    Thread.onSpinWait();
                }
            }
        }
    }

    @Racy(field = "realcode.JdkTextAndBuilders$SharedNumberFormat.percent")
    public static class SharedNumberFormat {
        private final NumberFormat percent = NumberFormat.getPercentInstance(Locale.US);

        @Concurrent(threads = 2)
        public void run(int index) {
            for (int i = 0; i < 100; i++) {
                String share = percent.format((index * 100 + i) / 1000.0); // race
                if (share.isEmpty()) {
                    Thread.onSpinWait();
                }
            }
        }
    }

    @Racy(field = "realcode.JdkTextAndBuilders$SharedCalendar.calendar")
    public static class SharedCalendar {
        private final Calendar calendar = Calendar.getInstance(TimeZone.getTimeZone("UTC"), Locale.UK);

        @Concurrent(threads = 2)
        public void run(int index) {
            int weekends = 0;
            for (int i = 0; i < 50; i++) {
                calendar.setTimeInMillis(DAY * (index * 1000 + i)); // race
                int weekday = calendar.get(Calendar.DAY_OF_WEEK); // race
                if (weekday == Calendar.SATURDAY || weekday == Calendar.SUNDAY) {
                    weekends++;
                }
            }
        }
    }

    @Racy(field = "realcode.JdkTextAndBuilders$SharedStringBuilder.log")
    public static class SharedStringBuilder {
        private final StringBuilder log = new StringBuilder();

        @Concurrent(threads = 2)
        public void run(int index) {
            for (int i = 0; i < 50; i++) {
                log.append("thread ").append(index).append(" step ").append(i).append('\n'); // race
            }
        }
    }

    @Racy(field = "realcode.JdkTextAndBuilders$AppendableLog.out")
    public static class AppendableLog {
        private final Appendable out = new StringBuilder();

        @Concurrent(threads = 2)
        public void run(int index) throws IOException {
            for (int i = 0; i < 50; i++) {
                out.append("event ").append(String.valueOf(index * 100 + i)).append('\n'); // race
            }
        }
    }

    /** A StringBuilder read through CharSequence while another thread appends. */
    @Racy(field = "realcode.JdkTextAndBuilders$CharSequenceView.text")
    public static class CharSequenceView {
        private final StringBuilder text = new StringBuilder();

        @Concurrent(threads = 2)
        public void run(int index) {
            if (index == 0) {
                for (int i = 0; i < 200; i++) {
                    text.append(i % 10).append(' '); // race
                }
            } else {
                int digits = 0;
                for (int i = 0; i < 20; i++) {
                    digits += countDigits(text);
                }
            }
        }

        private static int countDigits(CharSequence chars) {
            int digits = 0;
            for (int i = 0; i < chars.length(); i++) { // race
                if (Character.isDigit(chars.charAt(i))) { // race
                    digits++;
                }
            }
            return digits;
        }
    }

    @RaceFree("a StringBuilder per thread, its result handed over through a ConcurrentHashMap")
    public static class BuilderPerThread {
        private final Map<Integer, String> reports = new ConcurrentHashMap<>();

        @Concurrent(threads = 4)
        public void run(int index) {
            StringBuilder report = new StringBuilder();
            for (int i = 0; i < 50; i++) {
                report.append("thread ")
                        .append(index)
                        .append(" step ")
                        .append(i)
                        .append('\n');
            }
            reports.put(index, report.toString());
        }
    }

    /** DateTimeFormatter: "This class is immutable and thread-safe." */
    @RaceFree("a shared java.time DateTimeFormatter")
    public static class SharedDateTimeFormatter {
        private final DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.UK);

        @Concurrent(threads = 4)
        public void run(int index) {
            for (int i = 0; i < 50; i++) {
                String text = format.format(LocalDateTime.of(2024, 3, 1 + i % 28, index, i % 60));
                LocalDateTime back = LocalDateTime.parse(text, format);
                LocalDate day = LocalDate.parse("2024-03-1" + index, DateTimeFormatter.ISO_LOCAL_DATE);
                if (back.getHour() != index || day.getDayOfMonth() != 10 + index) {
                    throw new IllegalStateException(text);
                }
            }
        }
    }

    /** SimpleDateFormat's javadoc: "It is recommended to create separate format instances for each thread." */
    @RaceFree("a SimpleDateFormat per thread, in a ThreadLocal")
    public static class ThreadLocalDateFormat {
        private final ThreadLocal<DateFormat> format =
                ThreadLocal.withInitial(() -> new SimpleDateFormat("yyyy-MM-dd", Locale.UK));

        @Concurrent(threads = 4)
        public void run(int index) throws ParseException {
            for (int i = 0; i < 50; i++) {
                DateFormat mine = format.get();
                String text = mine.format(new Date(DAY * (index * 1000 + i)));
                if (!mine.format(mine.parse(text)).equals(text)) {
                    throw new IllegalStateException(text);
                }
            }
        }
    }

    /** StringBuffer: "String buffers are safe for use by multiple threads." */
    @RaceFree("a shared StringBuffer")
    public static class SharedStringBuffer {
        private final StringBuffer log = new StringBuffer();

        @Concurrent(threads = 4)
        public void run(int index) {
            for (int i = 0; i < 50; i++) {
                log.append("thread ").append(index).append(" step ").append(i).append('\n');
            }
        }
    }
}
