package io.siftbench.storage.datasets;

import io.siftbench.model.datasets.ColumnType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * What type a single text value looks like, and the typed value it becomes. Only forms that read back
 * unchanged count as numbers: {@code 007} or {@code +1} stay text, so that no digit of an identifier is lost.
 */
final class ValueTypes {

    /** {@code 2024-05-01}, {@code 2024-05-01 10:30}, {@code 2024-05-01T10:30:00.123Z}, {@code ...+02:00}. */
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral('T')
            .optionalEnd()
            .optionalStart()
            .appendLiteral(' ')
            .optionalEnd()
            .optionalStart()
            .appendValue(ChronoField.HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart()
            .appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd()
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HH:MM", "Z")
            .optionalEnd()
            .optionalEnd()
            .toFormatter(Locale.ROOT);

    private ValueTypes() {}

    /** The narrowest type that holds {@code value} unchanged. */
    static ColumnType guess(String value) {
        int n = value.length();
        if (n == 0) {
            return ColumnType.TEXT;
        }
        char c = value.charAt(0);
        if ((c >= '0' && c <= '9') || c == '-') {
            if (isInteger(value)) {
                return ColumnType.INTEGER;
            }
            if (isDecimal(value)) {
                return ColumnType.DECIMAL;
            }
            if (n >= 10 && value.charAt(4) == '-' && timestamp(value) != null) {
                return ColumnType.TIMESTAMP;
            }
            return ColumnType.TEXT;
        }
        if (n == 4 && value.equalsIgnoreCase("true") || n == 5 && value.equalsIgnoreCase("false")) {
            return ColumnType.BOOLEAN;
        }
        return ColumnType.TEXT;
    }

    /** Whether {@code value} can be stored in a column of {@code type}. */
    static boolean fits(String value, ColumnType type) {
        return switch (type) {
            case TEXT, JSON -> true;
            case INTEGER -> isInteger(value);
            case DECIMAL -> isInteger(value) || isDecimal(value);
            case BOOLEAN -> value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
            case TIMESTAMP -> timestamp(value) != null;
        };
    }

    /** The value as the JDBC object for {@code type}; call only where {@link #fits} holds. */
    static Object convert(String value, ColumnType type) {
        return switch (type) {
            case TEXT, JSON -> value;
            case INTEGER -> Long.parseLong(value);
            case DECIMAL -> new BigDecimal(value);
            case BOOLEAN -> Boolean.parseBoolean(value);
            case TIMESTAMP -> timestamp(value);
        };
    }

    /** Signed whole numbers without leading zeros that fit a long (18 digits at most, to be sure). */
    static boolean isInteger(String v) {
        int i = v.charAt(0) == '-' ? 1 : 0;
        int digits = v.length() - i;
        if (digits < 1 || digits > 18 || (v.charAt(i) == '0' && digits > 1)) {
            return false;
        }
        for (; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !v.equals("-0");
    }

    /** The most digits a decimal column (H2's DECFLOAT) holds; a longer number stays text. */
    private static final int MAX_DECIMAL_DIGITS = 100_000;

    /** {@code -12.50}, {@code 3e8}, {@code 1.5E-3}, and whole numbers too long for a long. */
    static boolean isDecimal(String v) {
        int i = v.charAt(0) == '-' ? 1 : 0;
        int start = i;
        while (i < v.length() && Character.isDigit(v.charAt(i)) && v.charAt(i) < 128) {
            i++;
        }
        int intDigits = i - start;
        if (intDigits == 0 || (v.charAt(start) == '0' && intDigits > 1)) {
            return false;
        }
        boolean more = false;
        int fractionDigits = 0;
        if (i < v.length() && v.charAt(i) == '.') {
            int f = ++i;
            while (i < v.length() && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
                i++;
            }
            if (i == f) {
                return false;
            }
            fractionDigits = i - f;
            more = true;
        }
        if (i < v.length() && (v.charAt(i) == 'e' || v.charAt(i) == 'E')) {
            i++;
            if (i < v.length() && (v.charAt(i) == '+' || v.charAt(i) == '-')) {
                i++;
            }
            int e = i;
            while (i < v.length() && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
                i++;
            }
            if (i == e || i - e > 4) {
                return false;
            }
            more = true;
        }
        int digits = intDigits + fractionDigits;
        return i == v.length() && (more || intDigits > 18) && digits <= MAX_DECIMAL_DIGITS;
    }

    /** The timestamp {@code v} names, at UTC where it names no offset, or {@code null}. */
    static OffsetDateTime timestamp(String v) {
        if (v.length() < 10 || v.length() > 40) {
            return null;
        }
        try {
            TemporalAccessor t = TIMESTAMP.parse(v);
            LocalDate date = LocalDate.from(t);
            LocalDateTime at = t.isSupported(ChronoField.HOUR_OF_DAY)
                    ? LocalDateTime.of(date, java.time.LocalTime.from(t))
                    : date.atStartOfDay();
            ZoneOffset offset = t.isSupported(ChronoField.OFFSET_SECONDS) ? ZoneOffset.from(t) : ZoneOffset.UTC;
            return OffsetDateTime.of(at, offset);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
