package io.siftbench.storage.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.datasets.ImportOptions;
import io.siftbench.model.datasets.ImportProgress;
import io.siftbench.model.project.Project;
import io.siftbench.model.testing.SharedFixtures;
import io.siftbench.storage.project.H2ProjectOpener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The real Banking77 files: exact record counts, and every text and label back byte for byte. */
class Banking77Test {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"train.csv, 10003", "test.csv, 3080"})
    void importsEveryRecordByteForByte(String name, long expectedRows) throws IOException {
        Path file = SharedFixtures.require("data/banking77/" + name);
        List<String[]> expected = independentlyParsed(file);

        try (Project project = new H2ProjectOpener().open(dir.resolve("b77"))) {
            DatasetInfo info = project.datasets()
                    .importFile(ImportOptions.of(file), ImportProgress.NONE)
                    .dataset();

            assertThat(info.rows()).isEqualTo(expectedRows);
            assertThat(expected).hasSize((int) expectedRows);
            assertThat(info.textColumn()).isEqualTo("text");
            assertThat(info.labelColumn()).isEqualTo("category");
            List<String[]> stored = new ArrayList<>();
            project.datasets()
                    .forEachRecord(info.id(), r -> stored.add(new String[] {r.text("text"), r.text("category")}));
            assertThat(stored).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertThat(stored.get(i)[0].getBytes(StandardCharsets.UTF_8))
                        .as("text of record %d", i + 1)
                        .isEqualTo(expected.get(i)[0].getBytes(StandardCharsets.UTF_8));
                assertThat(stored.get(i)[1]).as("label of record %d", i + 1).isEqualTo(expected.get(i)[1]);
            }
        }
    }

    /** The file read with Jackson directly, the whole file at once: the reference the import must match. */
    private static List<String[]> independentlyParsed(Path file) throws IOException {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<String[]> rows = new ArrayList<>();
        try (MappingIterator<String[]> it =
                mapper.readerFor(String[].class).readValues(Files.readString(file, StandardCharsets.UTF_8))) {
            it.next(); // header
            while (it.hasNext()) {
                rows.add(it.next());
            }
        }
        return rows;
    }
}
