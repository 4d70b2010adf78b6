package io.siftbench.app.datasets;

import org.junit.jupiter.api.Test;

/** A 500,000-row CSV import by the real jar, killed at 20 random moments (see {@link ImportKills}). */
class CsvImportKillIT extends ImportKills {

    @Test
    void csvImportKilledTwentyTimesLeavesTheProjectOpenableWithWhatWasCommitted() throws Exception {
        killImports(bigCsv(), CSV_ROWS, 20261202L);
    }
}
