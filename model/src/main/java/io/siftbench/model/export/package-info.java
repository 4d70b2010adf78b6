/**
 * Export: the curated samples of runs, in the shapes training code reads, with a dataset card.
 *
 * <h2>What is exported</h2>
 * By default the accepted and edited samples of the chosen runs ({@link io.siftbench.model.export.ExportStatus#ALL}
 * takes every sample, for inspection, and as JSONL or CSV the failed requests too, with their error; other exports
 * leave failed requests out and count them). Every sample of the runs is written or counted in the report under
 * one reason it was left out. Rejected samples can be added as negatives: they
 * go to their own file, {@code <name>-rejected.<ext>}, in the same format. Filters narrow by condition value,
 * label or flag. A seeded split writes {@code <name>-train}, {@code -validation} and {@code -test}, stratified
 * by label for annotate runs and by condition combination for synthesize runs.
 *
 * <h2>Leakage guard</h2>
 * A record shown as a demonstration in a run is left out of that run's export (matched by record id when the
 * demonstrations come from the run's input dataset, and by normalised text hash otherwise), and so is any
 * record whose text is in the dataset marked as the evaluation set ({@link io.siftbench.model.export.TextHash}:
 * NFKC, lower case, runs of white space as one space). The report counts both.
 *
 * <h2>Formats</h2>
 * In annotate mode a record's input is the annotated record's text and its output the label that counts; in
 * synthesize mode the input is the rendered request (the last user message) and the output the text that
 * counts. "That counts" means the researcher's version for an edited sample.
 * <ul>
 *   <li>{@code jsonl}: {@code id, run, split, mode, input, output, label, conditions{}, decision{status, note,
 *       original_output, original_label}, flags[], provenance{prompt, prompt_version, backend,
 *       backend_location, endpoint (where recorded), model, parameters, seed, record_id, demonstration_ids[], messages[], raw_output,
 *       confidence, votes[], valid, validation_error, error, prompt_tokens, completion_tokens, latency_ms}}</li>
 *   <li>{@code csv}: {@code id, run, split, status, input, output, label, original_output, model, seed, flags,
 *       error}
 *       and one {@code condition.<name>} column per condition; every cell through
 *       {@link io.siftbench.model.export.FormulaGuard}</li>
 *   <li>{@code alpaca}: {@code instruction} (the system messages; for a pipeline step that continues another, the
 *       text of the sample it continued, with an empty {@code input}), {@code input}, {@code output}</li>
 *   <li>{@code chat}: {@code messages}: the messages the model got, then the output as the assistant's; for a
 *       dialogue's turn run, each conversation ending in it as its turns ({@code user}, {@code assistant}, … in
 *       order, each the text that counts after review), the turns a later turn continued left out (counted as left
 *       out by the filter), and the filter's turn bounds applied to the conversations</li>
 *   <li>{@code dpo}: {@code prompt} (every message, joined by a blank line), {@code chosen}, {@code rejected},
 *       plus {@code source} (compare, pipeline or edit), {@code chosen_id}, {@code rejected_id}: one pair per
 *       preference recorded in Compare, one per preference a pipeline step with {@code prefer} recorded (its
 *       sample over its chain's sample of the earlier step, whose request is then the {@code prompt}) and one per
 *       edit (the researcher's version chosen over the model's)</li>
 *   <li>{@code classification}: {@code text} (the record, or the generated sample), {@code label}</li>
 * </ul>
 *
 * <h2>Re-import</h2>
 * Every exported file imports back as a dataset ({@code siftbench import} or the Datasets screen) with its text
 * unchanged byte for byte. Top-level strings become text columns; nested fields ({@code conditions},
 * {@code decision}, {@code provenance}, chat {@code messages}) become JSON-text columns whose strings are
 * intact inside. CSV cells that the formula guard prefixed keep their leading {@code '} (which spreadsheets
 * hide); {@link io.siftbench.model.export.FormulaGuard#unguard} gives back the exact text.
 *
 * <h2>Old or new, never a mix</h2>
 * {@link io.siftbench.model.export.ExportTarget}: every file is written under a partial name and moved into place
 * through a journal once all are complete, so the folder holds the earlier export or the new one.
 *
 * <h2>Dataset card</h2>
 * {@code README.md} beside the data, in the Hugging Face layout: YAML front matter ({@code pretty_name},
 * {@code tags}, {@code task_categories}, {@code size_categories}, {@code configs} naming each split's file),
 * then the counts per split and label, the prompt versions word for word, the conditions and plan, the backends,
 * models, parameters and seeds, the decision counts, what the leakage guard left out, and diversity metrics
 * (distinct-n, vocabulary, self-BLEU, lengths) of what was written.
 */
package io.siftbench.model.export;
