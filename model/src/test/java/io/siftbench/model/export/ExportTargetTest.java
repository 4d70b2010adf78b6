package io.siftbench.model.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The target folder of an export on real files: the commit, and settling what a kill or failure left. */
class ExportTargetTest {

    @TempDir
    Path folder;

    @Test
    void aCommitPutsTheNewFilesInPlaceAndRemovesTheEarlierExportsOthers() throws Exception {
        write("out.jsonl", "old all");
        write("README.md", "old card");
        write("notes.txt", "mine");
        ExportTarget target = new ExportTarget(folder);
        stage(target, "out-train.jsonl", "new train");
        stage(target, "README.md", "new card");

        target.commit(List.of(
                folder.resolve("out.jsonl"),
                folder.resolve("out-train.jsonl"),
                folder.resolve("out-test.jsonl"),
                folder.resolve("README.md")));

        assertThat(contents())
                .containsExactlyEntriesOf(new TreeMap<>(
                        Map.of("README.md", "new card", "notes.txt", "mine", "out-train.jsonl", "new train")));
    }

    @Test
    void settlingDeletesWhatAnExportKilledBeforeItsCommitLeftAndKeepsTheEarlierExport() throws Exception {
        write("out.jsonl", "old all");
        write("README.md", "old card");
        write("out.jsonl" + ExportTarget.PARTIAL_SUFFIX, "{\"id\":1,\"inp");

        new ExportTarget(folder).settle();

        assertThat(contents())
                .containsExactlyEntriesOf(new TreeMap<>(Map.of("README.md", "old card", "out.jsonl", "old all")));
    }

    @Test
    void settlingFinishesACommitThatWasInterruptedHalfWay() throws Exception {
        write("out.jsonl", "old all");
        ExportTarget target = new ExportTarget(folder);
        stage(target, "out-train.jsonl", "new train");
        stage(target, "out-test.jsonl", "new test");
        stage(target, "README.md", "new card");
        // A folder in the card's place stops the commit after its journal, between two of its moves.
        Files.createDirectories(folder.resolve("README.md"));
        write("README.md/inside", "x");

        assertThatThrownBy(() -> target.commit(List.of(folder.resolve("out.jsonl"))))
                .isInstanceOf(IOException.class);
        target.discard();
        assertThat(folder.resolve(ExportTarget.JOURNAL)).exists();
        assertThat(folder.resolve("README.md" + ExportTarget.PARTIAL_SUFFIX))
                .as("kept for the journal")
                .exists();

        Files.delete(folder.resolve("README.md/inside"));
        Files.delete(folder.resolve("README.md"));
        new ExportTarget(folder).settle();

        assertThat(contents())
                .containsExactlyEntriesOf(new TreeMap<>(
                        Map.of("README.md", "new card", "out-test.jsonl", "new test", "out-train.jsonl", "new train")));
    }

    @Test
    void aJournalThatCannotBeReadIsReportedAndTouchesNothing() throws Exception {
        write("out.jsonl", "old all");
        write(ExportTarget.JOURNAL, "{\"replace\": [\"out.js");

        assertThatThrownBy(() -> new ExportTarget(folder).settle())
                .hasMessage("The export journal "
                        + folder.resolve(ExportTarget.JOURNAL)
                        + " cannot be read, so the export it names cannot be finished;"
                        + " delete it and every *.siftbench-partial file in " + folder + ", then export again");
        assertThat(contents()).containsOnlyKeys("out.jsonl", ExportTarget.JOURNAL);
    }

    @Test
    void aFolderThatDoesNotExistIsSettledAlready() {
        new ExportTarget(folder.resolve("not-yet")).settle();

        assertThat(folder.resolve("not-yet")).doesNotExist();
    }

    private void stage(ExportTarget target, String name, String text) throws IOException {
        Files.writeString(target.stage(folder.resolve(name)), text);
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(folder.resolve(name), text);
    }

    /** The folder's files by name, with their text. */
    private Map<String, String> contents() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.list(folder)) {
            for (Path p : all.toList()) {
                files.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        return files;
    }
}
