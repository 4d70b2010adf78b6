package io.siftbench.views.project;

import io.siftbench.model.backends.BackendConfig;
import io.siftbench.model.backends.BackendKind;
import io.siftbench.model.backends.BackendSettings;
import io.siftbench.model.backends.BackendSettingsRepository;
import io.siftbench.model.backends.SchemaStyle;
import io.siftbench.model.runs.Sample;
import java.util.List;
import java.util.Optional;

/**
 * The likely cause when most outputs of an OpenAI-compatible backend miss the schema: it was sent as
 * {@code json_schema}, which llama.cpp servers silently ignore, so the model wrote as it pleased. The fix is one
 * click: send it as {@code json_object + schema} instead.
 *
 * @param invalid the outputs that were not valid for the schema
 * @param outputs the outputs that came back (failed requests have none and are not counted)
 */
public record SchemaStyleHint(long invalid, long outputs) {

    /** The words on the button that applies the fix. */
    public static final String FIX = "Send the schema as " + SchemaStyle.JSON_OBJECT.title();

    /** The hint for {@code samples} made with {@code backend}, where more than half of their outputs are invalid. */
    public static Optional<SchemaStyleHint> of(List<Sample> samples, BackendConfig backend) {
        if (backend == null
                || backend.kind() != BackendKind.OPENAI
                || backend.schemaStyle() != SchemaStyle.JSON_SCHEMA) {
            return Optional.empty();
        }
        List<Sample> outputs = samples.stream().filter(s -> s.error() == null).toList();
        long invalid = outputs.stream().filter(s -> !s.valid()).count();
        return invalid * 2 > outputs.size()
                ? Optional.of(new SchemaStyleHint(invalid, outputs.size()))
                : Optional.empty();
    }

    /**
     * The fix: the user's backend {@code name} sends its schema as {@code json_object + schema} from now on, saved
     * as Settings saves it. Blocking; never on the UI thread.
     *
     * @return the user's backends as saved
     */
    public static BackendSettings sendAsJsonObject(BackendSettingsRepository backends, String name) {
        BackendSettings settings = backends.load();
        BackendConfig saved = settings.find(name)
                .orElseThrow(
                        () -> new IllegalArgumentException("There is no backend '" + name + "' in Settings any more."));
        BackendSettings next = settings.with(name, saved.withSchemaStyle(SchemaStyle.JSON_OBJECT));
        backends.save(next);
        return next;
    }

    public String message() {
        return invalid + " of " + outputs + " outputs were not valid JSON for the schema. llama.cpp servers ignore "
                + SchemaStyle.JSON_SCHEMA.title() + ";";
    }
}
