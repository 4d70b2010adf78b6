package io.siftbench.views.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The serial queue with real threads: work on a background pool, handlers on one "UI" thread, as in the
 * window but without a toolkit.
 */
class SerialTaskQueueTest {

    private final ExecutorService ui = Executors.newSingleThreadExecutor();
    private final ExecutorService background = Executors.newFixedThreadPool(4);
    private final TaskExecutor tasks = new TaskExecutor() {
        @Override
        public <T> TaskHandle execute(BackgroundTask<T> task) {
            background.execute(() -> {
                try {
                    T result = task.run(new BackgroundTask.Progress() {
                        @Override
                        public void update(double done, double total, String message) {}

                        @Override
                        public boolean isCancelled() {
                            return false;
                        }
                    });
                    ui.execute(() -> task.succeeded(result));
                } catch (Exception e) {
                    ui.execute(() -> task.failed(e));
                }
            });
            return () -> {};
        }

        @Override
        public java.util.concurrent.Executor uiThread() {
            return ui;
        }
    };

    @AfterEach
    void stop() {
        ui.shutdownNow();
        background.shutdownNow();
    }

    @Test
    void workRunsAndReportsInTheOrderItWasSubmittedEvenAcrossManyBatches() throws Exception {
        SerialTaskQueue queue = new SerialTaskQueue(tasks, "writing");
        List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
        List<Integer> reported = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        CountDownLatch all = new CountDownLatch(2_000);

        ui.submit(() -> IntStream.range(0, 2_000)
                        .forEach(i -> queue.submit(
                                () -> {
                                    ran.add(i);
                                    if (i == 700) {
                                        throw new IllegalStateException("disk full at " + i);
                                    }
                                    return i;
                                },
                                value -> {
                                    reported.add(value);
                                    all.countDown();
                                },
                                error -> {
                                    failures.add(error);
                                    all.countDown();
                                })))
                .get();

        assertThat(all.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(ran)
                .containsExactlyElementsOf(IntStream.range(0, 2_000).boxed().toList());
        assertThat(reported).hasSize(1_999).isSorted().doesNotContain(700);
        assertThat(failures).singleElement().extracting(Throwable::getMessage).isEqualTo("disk full at 700");
        assertThat(ui.submit(queue::isIdle).get()).isTrue();
    }

    @Test
    void flushWaitsForTheBatchInFlightThenRunsWhatWaitsInOrderExactlyOnce() throws Exception {
        SerialTaskQueue queue = new SerialTaskQueue(tasks, "writing");
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        ExecutorService releaser = Executors.newSingleThreadExecutor();

        ui.submit(() -> {
                    queue.submit(
                            () -> {
                                firstStarted.countDown();
                                releaseFirst.await();
                                return ran.add("first");
                            },
                            ok -> {},
                            error -> {});
                    queue.submit(() -> ran.add("second"), ok -> {}, error -> {});
                    queue.submit(() -> ran.add("third"), ok -> {}, error -> {});
                })
                .get();
        assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
        // The first batch is still writing when the flush comes; the other two wait behind it.
        releaser.submit(() -> {
            Thread.sleep(200);
            releaseFirst.countDown();
            return null;
        });

        ui.submit(queue::flush).get(10, TimeUnit.SECONDS);

        assertThat(ran).containsExactly("first", "second", "third");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!ui.submit(queue::isIdle).get() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(ran).as("nothing runs twice once the first batch reports").hasSize(3);
        releaser.shutdown();
    }
}
