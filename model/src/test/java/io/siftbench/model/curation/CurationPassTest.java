package io.siftbench.model.curation;

import static org.assertj.core.api.Assertions.assertThat;

import io.siftbench.model.insights.SampleText;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Review flags a run a page at a time: the report must not depend on where the pages break. */
class CurationPassTest {

    private static final String[] WORDS = {"card", "arrived", "never", "my", "top", "up", "failed", "why", "is"};

    @Test
    void pagesOfAnySizeRaiseTheFlagsOfTheWholeRunInItsOrder() {
        List<SampleText> run = run();
        CurationReport whole = new CurationReport(
                filters().stream().flatMap(filter -> filter.flag(run).stream()).toList());

        for (int page : new int[] {1, 7, 64, run.size()}) {
            CurationReport.Pass pass = new CurationReport.Pass(filters(), 10); // fewer than come: the arrays grow
            for (int from = 0; from < run.size(); from += page) {
                pass.add(run.subList(from, Math.min(run.size(), from + page)));
            }
            assertThat(pass.report()).as("pages of %d", page).isEqualTo(whole);
        }
        // The run has what each filter looks for, so the comparison is not of empty reports.
        assertThat(whole.flags())
                .extracting(Flag::kind)
                .contains(FlagKind.EXACT_DUPLICATE, FlagKind.NEAR_DUPLICATE, FlagKind.LENGTH);
    }

    private static List<CurationFilter> filters() {
        return List.of(
                new LengthFilter(LengthUnit.WORDS, 3, null),
                new DuplicateFilter(new ExactDuplicates()),
                new DuplicateFilter(new MinHashDetector(2, 128, 0.7, 5)));
    }

    /** 400 texts of random words, with copies that differ in case and punctuation, near copies and blanks. */
    private static List<SampleText> run() {
        Random random = new Random(11);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int kind = random.nextInt(10);
            if (kind == 0 && !texts.isEmpty()) {
                texts.add(texts.get(random.nextInt(texts.size())).toUpperCase() + "!");
            } else if (kind == 1 && !texts.isEmpty()) {
                texts.add(texts.get(random.nextInt(texts.size())) + " " + WORDS[random.nextInt(WORDS.length)]);
            } else if (kind == 2) {
                texts.add(i % 4 == 0 ? "" : "ok");
            } else {
                StringBuilder text = new StringBuilder();
                for (int w = 0; w < 6 + random.nextInt(10); w++) {
                    text.append(WORDS[random.nextInt(WORDS.length)])
                            .append(random.nextInt(30))
                            .append(' ');
                }
                texts.add(text.toString().strip());
            }
        }
        List<SampleText> samples = new ArrayList<>();
        // Ids that fall as the run goes: the flags' order is the run's, not the ids'.
        for (int i = 0; i < texts.size(); i++) {
            samples.add(SampleText.of(10_000 - 3L * i, texts.get(i)));
        }
        return samples;
    }
}
