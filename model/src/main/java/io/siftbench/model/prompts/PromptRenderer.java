package io.siftbench.model.prompts;

import com.samskivert.mustache.BasicCollector;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import io.siftbench.model.demonstrations.Demonstration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders a prompt version into the system and user messages for one sample. The template is
 * logic-less and safe: partials are refused (no template reads a file) and values are only looked up
 * in maps and lists, never by reflection on Java objects (no template calls a method). Nothing is
 * HTML-escaped: the text goes to a language model, not a browser.
 *
 * <p>The template sees the record's columns top-level ({@code {{text}}}) and under {@code record};
 * {@code condition.NAME} for each switched-on condition only, so its sections vanish when it is off;
 * {@code demos} (each with {@code id}, {@code text}, {@code label} and its columns); {@code labels}
 * ({@code name}, {@code description}, {@code verbalizer}); and {@code task}. A judge prompt sees, besides,
 * the judged sample as {@code sample} and all the judged sample's condition values; a pipeline step that
 * continues an earlier step sees, besides, {@code steps.NAME} of every earlier step of its chain and all the
 * chain's condition values. A placeholder that names
 * one of these objects or lists ({@code {{record}}}, {@code {{labels}}}…) is written as one line of JSON of it.
 * A compiled renderer is immutable and may be shared between threads.
 */
public final class PromptRenderer {

    private static final Mustache.Compiler COMPILER = Mustache.compiler()
            .escapeHTML(false)
            .defaultValue("")
            .emptyStringIsFalse(true)
            // {{record}}, {{task}}, {{labels}}… are written as JSON of what the template sees, not as Java's map text.
            .withFormatter(PlaceholderJson::format)
            .withLoader(name -> {
                throw new IllegalArgumentException(
                        "partials ({{>" + name + "}}) are not allowed: a template cannot read files");
            })
            .withCollector(new BasicCollector() {
                @Override
                public <K, V> Map<K, V> createFetcherCache() {
                    return new ConcurrentHashMap<>();
                }
            });

    private final PromptVersion version;
    private final Template system;
    private final Template user;
    private final Map<String, Object> task;
    private final List<Map<String, Object>> labels;

    /** @throws IllegalArgumentException naming the message and line when a template does not compile */
    public PromptRenderer(PromptVersion version) {
        this.version = version;
        this.system = compile("template.system", version.template().system());
        this.user = compile("template.user", version.template().user());
        this.labels = version.task().labels().stream()
                .map(PromptRenderer::labelContext)
                .toList();
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("role", version.task().role());
        t.put("purpose", version.task().purpose());
        t.put("format", version.task().format());
        t.put("labels", labels);
        t.put("rationale", version.task().rationale());
        t.put("confidence", version.task().confidence());
        this.task = Collections.unmodifiableMap(t);
    }

    /**
     * @param record     the record's columns; empty in synthesize mode
     * @param conditions the chosen value per condition name; conditions or values that are switched off
     *                   are left out, as if not chosen
     * @param demos      the demonstrations for this sample, in order
     */
    public RenderedPrompt render(Map<String, ?> record, Map<String, String> conditions, List<Demonstration> demos) {
        return execute(context(record, switchedOn(conditions), demos));
    }

    /**
     * Renders a judge prompt for one judged sample.
     *
     * @param record     the judged sample's input record's columns; empty when it has none (synthesized)
     * @param conditions the judged sample's condition values, all of them: the judged run's prompt chose them
     * @param demos      the demonstrations for this judgement, in order
     * @param sample     what the template sees as {@code sample}: its id, text, label, rationale, confidence and
     *                   the fields of its parsed output
     */
    public RenderedPrompt renderJudged(
            Map<String, ?> record, Map<String, String> conditions, List<Demonstration> demos, Map<String, ?> sample) {
        // Sorted: a slot keeps its values unordered, and {{condition}} must read the same in every run.
        Map<String, Object> context = context(record, new TreeMap<>(conditions), demos);
        context.put("sample", sample);
        return execute(context);
    }

    /**
     * Renders the prompt of a pipeline step for one sample of an earlier step it continues.
     *
     * @param record     the chain's input record's columns; empty when the chain started from nothing
     * @param conditions the chain's condition values, all of them, and the step's own plan's for the others
     * @param steps      what the template sees as {@code steps}: by step name, that step's sample in the chain
     *                   ({@code text}, {@code label} and the fields of its parsed output)
     */
    public RenderedPrompt renderChained(
            Map<String, ?> record, Map<String, String> conditions, List<Demonstration> demos, Map<String, ?> steps) {
        Map<String, Object> context = context(record, new TreeMap<>(conditions), demos);
        context.put("steps", steps);
        return execute(context);
    }

    private Map<String, Object> context(
            Map<String, ?> record, Map<String, String> conditions, List<Demonstration> demos) {
        Map<String, Object> context = new LinkedHashMap<>(record);
        // The reserved names win over columns of the same name, so a template means the same on any dataset.
        context.put("record", record);
        context.put("condition", conditions);
        context.put("demos", demos.stream().map(PromptRenderer::demoContext).toList());
        context.put("labels", labels);
        context.put("task", task);
        return context;
    }

    private RenderedPrompt execute(Map<String, Object> context) {
        try {
            return new RenderedPrompt(system.execute(context), user.execute(context));
        } catch (MustacheException e) {
            throw new IllegalArgumentException(
                    "cannot render prompt '" + PromptNames.shown(version.name()) + "': " + e.getMessage(), e);
        }
    }

    private Map<String, String> switchedOn(Map<String, String> chosen) {
        Map<String, String> on = new LinkedHashMap<>();
        for (Condition c : version.conditions()) {
            String value = chosen.get(c.name());
            if (value != null
                    && c.activeValues().stream().anyMatch(v -> v.value().equals(value))) {
                on.put(c.name(), value);
            }
        }
        return on;
    }

    /**
     * What keeps {@code template} from rendering as written (a tag not closed, sections not closed in order or
     * nested too deep, a malformed delimiter switch…), if anything, with its line and column.
     */
    public static Optional<String> syntaxProblem(String template) {
        Optional<String> tags = TemplateTags.read(template).problem();
        if (tags.isPresent()) {
            return tags;
        }
        try {
            COMPILER.compile(template);
            return Optional.empty();
        } catch (MustacheException | IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * Compiles a template; one the renderer could not render at all (nested too deep) is refused here, so that no
     * run overflows its stack on it. Other problems the validator reports (a tag not closed) do not stop a version
     * saved before the checks from running as it always did.
     */
    private static Template compile(String where, String text) {
        Optional<String> unrenderable = TemplateTags.read(text).unrenderable();
        if (unrenderable.isPresent()) {
            throw new IllegalArgumentException(where + ": " + unrenderable.get());
        }
        try {
            return COMPILER.compile(text);
        } catch (MustacheException | IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> labelContext(Label l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", l.name());
        m.put("description", l.description());
        m.put("verbalizer", l.verbalizer());
        return Collections.unmodifiableMap(m);
    }

    private static Map<String, Object> demoContext(Demonstration d) {
        Map<String, Object> m = new LinkedHashMap<>(d.columns());
        m.put("id", d.id());
        m.put("text", d.text());
        m.put("label", d.label());
        return m;
    }
}
