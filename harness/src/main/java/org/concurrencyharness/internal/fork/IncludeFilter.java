package org.concurrencyharness.internal.fork;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * {@code concurrency.include}: comma-separated {@code Class} or {@code Class#method} patterns,
 * with {@code *} wildcards; a class pattern matches the simple or the fully qualified name.
 */
final class IncludeFilter implements PostDiscoveryFilter {

    private record Rule(Pattern type, Pattern method) {
        boolean matches(Class<?> declaring, String methodName) {
            boolean typeMatches = type.matcher(declaring.getName()).matches()
                    || type.matcher(declaring.getSimpleName()).matches();
            return typeMatches && (method == null || method.matcher(methodName).matches());
        }
    }

    private final String text;
    private final List<Rule> rules;

    IncludeFilter(String text) {
        this.text = text;
        this.rules = new ArrayList<>();
        for (String part : text.split(",")) {
            String pattern = part.trim();
            if (pattern.isEmpty()) {
                continue;
            }
            int hash = pattern.indexOf('#');
            rules.add(
                    hash < 0
                            ? new Rule(glob(pattern), null)
                            : new Rule(glob(pattern.substring(0, hash)), glob(pattern.substring(hash + 1))));
        }
    }

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        if (!descriptor.isTest() || !(descriptor.getSource().orElse(null) instanceof MethodSource source)) {
            return FilterResult.included("containers are kept while they hold an included exercise");
        }
        Class<?> type = source.getJavaClass();
        for (Rule rule : rules) {
            if (rule.matches(type, source.getMethodName())) {
                return FilterResult.included("matches concurrency.include=" + text);
            }
        }
        return FilterResult.excluded("does not match concurrency.include=" + text);
    }

    private static Pattern glob(String glob) {
        List<String> quoted = new ArrayList<>();
        for (String piece : glob.split("\\*", -1)) {
            quoted.add(Pattern.quote(piece));
        }
        return Pattern.compile(String.join(".*", quoted));
    }
}
