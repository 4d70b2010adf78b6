package io.siftbench.storage.datasets;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON or CSV syntax error in Siftbench's words. The parser's own text names its features and settings
 * ({@code ALLOW_NON_NUMERIC_NUMBERS}, "CTRL-CHAR, code 1") and says nothing of how to fix the file; each error
 * it is known to report is said again here, and anything else is reported by its place alone.
 */
final class SyntaxProblems {

    private static final Pattern CODE = Pattern.compile("code (\\d+)");
    private static final Pattern CLOSE_MARKER = Pattern.compile("Unexpected close marker '(.)': expected '(.)'");

    private SyntaxProblems() {}

    /**
     * @param ends what ends early when the input does: "the file", or "the line" for JSON Lines
     */
    static String describe(JsonProcessingException e, String ends) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (m.startsWith("Unexpected end-of-input")) {
            return endOfInput(m, ends);
        }
        if (m.startsWith("Non-standard token")) {
            String token = between(m, "'", "'");
            return token + " is not a JSON number; write null, or put it in quotes (\"" + token
                    + "\") to keep it as text.";
        }
        if (m.contains("Leading zeroes not allowed")) {
            return "a number starts with 0 and more digits (like 012), which JSON does not allow; put it in quotes "
                    + "to keep it as text.";
        }
        if (m.contains("numbers to have plus signs")) {
            return "a number starts with '+', which JSON does not allow; leave the sign out or put the number in quotes.";
        }
        if (m.startsWith("Unrecognized token")) {
            return SchemaScan.abbreviate(between(m, "'", "': was expecting"))
                    + " is not a JSON value: expected a string in double quotes, a number, an "
                    + "object, an array, true, false or null.";
        }
        if (m.startsWith("Unrecognized character escape")) {
            return "\\" + character(m).replace("'", "") + " is not an escape JSON knows; write a backslash in a "
                    + "string as \\\\.";
        }
        if (m.startsWith("Illegal unquoted character")) {
            int code = code(m);
            return String.format(
                    "a string holds control character U+%04X as it is; JSON needs it written as \\u%04X.", code, code);
        }
        if (m.startsWith("Illegal character") && m.contains("white space")) {
            return String.format(
                    "control character U+%04X stands between values, where only spaces, tabs and line " + "breaks may.",
                    code(m));
        }
        Matcher close = CLOSE_MARKER.matcher(m);
        if (close.find()) {
            return "found '" + close.group(1) + "', but the open "
                    + (close.group(2).equals("}") ? "object" : "array") + " must be closed with '" + close.group(2)
                    + "' first.";
        }
        if (m.startsWith("Unexpected close marker")) {
            return "found " + character(m) + " with nothing open for it to close.";
        }
        if (m.startsWith("Duplicate field")) {
            return "the object has the field \"" + between(m, "'", "'") + "\" twice.";
        }
        if (m.startsWith("Unexpected character")) {
            return unexpected(m, character(m));
        }
        if (m.startsWith("Invalid numeric value")) {
            return "a number is malformed.";
        }
        return "the text is malformed" + at(e.getLocation()) + ".";
    }

    private static String endOfInput(String m, String ends) {
        if (m.contains("expected close marker for Object")) {
            return ends + " ends before an object is closed with '}'.";
        }
        if (m.contains("expected close marker for Array")) {
            return ends + " ends before an array is closed with ']'.";
        }
        if (m.contains("closing quote")) {
            return ends + " ends in the middle of a string: its closing quote is missing.";
        }
        if (m.contains("Object entries")) {
            return ends + " ends in the middle of an object: a field or the closing '}' is missing.";
        }
        if (m.contains("Array entries")) {
            return ends + " ends in the middle of an array: a value or the closing ']' is missing.";
        }
        if (m.contains("in field name")) {
            return ends + " ends in the middle of a field name.";
        }
        return ends + " ends in the middle of a value.";
    }

    /** "Unexpected character ('x' (code 120)): what was expected", said as what should have come. */
    private static String unexpected(String m, String found) {
        if (m.contains("double-quote to start field name")) {
            return "expected a field name in double quotes, but found " + found + ".";
        }
        if (m.contains("colon to separate field name and value")) {
            return "expected ':' after the field name, but found " + found + ".";
        }
        if (m.contains("comma to separate Object entries")) {
            return "expected ',' or '}' after a field's value, but found " + found + ".";
        }
        if (m.contains("comma to separate Array entries")) {
            return "expected ',' or ']' after a value, but found " + found + ".";
        }
        if (m.contains("expected a valid value") || m.contains("expected a value")) {
            return "expected a value (a string in double quotes, a number, an object, an array, true, false or null), "
                    + "but found " + found + ".";
        }
        if (m.contains("comment")) {
            return "found " + found + ", but JSON has no comments.";
        }
        if (m.contains("hex-digit")) {
            return "a \\u escape needs four hexadecimal digits, but found " + found + ".";
        }
        if (m.contains("root-level values")) {
            return "two values run together: expected a space or a line break before " + found + ".";
        }
        if (m.contains("numeric value") || m.contains("digit")) {
            return "a number is malformed: it holds " + found + ".";
        }
        if (m.contains("column separator")) {
            return "a quoted value is followed by " + found + "; after its closing quote only the delimiter or the "
                    + "end of the line may come. (Inside a quoted value, a quote is written \"\".)";
        }
        return "found " + found + " where it cannot stand.";
    }

    /** The character the parser names ("'x' (code 120)" or "(CTRL-CHAR, code 1)"), as {@code 'x'} or {@code U+0001}. */
    private static String character(String m) {
        int code = code(m);
        if (code < 0) {
            return "a character";
        }
        if (code == '\'') {
            return "a single quote";
        }
        return code < 0x20 || code == 0x7f
                ? String.format("control character U+%04X", code)
                : "'" + new String(Character.toChars(code)) + "'";
    }

    private static int code(String m) {
        Matcher c = CODE.matcher(m);
        return c.find() ? Integer.parseInt(c.group(1)) : -1;
    }

    /** The text after the first {@code open} and before the last {@code close}. */
    private static String between(String m, String open, String close) {
        int start = m.indexOf(open) + open.length();
        int end = m.lastIndexOf(close);
        return start > 0 && end >= start ? m.substring(start, end) : "";
    }

    private static String at(JsonLocation where) {
        return where == null || where.getLineNr() < 1
                ? ""
                : " at line " + where.getLineNr() + ", character " + where.getColumnNr();
    }
}
