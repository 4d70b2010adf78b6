package io.siftbench.storage.prompts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siftbench.model.project.Project;
import io.siftbench.model.project.ProjectException;
import io.siftbench.model.prompts.Condition;
import io.siftbench.model.prompts.DiffLine;
import io.siftbench.model.prompts.Label;
import io.siftbench.model.prompts.PromptFileException;
import io.siftbench.model.prompts.PromptMode;
import io.siftbench.model.prompts.PromptVersion;
import io.siftbench.model.prompts.StoredVersion;
import io.siftbench.model.prompts.TaskSpec;
import io.siftbench.model.prompts.Template;
import io.siftbench.storage.project.H2ProjectOpener;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2PromptStoreTest {

    @TempDir
    Path dir;

    private Project open() {
        return new H2ProjectOpener().open(dir.resolve("project"));
    }

    private static PromptVersion annotator(String note, String user) {
        return new PromptVersion(
                "intents",
                note,
                PromptMode.ANNOTATE,
                new TaskSpec(
                        "You label questions.",
                        null,
                        null,
                        List.of(new Label("card_arrival", null, null)),
                        false,
                        false),
                new Template("{{task.role}}", user),
                List.of(Condition.of("tone", "angry", "polite")),
                null,
                null,
                null);
    }

    @Test
    void savingMakesTheNextVersionAndNeverChangesAnOldOne() {
        PromptVersion first = annotator("first try", "Q: {{text}}");
        PromptVersion second =
                annotator("add the tone", "{{#condition.tone}}{{condition.tone}} {{/condition.tone}}Q: {{text}}");
        try (Project p = open()) {
            StoredVersion v1 = p.prompts().save(first);
            StoredVersion v2 = p.prompts().save(second);
            assertThat(v1.version()).isEqualTo(1);
            assertThat(v2.version()).isEqualTo(2);
            assertThat(v2.id()).isNotEqualTo(v1.id());
        }

        try (Project reopened = open()) {
            assertThat(reopened.prompts().load("intents", 1)).isEqualTo(first);
            assertThat(reopened.prompts().load("intents", 2)).isEqualTo(second);
            assertThat(reopened.prompts().versions("intents"))
                    .extracting(StoredVersion::version, StoredVersion::note, StoredVersion::mode)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(1, "first try", PromptMode.ANNOTATE),
                            org.assertj.core.groups.Tuple.tuple(2, "add the tone", PromptMode.ANNOTATE));
            StoredVersion v3 = reopened.prompts().save(first.withNote("back to the first"));
            assertThat(v3.version()).isEqualTo(3);
            assertThat(reopened.prompts().load(v3.id()).note()).isEqualTo("back to the first");
            assertThat(reopened.prompts().load("intents", 1).note()).isEqualTo("first try");
        }
    }

    @Test
    void listsTheNewestVersionOfEachPromptByName() {
        try (Project p = open()) {
            p.prompts().save(annotator("a", "{{text}}"));
            p.prompts().save(annotator("b", "{{text}}!"));
            p.prompts().save(annotator("c", "{{text}}").withName("another"));

            assertThat(p.prompts().list())
                    .extracting(StoredVersion::name, StoredVersion::version)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("another", 1),
                            org.assertj.core.groups.Tuple.tuple("intents", 2));
            assertThat(p.prompts().versions("nothing")).isEmpty();
        }
    }

    @Test
    void anInvalidVersionIsRefusedAndNothingIsStored() {
        try (Project p = open()) {
            PromptVersion typo = annotator("typo", "{{condition.tnoe}}");

            assertThatThrownBy(() -> p.prompts().save(typo))
                    .isInstanceOf(PromptFileException.class)
                    .hasMessageContaining("template.user")
                    .hasMessageContaining("{{condition.tnoe}}");
            assertThat(p.prompts().list()).isEmpty();
        }
    }

    @Test
    void aMissingVersionSaysWhich() {
        try (Project p = open()) {
            p.prompts().save(annotator("a", "{{text}}"));

            assertThatThrownBy(() -> p.prompts().load("intents", 7))
                    .isInstanceOf(ProjectException.class)
                    .hasMessageContaining("prompt 'intents' version 7");
        }
    }

    @Test
    void diffShowsWhatChangedBetweenTwoVersions() {
        try (Project p = open()) {
            p.prompts().save(annotator("first", "Q: {{text}}"));
            p.prompts().save(annotator("second", "Question: {{text}}"));

            List<DiffLine> diff = p.prompts().diff("intents", 1, 2);

            assertThat(diff)
                    .filteredOn(l -> l.kind() == DiffLine.Kind.REMOVED)
                    .extracting(DiffLine::text)
                    .containsExactly("  \"note\" : \"first\",", "    \"user\" : \"Q: {{text}}\"");
            assertThat(diff)
                    .filteredOn(l -> l.kind() == DiffLine.Kind.ADDED)
                    .extracting(DiffLine::text)
                    .containsExactly("  \"note\" : \"second\",", "    \"user\" : \"Question: {{text}}\"");
            assertThat(diff)
                    .filteredOn(l -> l.kind() == DiffLine.Kind.SAME)
                    .isNotEmpty()
                    .allSatisfy(l -> assertThat(l.oldLine()).isPositive());
            assertThat(diff.get(0)).isEqualTo(new DiffLine(DiffLine.Kind.SAME, "{", 1, 1));
            assertThat(p.prompts().diff("intents", 1, 1)).allMatch(l -> l.kind() == DiffLine.Kind.SAME);
        }
    }
}
