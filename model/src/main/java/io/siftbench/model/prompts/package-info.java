/**
 * Prompt versions and the engine that turns them into requests: rendering, condition plans, placeholders
 * and the output schema.
 *
 * <h2>The prompt file (a stable format)</h2>
 * A prompt version is read and written as the JSON of docs/ARCHITECTURE.md's "The prompt file" section by
 * {@link io.siftbench.model.prompts.PromptFile}; the studio's export, its import and {@code siftbench
 * prompt add} all use it. Field names never change meaning; new fields may be added, and readers ignore
 * fields they do not know. Missing fields take these defaults:
 * <ul>
 *   <li>{@code note} "", {@code task.role/purpose/format} "", {@code task.labels} none,
 *       {@code task.rationale} and {@code task.confidence} false;</li>
 *   <li>a label's {@code description} "", its {@code verbalizer} its {@code name};</li>
 *   <li>a condition's and a value's {@code enabled} true, a value's {@code weight} 1;</li>
 *   <li>{@code plan} {@code {"kind": "all", "seed": 0}};</li>
 *   <li>{@code demonstrations} none; when present, {@code strategy} "random", {@code k} 4 (the number of
 *       ids for "fixed"), {@code text} "text", {@code label} "label", {@code seed} 0.</li>
 *   <li>{@code scale} (judge only) {@code {"kind": "score", "min": 1, "max": 5}}; {@code kind} "score" with
 *       {@code min} 1 and {@code max} 5 where left out, or "pass-fail".</li>
 * </ul>
 * {@code name} and {@code mode} ("annotate", "synthesize" or "judge") are required. Annotation needs at least one
 * label and derives its output schema from the labels ({@link io.siftbench.model.prompts.PromptVersion#outputSchema()});
 * synthesis needs {@code output.schema}, a JSON schema object; a judge derives its schema from its
 * {@code scale} ({@code {"score": n, "reason": "…"}} with min ≤ n ≤ max, or {@code {"pass": true|false,
 * "reason": "…"}}) and declares no conditions. A condition's name is a Mustache key:
 * letters, digits, {@code _} and {@code -}, no dot. Every placeholder of the templates must be fillable.
 * A file that breaks a rule is refused with the line and column, or the field, and what is wrong.
 *
 * <h2>Limits</h2>
 * <ul>
 *   <li>{@code name}: 1 to 100 characters, not blank, no {@code @} (it separates name and version in
 *       {@code NAME@V}), no control or invisible formatting characters;</li>
 *   <li>{@code demonstrations}: {@code k} at most 50, and at most 50 {@code ids};</li>
 *   <li>templates: sections nest at most 50 deep; every tag is closed and names something (an unclosed
 *       <code>{{text</code> or an empty {@code {{}}} is refused with its line and column); sections close in order.
 *       A delimiter switch ({@code {{=<% %>=}}}, two delimiters of one or two characters) is honoured by the
 *       check as by the renderer, so a placeholder written in switched delimiters is checked like any other.</li>
 * </ul>
 * Versions stored before these limits still load; one nested too deep is refused when a run is planned
 * (the run says failed, with the reason), never rendered.
 *
 * <h2>What a template sees</h2>
 * See {@link io.siftbench.model.prompts.PromptRenderer}: the record's columns top-level and under
 * {@code record}, {@code condition.NAME} for switched-on conditions only, {@code demos}, {@code labels}
 * and {@code task}. A judge prompt sees the judged sample as {@code sample} ({@code id}, {@code text} — the
 * generated text or the annotated record's text —, {@code label}, {@code rationale}, {@code confidence} and the
 * fields of its parsed output), the sample's input record as above, and all its condition values.
 * A placeholder that names an object or a list ({@code {{record}}}, {@code {{task}}}, {@code {{labels}}},
 * {@code {{condition}}}, {@code {{demos}}}, a judge's {@code {{sample}}}) is written as one line of JSON of what the
 * template sees under that name. An annotate run's record never holds its gold label: the dataset's label column
 * and the column the demonstrations take their labels from are left out of it
 * ({@link io.siftbench.model.runs.GoldColumns}).
 * Templates are logic-less Mustache; partials, parents, blocks and method calls are refused.
 */
package io.siftbench.model.prompts;
