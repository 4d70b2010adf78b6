package io.siftbench.app.datasets;

import org.junit.jupiter.api.Test;

/** A gzip JSONL import by the real jar, killed at 20 random moments (see {@link ImportKills}). */
class GzipJsonlImportKillIT extends ImportKills {

    @Test
    void gzipJsonlImportKilledTwentyTimesLeavesTheProjectOpenableWithWhatWasCommitted() throws Exception {
        killImports(gzipJsonl(), JSONL_RECORDS, 20261203L);
    }
}
