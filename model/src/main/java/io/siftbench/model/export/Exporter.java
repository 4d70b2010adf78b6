package io.siftbench.model.export;

import io.siftbench.model.runs.RunInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exports the curated samples of runs to files that training code reads, with a dataset card beside
 * them. Reads the project and writes files only; runs on the caller's thread.
 *
 * <p>A run of any size is exported in bounded memory: a first read of the runs, page by page, decides where each
 * record goes ({@link ExportSelection}); a second read writes each record to its file as its page comes
 * ({@link ExportChoices} says the file and the place), and the card's figures are gathered on the way
 * ({@link WrittenFigures}). Only DPO's pairs are held, one per preference or edit.
 */
public final class Exporter {

    /** How many samples are read at a time. */
    public static final int PAGE_SIZE = 1_000;

    private final ExportSources sources;
    private final int pageSize;

    public Exporter(ExportSources sources) {
        this(sources, PAGE_SIZE);
    }

    /** An exporter reading {@code pageSize} samples at a time (the same files whatever the size). */
    public Exporter(ExportSources sources, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("an export reads at least one sample at a time, not " + pageSize);
        }
        this.sources = sources;
        this.pageSize = pageSize;
    }

    public ExportReport export(ExportRequest request, ExportProgress progress) {
        ExportTarget target = new ExportTarget(request.cardFile().getParent());
        // Before anything is read: an earlier export to this folder that was killed is finished or undone.
        target.settle();
        progress.update(0, 1, "reading the samples");
        ExportSelection selection = ExportSelection.select(sources, request, pageSize, progress);
        List<Path> files = new ArrayList<>();
        try {
            Files.createDirectories(request.cardFile().getParent());
            List<Split> splits =
                    request.split() == null ? List.of(Split.ALL) : List.of(Split.TRAIN, Split.VALIDATION, Split.TEST);
            boolean dpo = request.format() == ExportFormat.DPO;
            ExportChoices choices = selection.choices();
            boolean negatives = request.rejectedAsNegatives() && !dpo;
            int total = dpo ? selection.pairs().size() : choices.kept() + choices.negatives();
            WrittenFigures figures = new WrittenFigures(total);
            Counter counter = new Counter(progress, total);
            Map<Split, Path> staged = new LinkedHashMap<>();
            for (Split split : splits) {
                Path file = request.fileOf(split);
                files.add(file);
                staged.put(split, target.stage(file));
            }
            if (negatives) {
                Path file = request.fileOf(Split.REJECTED);
                files.add(file);
                staged.put(Split.REJECTED, target.stage(file));
            }
            if (dpo) {
                writePairs(staged, selection.pairs(), figures, counter);
            } else {
                writeRecords(request, staged, selection, figures, counter);
            }
            Map<String, Integer> counts = new LinkedHashMap<>();
            staged.keySet().forEach(split -> counts.put(split.id(), (int) figures.count(split.id())));
            progress.update(total, total, "writing the dataset card");
            Path card = request.cardFile();
            Files.writeString(
                    target.stage(card), new DatasetCard(sources, request, selection, figures, files).markdown());
            progress.update(total, total, "putting the files in place");
            target.commit(request.exportFiles());
            return new ExportReport(
                    files,
                    counts,
                    selection.samples(),
                    selection.leftOutByStatus(),
                    selection.leftOutByFilter(),
                    selection.leftOutAsFailed(),
                    selection.leftOutAsDemonstrations(),
                    selection.leftOutAsEvaluation(),
                    card);
        } catch (IOException e) {
            target.discard();
            throw new UncheckedIOException("Could not write the export to " + request.out() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            target.discard();
            throw e;
        }
    }

    private static void writePairs(
            Map<Split, Path> staged, List<PreferencePair> pairs, WrittenFigures figures, Counter counter)
            throws IOException {
        int position = 0;
        for (PreferencePair pair : pairs) {
            figures.add(position++, pair.record().label(), pair.record().split(), pair.chosen());
        }
        for (Map.Entry<Split, Path> file : staged.entrySet()) {
            try (JsonLinesFile<PreferencePair> out = new JsonLinesFile<>(file.getValue(), JsonShapes::preference)) {
                for (PreferencePair pair : pairs) {
                    if (pair.record().split() == file.getKey()) {
                        out.write(pair);
                        counter.step();
                    }
                }
            }
        }
    }

    /**
     * Reads the runs again, page by page, and writes each record chosen to its file in its place: the kept records
     * in the splitter's order (the runs by id when split, else as asked), the negatives in the order asked, in the
     * same read when the two orders agree.
     */
    private void writeRecords(
            ExportRequest request,
            Map<Split, Path> staged,
            ExportSelection selection,
            WrittenFigures figures,
            Counter counter)
            throws IOException {
        ExportChoices choices = selection.choices();
        Map<Split, ExportFile<ExportRecord>> out = new EnumMap<>(Split.class);
        try {
            for (Map.Entry<Split, Path> file : staged.entrySet()) {
                out.put(
                        file.getKey(),
                        request.format() == ExportFormat.CSV
                                ? new CsvFile(file.getValue(), choices.conditionNames(file.getKey()))
                                : new JsonLinesFile<>(file.getValue(), JsonShapes.of(request.format())));
            }
            Writer kept = new Writer(0, out, figures, counter);
            Writer negatives = new Writer(choices.kept(), out, figures, counter);
            List<Long> keptOrder = new ArrayList<>(choices.keptRunOrder());
            selection.runs().stream()
                    .map(r -> r.id())
                    .filter(id -> !keptOrder.contains(id))
                    .forEach(keptOrder::add);
            List<Long> asked = selection.runs().stream().map(r -> r.id()).toList();
            boolean oneRead = choices.negatives() == 0 || keptOrder.equals(asked);
            for (long runId : keptOrder) {
                read(selection, runId, kept, oneRead ? negatives : null);
            }
            if (!oneRead) {
                for (long runId : asked) {
                    read(selection, runId, null, negatives);
                }
            }
        } finally {
            for (ExportFile<ExportRecord> file : out.values()) {
                file.close();
            }
        }
    }

    /** Hands the run's records chosen to {@code kept} or {@code negatives} (either null: not wanted in this read). */
    private void read(ExportSelection selection, long runId, Writer kept, Writer negatives) throws IOException {
        RunInfo run = selection.runs().stream()
                .filter(r -> r.id() == runId)
                .findFirst()
                .orElseThrow();
        try {
            RunRecords.of(sources, run, pageSize).forEach(record -> {
                ExportChoices.Place place = selection.choices().find(runId, record.id());
                Writer writer = place == null ? null : place.split() == Split.REJECTED ? negatives : kept;
                if (writer != null) {
                    writer.arrive(place.position(), record.in(place.split()));
                }
            });
        } catch (UncheckedIOException e) {
            // A write that failed inside a page, which may throw no checked exception.
            throw e.getCause();
        }
        if (kept != null) {
            kept.flush();
        }
        if (negatives != null) {
            negatives.flush();
        }
    }

    /**
     * Writes records in their places: a record read before one placed ahead of it (two samples of a run at the same
     * ordinal, which the split orders its own way) waits until that one is written; the rest are written at once.
     */
    private static final class Writer {
        private final Map<Split, ExportFile<ExportRecord>> files;
        private final WrittenFigures figures;
        private final Counter counter;
        private final TreeMap<Integer, ExportRecord> waiting = new TreeMap<>();
        private int next;

        Writer(int first, Map<Split, ExportFile<ExportRecord>> files, WrittenFigures figures, Counter counter) {
            this.next = first;
            this.files = files;
            this.figures = figures;
            this.counter = counter;
        }

        void arrive(int position, ExportRecord record) {
            waiting.put(position, record);
            try {
                while (!waiting.isEmpty() && waiting.firstKey() == next) {
                    write(next, waiting.pollFirstEntry().getValue());
                    next++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * At the end of a run, writes what still waits, in order: a record placed ahead that never came (a sample
         * deleted since the choice) holds back no more than its run.
         */
        void flush() throws IOException {
            while (!waiting.isEmpty()) {
                Map.Entry<Integer, ExportRecord> first = waiting.pollFirstEntry();
                write(first.getKey(), first.getValue());
                next = first.getKey() + 1;
            }
        }

        private void write(int position, ExportRecord record) throws IOException {
            files.get(record.split()).write(record);
            figures.add(position, record.label(), record.split(), record.classifiedText());
            counter.step();
        }
    }

    /** Tells progress every so often, not on every record, so that a large export is not slowed by it. */
    private static final class Counter {
        private final ExportProgress progress;
        private final long total;
        private long done;

        Counter(ExportProgress progress, long total) {
            this.progress = progress;
            this.total = total;
        }

        void step() {
            done++;
            if (done % 256 == 0 || done == total) {
                progress.update(done, total, "writing");
            }
        }
    }
}
