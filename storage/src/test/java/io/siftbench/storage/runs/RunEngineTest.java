package io.siftbench.storage.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.model.project.Project;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.runs.BackendRef;
import io.siftbench.model.runs.Message;
import io.siftbench.model.runs.RunConfig;
import io.siftbench.model.runs.RunEngine;
import io.siftbench.model.runs.RunPlan;
import io.siftbench.model.runs.RunProgress;
import io.siftbench.model.runs.RunStatus;
import io.siftbench.model.runs.Sample;
import io.siftbench.model.runs.Slot;
import io.siftbench.storage.project.H2ProjectOpener;
import io.siftbench.storage.project.ProjectFile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run engine against a real project file: samples committed as they arrive, resumes exact. */
class RunEngineTest {

    @TempDir
    Path dir;

    private Project project;
    private long promptVersionId;

    @BeforeEach
    void openProject() throws Exception {
        Path file = dir.resolve("runs.mv.db");
        new H2ProjectOpener().open(file).close();
        try (Connection c = DriverManager.getConnection(new ProjectFile(file).jdbcUrl(false), "sa", "");
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO prompt (name) VALUES ('story')");
            s.execute("INSERT INTO prompt_version (prompt_id, version, mode, spec) SELECT id, 1, 'synthesize', '{}'"
                    + " FROM prompt");
            try (ResultSet rs = s.executeQuery("SELECT id FROM prompt_version")) {
                rs.next();
                promptVersionId = rs.getLong(1);
            }
        }
        project = new H2ProjectOpener().open(file);
    }

    @AfterEach
    void close() {
        project.close();
    }

    @Test
    void everySlotGetsExactlyOneSampleWithItsProvenance() throws Exception {
        long run = newRun(40, 4);
        List<Slot> plan = plan(40);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        List<RunProgress> progress = new ArrayList<>();

        RunStatus status = new RunEngine(project.runs(), project.samples())
                .run(
                        run,
                        RunPlan.of(plan),
                        4,
                        (runId, slot) -> {
                            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                            try {
                                Thread.sleep(5);
                                return answer(runId, slot, null);
                            } finally {
                                inFlight.decrementAndGet();
                            }
                        },
                        (sample, p) -> {
                            synchronized (progress) {
                                progress.add(p);
                            }
                        },
                        () -> false);

        assertThat(status).isEqualTo(RunStatus.COMPLETED);
        assertThat(project.samples().count(run)).isEqualTo(40);
        assertThat(maxInFlight.get()).isBetween(2, 4);
        List<Sample> stored = project.samples().list(run, 0, 100);
        assertThat(stored)
                .extracting(s -> s.slot().key())
                .doesNotHaveDuplicates()
                .hasSize(40);
        Sample third = stored.get(3);
        assertThat(third.slot()).isEqualTo(plan.get(3));
        assertThat(third.text())
                .isEqualTo("story about " + plan.get(3).conditions().get("topic"));
        assertThat(third.promptTokens()).isEqualTo(12);
        assertThat(progress).extracting(RunProgress::done).contains(40);
        assertThat(project.runs().find(run).orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(project.runs().find(run).orElseThrow().samples()).isEqualTo(40);
    }

    @Test
    void samplesArrivingTogetherAreEachCommittedBeforeTheyAreCounted() throws Exception {
        // Eight workers with answers at once: their samples share commits, and each is on disk (readable from
        // another connection) by the time the run counts it and the screen hears of it.
        long run = newRun(200, 8);
        List<Slot> plan = plan(200);
        List<String> unseen = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger told = new AtomicInteger();

        RunStatus status = new RunEngine(project.runs(), project.samples())
                .run(
                        run,
                        RunPlan.of(plan),
                        8,
                        (runId, slot) -> answer(runId, slot, null),
                        (sample, p) -> {
                            told.incrementAndGet();
                            if (project.samples().find(sample.id()).isEmpty()) {
                                unseen.add(sample.slot().key());
                            }
                        },
                        () -> false);

        assertThat(status).isEqualTo(RunStatus.COMPLETED);
        assertThat(unseen).isEmpty();
        assertThat(told.get()).isEqualTo(200);
        assertThat(project.samples().list(run, 0, 300))
                .extracting(s -> s.slot().key())
                .doesNotHaveDuplicates()
                .hasSize(200);
    }

    @Test
    void cancelledRunResumesWithExactlyTheMissingSlots() throws Exception {
        long run = newRun(60, 3);
        List<Slot> plan = plan(60);
        AtomicBoolean cancel = new AtomicBoolean();
        RunEngine engine = new RunEngine(project.runs(), project.samples());

        RunStatus first = engine.run(
                run,
                RunPlan.of(plan),
                3,
                (runId, slot) -> answer(runId, slot, null),
                (sample, p) -> cancel.compareAndSet(false, p.done() >= 20),
                cancel::get);
        assertThat(first).isEqualTo(RunStatus.CANCELLED);
        List<Sample> before = project.samples().list(run, 0, 100);
        assertThat(before.size()).isBetween(20, 30);

        Map<String, Integer> sentOnResume = new ConcurrentHashMap<>();
        RunStatus second = engine.run(
                run,
                RunPlan.of(plan),
                3,
                (runId, slot) -> {
                    sentOnResume.merge(slot.key(), 1, Integer::sum);
                    return answer(runId, slot, null);
                },
                (sample, p) -> {},
                () -> false);

        assertThat(second).isEqualTo(RunStatus.COMPLETED);
        assertThat(sentOnResume).hasSize(60 - before.size()).allSatisfy((k, n) -> assertThat(n)
                .isEqualTo(1));
        List<Sample> after = project.samples().list(run, 0, 100);
        assertThat(after).hasSize(60).extracting(s -> s.slot().key()).doesNotHaveDuplicates();
        assertThat(after).containsAll(before);
    }

    @Test
    void failedRequestsAreStoredAndTriedAgainOnResume() throws Exception {
        long run = newRun(10, 2);
        List<Slot> plan = plan(10);
        RunEngine engine = new RunEngine(project.runs(), project.samples());

        engine.run(
                run,
                RunPlan.of(plan),
                2,
                (runId, slot) -> answer(runId, slot, slot.ordinal() % 5 == 0 ? "connection refused" : null),
                (s, p) -> {},
                () -> false);
        assertThat(project.runs().find(run).orElseThrow().failures()).isEqualTo(2);

        List<String> retried = new ArrayList<>();
        engine.run(
                run,
                RunPlan.of(plan),
                2,
                (runId, slot) -> {
                    synchronized (retried) {
                        retried.add(slot.key());
                    }
                    return answer(runId, slot, null);
                },
                (s, p) -> {},
                () -> false);

        assertThat(retried).containsExactlyInAnyOrder("topic=t0", "topic=t5");
        assertThat(project.samples().count(run)).isEqualTo(10);
        assertThat(project.runs().find(run).orElseThrow().failures()).isZero();
    }

    @Test
    void runLeftRunningByAClosedProcessIsInterruptedWhenTheProjectIsOpenedAgain() {
        long run = newRun(10, 2); // created running, as the process that ran it was killed before it ended
        Path file = project.file();
        project.close();

        project = new H2ProjectOpener().open(file);

        assertThat(project.runs().find(run).orElseThrow().status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(project.runs().find(run).orElseThrow().finishedAt()).isNotNull();
    }

    @Test
    void runOfAProjectStillOpenInThisProcessStaysRunningWhenTheProjectIsOpenedBesideIt() {
        long run = newRun(10, 2);

        try (Project second = new H2ProjectOpener().open(project.file())) {
            assertThat(second.runs().find(run).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
        }
        assertThat(project.runs().find(run).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
    }

    private long newRun(int target, int concurrency) {
        return project.runs()
                .create(new RunConfig(
                        promptVersionId,
                        PromptMode.SYNTHESIZE,
                        new BackendRef("openai", "http://127.0.0.1:1/v1", "tiny"),
                        "{\"temperature\":0.7}",
                        null,
                        7,
                        concurrency,
                        target,
                        1,
                        "{}"));
    }

    private static List<Slot> plan(int n) {
        List<Slot> plan = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            plan.add(new Slot(
                    "topic=t" + i,
                    i,
                    null,
                    Map.of("topic", "t" + i),
                    List.of(),
                    List.of(Message.system("You write stories."), Message.user("A story about t" + i))));
        }
        return plan;
    }

    private static Sample answer(long runId, Slot slot, String error) {
        String text = error == null ? "story about " + slot.conditions().get("topic") : null;
        return new Sample(
                0,
                runId,
                slot,
                "tiny",
                "{\"temperature\":0.7}",
                7L,
                text,
                null,
                null,
                null,
                text,
                null,
                error == null,
                null,
                List.of(),
                12,
                30,
                5L,
                "stop",
                error,
                null);
    }
}
