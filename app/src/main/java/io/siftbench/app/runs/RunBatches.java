package io.siftbench.app.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.siftbench.app.backends.BatchBackend;
import io.siftbench.app.backends.ServerBatches;
import io.siftbench.model.backends.BackendClient;
import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.GenerationRequest;
import io.siftbench.model.backends.RetryPolicy;
import io.siftbench.model.export.ExportProgress;
import io.siftbench.model.project.Project;
import io.siftbench.model.runs.BatchExport;
import io.siftbench.model.runs.BatchReport;
import io.siftbench.model.runs.BatchSubmission;
import io.siftbench.model.runs.RunBatchFiles;
import io.siftbench.model.runs.RunInfo;
import io.siftbench.model.runs.RunPlan;
import io.siftbench.model.runs.RunSampler;
import io.siftbench.model.runs.RunStatus;
import io.siftbench.model.runs.Sample;
import io.siftbench.model.runs.SampleStore;
import io.siftbench.model.runs.Slot;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * A run's missing slots as an OpenAI batch-input file (what vLLM's {@code run_batch} and the {@code /v1/batches}
 * API read), and the matching batch-output file back as the run's samples. Each request is the one a live run
 * sends for the slot and vote ({@link RunSampler#requests}, its body made by the live OpenAI backend,
 * {@link BatchBackend}), and each answer goes through the live path too: langchain4j reads it, {@code
 * BackendClient} validates it and {@link RunSampler#generate} makes the sample (votes, label, provenance). So an
 * imported sample is the sample a live run would have stored for the same answer, and a run stays resumable live
 * or with another batch file: what is missing is what has no sample.
 */
public final class RunBatches implements RunBatchFiles {

    /** The endpoint every line asks for. */
    public static final String CHAT_COMPLETIONS = "/v1/chat/completions";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The longest wait between two looks at a submitted batch, unless the caller says otherwise. */
    private static final Duration POLL = Duration.ofSeconds(10);
    /** The first wait: a small batch is often done within a second, and is imported then. */
    private static final Duration FIRST_POLL = Duration.ofMillis(250);

    private final Project project;
    private final ProjectRuns runs;
    private final Function<RunInfo, BackendConfig> configs;

    /** @param configs the backend a run names, as the user configured it (model, schema style) */
    public RunBatches(Project project, ProjectRuns runs, Function<RunInfo, BackendConfig> configs) {
        this.project = project;
        this.runs = runs;
        this.configs = configs;
    }

    /** The id of a slot's request in a batch file: the run and the slot's key, and the vote where there are several. */
    static String customId(RunInfo run, Slot slot, int vote) {
        return customId(run, slot.key(), vote);
    }

    private static String customId(RunInfo run, String slotKey, int vote) {
        String id = "run" + run.id() + "-" + slotKey;
        return run.config().votes() > 1 ? id + "-vote" + (vote + 1) : id;
    }

    /**
     * Writes one line per request of each slot of {@code runId} without a sample (the slots a resume would send);
     * the file appears whole or not at all. Nothing is sent and nothing stored.
     */
    @Override
    public BatchExport export(long runId, Path file, ExportProgress progress, BooleanSupplier cancelled)
            throws IOException {
        RunInfo run = run(runId);
        RunPlan plan = runs.plan(run);
        int[] missing = missing(plan, project.samples().doneSlotKeys(run.id()));
        BatchBackend backend = new BatchBackend(configs.apply(run));
        Path part = file.resolveSibling(file.getFileName() + ".part");
        int lines = 0;
        try (BackendClient client = new BackendClient(backend);
                BufferedWriter out = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
            RunSampler sampler = runs.sampler(run, client);
            // The slots are made one at a time as they are written: an annotate run's plan holds only its ids.
            Iterator<Slot> slots = plan.slots(Arrays.stream(missing).iterator());
            for (int i = 0; i < missing.length; i++) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("Batch export cancelled");
                }
                Slot slot = slots.next();
                List<GenerationRequest> requests = sampler.requests(slot);
                for (int vote = 0; vote < requests.size(); vote++) {
                    ObjectNode line = JSON.createObjectNode()
                            .put("custom_id", customId(run, slot, vote))
                            .put("method", "POST")
                            .put("url", CHAT_COMPLETIONS);
                    line.set("body", JSON.readTree(backend.body(requests.get(vote))));
                    out.write(JSON.writeValueAsString(line));
                    out.write('\n');
                    lines++;
                }
                progress.update(i + 1, missing.length, "Writing the batch file");
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
        return new BatchExport(run.id(), file.toString(), missing.length, lines);
    }

    /**
     * Stores the answers of {@code file}, a batch-output file, as the samples of the slots of {@code runId} that
     * have none: a slot once every vote of it has a line. A file with no batch-output line at all stores nothing.
     *
     * @throws IllegalArgumentException when {@code file} is not a batch-output file
     */
    @Override
    public BatchReport importOutput(long runId, Path file, ExportProgress progress, BooleanSupplier cancelled)
            throws IOException, InterruptedException {
        RunInfo run = run(runId);
        RunPlan plan = runs.plan(run);
        Set<String> done = project.samples().doneSlotKeys(run.id());
        Set<String> wanted = new HashSet<>();
        Set<String> answered = new HashSet<>();
        for (int ordinal = 0; ordinal < plan.size(); ordinal++) {
            String key = plan.key(ordinal);
            for (int vote = 0; vote < run.config().votes(); vote++) {
                (done.contains(key) ? answered : wanted).add(customId(run, key, vote));
            }
        }
        OutputLines read = OutputLines.read(file, run, wanted, answered);
        int[] missingOrdinals = missing(plan, done);
        Iterator<Slot> missing = plan.slots(Arrays.stream(missingOrdinals).iterator());
        Committed committed = new Committed(project.samples());
        List<String> firstMissing = new ArrayList<>();
        int stillMissing = 0;
        BatchBackend backend = new BatchBackend(configs.apply(run));
        // No retries: a failed line is a failed request, said once, as the live run says it after its retries.
        try (BackendClient client = new BackendClient(backend, RetryPolicy.of(0))) {
            RunSampler sampler = runs.sampler(run, client);
            for (int i = 0; i < missingOrdinals.length; i++) {
                if (cancelled.getAsBoolean()) {
                    committed.flush(); // what was read is kept: a resume or another import goes on from there
                    throw new CancellationException("Batch import cancelled");
                }
                Slot slot = missing.next();
                progress.update(i, missingOrdinals.length, "Importing the batch output");
                List<BatchBackend.Reply> replies = new ArrayList<>();
                String absent = null;
                for (int vote = 0; vote < run.config().votes(); vote++) {
                    BatchBackend.Reply reply = read.replies().get(customId(run, slot, vote));
                    if (reply == null) {
                        absent = customId(run, slot, vote);
                        break;
                    }
                    replies.add(reply);
                }
                if (absent != null) {
                    stillMissing++;
                    if (firstMissing.size() < BatchReport.NAMED_MISSING) {
                        firstMissing.add(absent);
                    }
                    continue;
                }
                backend.replies(replies);
                committed.add(sampler.generate(run.id(), slot));
            }
            committed.flush();
        }
        int imported = committed.imported;
        int invalid = committed.invalid;
        int failed = committed.failed;
        // As a live run: completed once every slot has a sample, failed ones included (a resume tries them again).
        RunStatus status = stillMissing == 0 ? RunStatus.COMPLETED : RunStatus.CANCELLED;
        if (imported + failed > 0 || run.status() == RunStatus.RUNNING) {
            project.runs().setStatus(run.id(), status);
        } else {
            status = run.status();
        }
        return new BatchReport(
                run.id(),
                read.lines(),
                imported,
                invalid,
                failed,
                stillMissing,
                firstMissing,
                read.duplicated(),
                read.foreign(),
                read.bad(),
                status.id());
    }

    @Override
    public BatchSubmission submit(long runId, ExportProgress progress, BooleanSupplier cancelled)
            throws IOException, InterruptedException {
        return submit(runId, POLL, progress, cancelled);
    }

    /**
     * Sends the missing slots of {@code runId} to its server as one batch (the files and batches API), follows it
     * until it ends (looking again after a quarter of a second, then twice as long each time up to {@code
     * pollEvery}), then imports its output and its error file. The output is kept beside
     * the project ({@code NAME-run<id>-<batch>.jsonl}), so that an import that fails loses nothing paid for; it
     * can be imported again. A cancel asks the server to cancel the batch.
     *
     * @throws IllegalStateException when the server does not offer the batches API, or the run misses nothing
     */
    public BatchSubmission submit(long runId, Duration pollEvery, ExportProgress progress, BooleanSupplier cancelled)
            throws IOException, InterruptedException {
        RunInfo run = run(runId);
        BackendConfig config = configs.apply(run);
        ServerBatches server = new ServerBatches(config);
        if (!server.offered()) {
            throw new IllegalStateException(config.location() + " does not offer the batches API (/v1/batches):"
                    + " export a batch file instead, and import its output.");
        }
        Path input = Files.createTempFile("siftbench-run" + runId + "-", ".jsonl");
        try {
            BatchExport exported = export(runId, input, progress, cancelled);
            if (exported.lines() == 0) {
                throw new IllegalStateException("Run " + runId + " has no missing sample to send.");
            }
            ServerBatches.Status batch = server.create(server.upload(input), CHAT_COMPLETIONS);
            Duration wait = FIRST_POLL.compareTo(pollEvery) < 0 ? FIRST_POLL : pollEvery;
            while (!batch.finished()) {
                if (cancelled.getAsBoolean()) {
                    server.cancel(batch.id());
                    throw new CancellationException("Batch " + batch.id() + " cancelled");
                }
                progress.update(
                        batch.completed() + batch.failed(),
                        Math.max(batch.total(), exported.lines()),
                        "Batch " + batch.id() + " " + batch.status().replace('_', ' ') + ": "
                                + (batch.completed() + batch.failed()) + " of " + exported.lines() + " answered");
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException e) {
                    // A cancel that interrupts: the server stops the batch too (the interrupt was cleared, so the
                    // request can go), then the cancel goes on.
                    server.cancel(batch.id());
                    Thread.currentThread().interrupt();
                    throw e;
                }
                wait = wait.multipliedBy(2).compareTo(pollEvery) < 0 ? wait.multipliedBy(2) : pollEvery;
                batch = server.status(batch.id());
            }
            if (batch.outputFileId() == null && batch.errorFileId() == null) {
                throw new IOException("Batch " + batch.id() + " on " + config.location() + " ended " + batch.status()
                        + " with no output" + (batch.errors() == null ? "" : ": " + batch.errors()) + ".");
            }
            String name = project.file().getFileName().toString().replaceFirst("\\.mv\\.db$", "");
            Path output = project.file().resolveSibling(name + "-run" + runId + "-" + batch.id() + ".jsonl");
            try (OutputStream out = Files.newOutputStream(output)) {
                for (String file : new String[] {batch.outputFileId(), batch.errorFileId()}) {
                    if (file != null) {
                        server.download(file, out);
                        out.write('\n'); // the next file's first line starts on a line of its own
                    }
                }
            }
            return new BatchSubmission(
                    batch.id(), batch.status(), output.toString(), importOutput(runId, output, progress, cancelled));
        } finally {
            Files.deleteIfExists(input);
        }
    }

    /** The batches of the same open project are the same: what a screen's tasks compare by. */
    @Override
    public boolean equals(Object other) {
        return other instanceof RunBatches that && that.project == project;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(project);
    }

    private RunInfo run(long runId) {
        return project.runs()
                .find(runId)
                .orElseThrow(() -> new IllegalArgumentException("There is no run " + runId + " in this project."));
    }

    /** The ordinals of {@code plan} a resume would send: those not {@code done} (no sample, or a failed one). */
    private static int[] missing(RunPlan plan, Set<String> done) {
        return IntStream.range(0, plan.size())
                .filter(ordinal -> !done.contains(plan.key(ordinal)))
                .toArray();
    }

    /**
     * The imported samples, committed a group at a time: one commit a sample made an import of 10,000 answers take a
     * minute, nearly all of it H2 writing each commit. A kill loses at most the group not yet committed, whose lines
     * the next import of the same file stores.
     */
    private static final class Committed {
        private static final int GROUP = 256;

        private final SampleStore samples;
        private final List<Sample> pending = new ArrayList<>(GROUP);
        private int imported;
        private int invalid;
        private int failed;

        Committed(SampleStore samples) {
            this.samples = samples;
        }

        void add(Sample generated) {
            pending.add(generated);
            if (pending.size() == GROUP) {
                flush();
            }
        }

        void flush() {
            for (Sample stored : samples.addAll(pending)) {
                if (stored.failed()) {
                    failed++;
                } else {
                    imported++;
                    invalid += stored.valid() ? 0 : 1;
                }
            }
            pending.clear();
        }
    }

    /**
     * A batch-output file as read: the first answer to each wanted custom id, and every line that is not one.
     */
    record OutputLines(
            int lines,
            Map<String, BatchBackend.Reply> replies,
            List<BatchReport.Duplicate> duplicated,
            List<BatchReport.Foreign> foreign,
            List<BatchReport.BadLine> bad) {

        static OutputLines read(Path file, RunInfo run, Set<String> wanted, Set<String> answered) throws IOException {
            Map<String, BatchBackend.Reply> replies = new LinkedHashMap<>();
            Map<String, Integer> firstLine = new HashMap<>();
            List<BatchReport.Duplicate> duplicated = new ArrayList<>();
            List<BatchReport.Foreign> foreign = new ArrayList<>();
            List<BatchReport.BadLine> bad = new ArrayList<>();
            int lines = 0;
            int number = 0;
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (String text = in.readLine(); text != null; text = in.readLine()) {
                    number++;
                    if (text.isBlank()) {
                        continue;
                    }
                    lines++;
                    JsonNode line;
                    try {
                        line = JSON.readTree(text);
                    } catch (IOException e) {
                        bad.add(new BatchReport.BadLine(number, "not JSON"));
                        continue;
                    }
                    String problem = problemOf(line);
                    if (problem != null) {
                        bad.add(new BatchReport.BadLine(number, problem));
                        continue;
                    }
                    String id = line.get("custom_id").asText();
                    Integer first = firstLine.putIfAbsent(id, number);
                    if (first != null) {
                        duplicated.add(new BatchReport.Duplicate(id, number, first));
                    } else if (answered.contains(id)) {
                        foreign.add(new BatchReport.Foreign(id, number, "its slot already has a sample"));
                    } else if (!wanted.contains(id)) {
                        foreign.add(new BatchReport.Foreign(id, number, "not a request of run " + run.id()));
                    } else {
                        replies.put(id, replyOf(line));
                    }
                }
            }
            if (firstLine.isEmpty()) {
                throw new IllegalArgumentException(file + " is not a batch output file: "
                        + (bad.isEmpty()
                                ? "it has no lines"
                                : "line " + bad.get(0).line() + " is "
                                        + bad.get(0).reason())
                        + ". Nothing was imported.");
            }
            return new OutputLines(lines, replies, duplicated, foreign, bad);
        }

        /** Why {@code line} is no batch-output line, or null when it is one. */
        private static String problemOf(JsonNode line) {
            if (!line.isObject()) {
                return "not a JSON object";
            }
            if (!line.path("custom_id").isTextual()) {
                return "without a custom_id";
            }
            JsonNode response = line.path("response");
            if (response.isObject()) {
                if (!response.path("status_code").isInt()) {
                    return "a response without a status_code";
                }
                if (response.get("status_code").asInt() == 200
                        && !response.path("body").isObject()
                        && line.path("error").isMissingNode()) {
                    return "a response without a body";
                }
                return null;
            }
            if (line.path("error").isObject() || line.path("error").isTextual()) {
                return null;
            }
            return line.has("body") && line.has("method")
                    ? "a batch-input line (a request), not an answer"
                    : "without a response or an error";
        }

        /** The answer a line gives, as the server would have: its status and body. */
        private static BatchBackend.Reply replyOf(JsonNode line) {
            JsonNode response = line.path("response");
            JsonNode error = line.path("error");
            boolean hasError = error.isObject() || error.isTextual();
            int status = response.path("status_code").asInt(500);
            if (hasError && status == 200) {
                status = 500;
            }
            JsonNode body = response.path("body");
            String text = status == 200
                    ? body.toString()
                    : body.isMissingNode() || body.isNull() ? error.toString() : body.toString();
            return new BatchBackend.Reply(status, text);
        }
    }
}
