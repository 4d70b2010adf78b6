package io.siftbench.model.curation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How numbers appear in flag reasons: at most two decimals, no trailing zeros ("0.93", "3", "0.4"). */
final class Numbers {

    private Numbers() {}

    static String format(double value) {
        return BigDecimal.valueOf(value)
                .setScale(2, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }
}
