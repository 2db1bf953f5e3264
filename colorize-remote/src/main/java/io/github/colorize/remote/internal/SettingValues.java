package io.github.colorize.remote.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the string values of backend settings (durations, sizes, counts, switches), with messages that
 * name the setting and say what was expected. Stateless; thread-safe.
 */
final class SettingValues {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|k|kib|m|mib|g|gib)?");

    private SettingValues() {}

    /**
     * A duration: a number with a unit ({@code 250ms}, {@code 10s}, {@code 1.5m}, {@code 2h}) or ISO-8601
     * ({@code PT10S}).
     */
    static Duration duration(String key, String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        Matcher m = DURATION.matcher(v);
        Duration d;
        if (m.matches()) {
            double amount = Double.parseDouble(m.group(1));
            long unitMillis = switch (m.group(2)) {
                case "ms" -> 1L;
                case "s" -> 1_000L;
                case "m" -> 60_000L;
                default -> 3_600_000L;
            };
            d = Duration.ofMillis(Math.round(amount * unitMillis));
        } else {
            try {
                d = Duration.parse(value.strip().toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw invalid(key, value, "a duration such as 250ms, 10s, 2m or PT30S");
            }
        }
        if (d.isNegative()) {
            throw invalid(key, value, "a duration that is not negative");
        }
        return d;
    }

    /** A byte count: digits with an optional binary unit ({@code 512k}, {@code 20MiB}, {@code 1g}). */
    static long bytes(String key, String value) {
        Matcher m = SIZE.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw invalid(key, value, "a byte count such as 52428800, 512k or 50MiB");
        }
        long unit = switch (m.group(2) == null ? "b" : m.group(2)) {
            case "k", "kib" -> 1L << 10;
            case "m", "mib" -> 1L << 20;
            case "g", "gib" -> 1L << 30;
            default -> 1L;
        };
        try {
            long n = Math.multiplyExact(Long.parseLong(m.group(1)), unit);
            if (n <= 0) {
                throw invalid(key, value, "a positive byte count");
            }
            return n;
        } catch (ArithmeticException | NumberFormatException e) {
            throw invalid(key, value, "a byte count below 8 EiB");
        }
    }

    /** An integer within bounds. */
    static int integer(String key, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(key, value, "a whole number from " + min + " to " + max);
    }

    /** A non-negative decimal number. */
    static double nonNegative(String key, String value) {
        try {
            double d = Double.parseDouble(value.strip());
            if (d >= 0 && Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(key, value, "a number that is 0 or more");
    }

    /** {@code true} or {@code false}, nothing else (a typo must not silently mean false). */
    static boolean bool(String key, String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(key, value, "true or false");
        };
    }

    /**
     * A comma-separated list of {@code name=value} pairs, names from the allowed set.
     *
     * @return the pairs in order
     */
    static Map<String, String> pairs(String key, String value, java.util.Set<String> names) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String item : value.split(",")) {
            if (item.isBlank()) {
                continue;
            }
            int eq = item.indexOf('=');
            String name = eq < 0 ? "" : item.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (!names.contains(name)) {
                throw invalid(
                        key, value, "name=value pairs with names among " + names + ", such as connect=10s,read=2m");
            }
            if (out.put(name, item.substring(eq + 1).strip()) != null) {
                throw invalid(key, value, "each name at most once");
            }
        }
        return out;
    }

    static IllegalArgumentException invalid(String key, String value, String expected) {
        return new IllegalArgumentException("setting '" + key + "' is '" + value + "'; expected " + expected);
    }
}
