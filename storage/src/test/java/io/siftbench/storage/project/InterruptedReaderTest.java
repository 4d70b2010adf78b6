package io.siftbench.storage.project;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.datasets.ImportOptions;
import io.siftbench.model.datasets.ImportProgress;
import io.siftbench.model.project.Project;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cancelling a background task interrupts its thread. A thread interrupted in the middle of a file read closes
 * Java's file channel, and with it H2's store for every connection of the project ("Reading from file … failed"
 * until the window is reopened). The project opens its file through H2's {@code retry:} file system, which
 * reopens the channel instead, so the project goes on answering.
 */
class InterruptedReaderTest {

    private static final int ROWS = 60_000;

    @TempDir
    Path dir;

    @Test
    void aReaderInterruptedMidReadLeavesTheProjectWorking() throws Exception {
        Path csv = dir.resolve("big.csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv)) {
            out.write("text,label\n");
            for (int i = 0; i < ROWS; i++) {
                out.write("question number " + i + " about a card that has not arrived yet " + "x".repeat(i % 97)
                        + ",label" + (i % 7) + "\n");
            }
        }
        Path small = dir.resolve("small.csv");
        Files.writeString(
                small,
                "text,label\nwhere is my card,card_arrival\n".repeat(1) + "my card is lost,lost\n".repeat(2_000));
        try (Project project = new H2ProjectOpener().open(dir.resolve("interrupted.mv.db"))) {
            DatasetInfo dataset = project.datasets()
                    .importFile(ImportOptions.of(csv), ImportProgress.NONE)
                    .dataset();
            for (int round = 0; round < 5; round++) {
                AtomicLong read = new AtomicLong();
                Thread reader = new Thread(() -> {
                    try {
                        for (int pass = 0; pass < 20; pass++) {
                            project.datasets().forEachRecord(dataset.id(), r -> read.incrementAndGet());
                            // Reading and writing, as an import or a run does: a commit writes to the file.
                            DatasetInfo copy = project.datasets()
                                    .importFile(ImportOptions.of(small), ImportProgress.NONE)
                                    .dataset();
                            project.datasets().delete(copy.id());
                        }
                    } catch (RuntimeException e) {
                        // The interrupted work itself may fail; what matters is what comes after.
                    }
                });
                reader.start();
                Thread.sleep(200 + round * 150L);
                reader.interrupt();
                reader.join();

                long[] after = {0};
                project.datasets().forEachRecord(dataset.id(), r -> after[0]++);
                assertThat(after[0])
                        .as("records read after interrupt " + (round + 1))
                        .isEqualTo(ROWS);
                assertThat(project.datasets().list())
                        .extracting(DatasetInfo::rows)
                        .containsExactly((long) ROWS);
                DatasetInfo imported = project.datasets()
                        .importFile(ImportOptions.of(small), ImportProgress.NONE)
                        .dataset();
                project.datasets().delete(imported.id());
            }
        }
    }
}
