package io.siftbench.model.export;

/**
 * Keeps a spreadsheet from running a CSV cell as a formula (CSV injection): a cell starting with
 * {@code =}, {@code +}, {@code -}, {@code @}, tab or carriage return gets a leading {@code '}, which
 * spreadsheets read as "text" and hide. A cell already starting with {@code '} gets one too, so that
 * {@link #unguard} gives back exactly the text that was written, whatever it was.
 */
public final class FormulaGuard {

    private static final String TRIGGERS = "=+-@\t\r'";

    private FormulaGuard() {}

    public static String guard(String cell) {
        return cell != null && !cell.isEmpty() && TRIGGERS.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    /** The text before {@link #guard}: for reading an exported CSV back. */
    public static String unguard(String cell) {
        return cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && TRIGGERS.indexOf(cell.charAt(1)) >= 0
                ? cell.substring(1)
                : cell;
    }
}
