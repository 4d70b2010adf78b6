package io.siftbench.views.controls;

/** Numbers as a researcher types them into a form, refused in the words a form shows. */
public final class TypedNumbers {

    private TypedNumbers() {}

    /**
     * {@code text} as a finite number.
     *
     * @throws IllegalArgumentException "Temperature: 'warm' is not a number"
     */
    public static double number(String field, String text) {
        try {
            double value = Double.parseDouble(text.strip());
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // Said below, in the form's words.
        }
        throw new IllegalArgumentException(field + ": '" + text + "' is not a number");
    }
}
