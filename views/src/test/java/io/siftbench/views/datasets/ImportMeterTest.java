package io.siftbench.views.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.siftbench.model.datasets.ImportStage;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What the import progress bar says: how far, how fast, how long still. */
class ImportMeterTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void checkingFillsTheFirstQuarterAndStoringTheRest() {
        ImportMeter meter = new ImportMeter(0);

        ImportMeter.Reading checking = meter.read(ImportStage.CHECKING, 50_000, 500, 1000, 5 * SECOND);
        meter.read(ImportStage.STORING, 0, 0, 1000, 15 * SECOND);
        ImportMeter.Reading storing = meter.read(ImportStage.STORING, 20_000, 500, 1000, 25 * SECOND);

        assertThat(checking.fraction()).isCloseTo(0.125, within(1e-9));
        assertThat(checking.rowsPerSecond()).isCloseTo(10_000, within(1e-6));
        assertThat(storing.fraction()).isCloseTo(0.625, within(1e-9));
        // The storing rate counts from the moment storing began, not from the start of the import.
        assertThat(storing.rowsPerSecond()).isCloseTo(2_000, within(1e-6));
    }

    @Test
    void aFileReadOnceIsOnlyStoredAndTheTimeLeftFollowsTheTimeSoFar() {
        ImportMeter meter = new ImportMeter(0);
        meter.read(ImportStage.STORING, 0, 0, 1000, 10 * SECOND);

        ImportMeter.Reading halfway = meter.read(ImportStage.STORING, 100_000, 1000 / 2, 1000, 30 * SECOND);

        assertThat(halfway.fraction()).isCloseTo(0.5, within(1e-9));
        assertThat(halfway.remaining()).isEqualTo(Duration.ofSeconds(30));
        assertThat(halfway.text()).isEqualTo("Storing: 100,000 rows · 3,333 rows/s · 0:30 left");
    }

    @Test
    void writesLongWaitsWithHours() {
        assertThat(ImportMeter.clock(Duration.ofSeconds(3 * 3600 + 62))).isEqualTo("3:01:02");
        assertThat(ImportMeter.clock(Duration.ofSeconds(59))).isEqualTo("0:59");
    }
}
