package io.siftbench.model.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Exports the curated samples of runs to files that training code reads, with a dataset card beside
 * them. Reads the project and writes files only; runs on the caller's thread.
 */
public final class Exporter {

    private final ExportSources sources;

    public Exporter(ExportSources sources) {
        this.sources = sources;
    }

    public ExportReport export(ExportRequest request, ExportProgress progress) {
        ExportTarget target = new ExportTarget(request.cardFile().getParent());
        // Before anything is read: an earlier export to this folder that was killed is finished or undone.
        target.settle();
        progress.update(0, 1, "reading the samples");
        ExportSelection selection = ExportSelection.select(sources, request);
        List<Path> files = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        try {
            Files.createDirectories(request.cardFile().getParent());
            List<Split> splits =
                    request.split() == null ? List.of(Split.ALL) : List.of(Split.TRAIN, Split.VALIDATION, Split.TEST);
            long total = (request.format() == ExportFormat.DPO ? selection.pairs() : selection.records()).size()
                    + selection.negatives().size();
            Counter counter = new Counter(progress, total);
            for (Split split : splits) {
                Path file = request.fileOf(split);
                files.add(file);
                Path partial = target.stage(file);
                int count = request.format() == ExportFormat.DPO
                        ? writePairs(partial, selection.pairs(), split, counter)
                        : writeRecords(request.format(), partial, selection.records(), split, counter);
                counts.put(split.id(), count);
            }
            if (request.rejectedAsNegatives() && request.format() != ExportFormat.DPO) {
                Path file = request.fileOf(Split.REJECTED);
                files.add(file);
                counts.put(
                        Split.REJECTED.id(),
                        writeRecords(
                                request.format(), target.stage(file), selection.negatives(), Split.REJECTED, counter));
            }
            progress.update(total, total, "writing the dataset card");
            Path card = request.cardFile();
            Files.writeString(target.stage(card), new DatasetCard(sources, request, selection, files).markdown());
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

    private static int writeRecords(
            ExportFormat format, Path file, List<ExportRecord> records, Split split, Counter counter)
            throws IOException {
        List<ExportRecord> mine =
                records.stream().filter(r -> r.split() == split).toList();
        ExportFile<ExportRecord> out = format == ExportFormat.CSV
                ? new CsvFile(file, conditionNames(mine))
                : new JsonLinesFile<>(file, JsonShapes.of(format));
        return writeAll(out, mine, counter);
    }

    private static int writePairs(Path file, List<PreferencePair> pairs, Split split, Counter counter)
            throws IOException {
        List<PreferencePair> mine =
                pairs.stream().filter(p -> p.record().split() == split).toList();
        return writeAll(new JsonLinesFile<>(file, JsonShapes::preference), mine, counter);
    }

    private static <T> int writeAll(ExportFile<T> out, List<T> items, Counter counter) throws IOException {
        try (out) {
            for (T item : items) {
                out.write(item);
                counter.step();
            }
        }
        return items.size();
    }

    private static List<String> conditionNames(List<ExportRecord> records) {
        TreeSet<String> names = new TreeSet<>();
        records.forEach(r -> names.addAll(r.conditions().keySet()));
        return List.copyOf(names);
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
