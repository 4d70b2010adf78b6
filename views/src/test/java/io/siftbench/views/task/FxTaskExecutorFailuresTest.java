package io.siftbench.views.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * No failure of background work goes unsaid: one the asking screen shows stays with the screen, one it has no word
 * for reaches the window, and every one is logged with its stack trace.
 */
class FxTaskExecutorFailuresTest {

    private final FxTaskExecutor tasks = new FxTaskExecutor();
    private final List<String> window = new CopyOnWriteArrayList<>();
    private final List<String> screen = new CopyOnWriteArrayList<>();
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Logger log = Logger.getLogger(FxTaskExecutor.class.getName());
    private final Handler recorder = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() {
        log.removeHandler(recorder);
        tasks.close();
    }

    private static BackgroundTask<Void> failing(String title) {
        return BackgroundTask.of(title, progress -> {
            throw new IllegalStateException("the disk is full");
        });
    }

    @Test
    void aFailureNoScreenShowsReachesTheWindowAndTheLog() throws Exception {
        log.addHandler(recorder);
        tasks.onUnheardFailure((title, error) -> window.add(title + ": " + error.getMessage()));

        tasks.execute(failing("Closing banking.mv.db"));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.isEmpty());
        assertThat(window).containsExactly("Closing banking.mv.db: the disk is full");
        assertThat(logged).singleElement().satisfies(r -> {
            assertThat(r.getMessage()).isEqualTo("Closing banking.mv.db failed");
            assertThat(r.getThrown()).hasMessage("the disk is full");
        });
    }

    @Test
    void aFailureTheScreenShowsStaysWithTheScreenAndIsLogged() throws Exception {
        log.addHandler(recorder);
        tasks.onUnheardFailure((title, error) -> window.add(title));

        tasks.execute(failing("Exporting jsonl").onFailure(error -> screen.add(error.getMessage())));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !screen.isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(screen).containsExactly("the disk is full");
        assertThat(window).isEmpty();
        assertThat(logged).extracting(LogRecord::getMessage).containsExactly("Exporting jsonl failed");
    }
}
