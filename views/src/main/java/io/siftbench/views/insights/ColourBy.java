package io.siftbench.views.insights;

import io.siftbench.model.insights.SampleStatus;
import io.siftbench.model.insights.SampleText;
import io.siftbench.views.insights.InsightsViewModel.MeasuredRun;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the embedding map colours its points by: a sample's status, its label, or the value of one of its
 * conditions. The conditions offered are those of the measured samples, so the choices change with each measuring;
 * the choice made stays while it is still offered.
 */
final class ColourBy {

    static final String STATUS = "status";
    static final String LABEL = "label";
    /** What a point is coloured by when its sample has no such value. */
    static final String NONE = "(none)";

    private List<String> choices = List.of(STATUS, LABEL);
    private String chosen = STATUS;

    /** Status, label, then each condition of the measured samples by name. */
    List<String> choices() {
        return choices;
    }

    String chosen() {
        return chosen;
    }

    /**
     * Offers the choices of {@code runs}' samples; the choice made falls back to status if it is no longer offered.
     *
     * @return whether the choices changed, so that the chooser must show them
     */
    boolean offerFor(List<MeasuredRun> runs) {
        List<String> offered = new ArrayList<>(List.of(STATUS, LABEL));
        runs.stream()
                .flatMap(r -> r.samples().values().stream())
                .flatMap(s -> s.conditions().keySet().stream())
                .distinct()
                .sorted()
                .forEach(offered::add);
        if (offered.equals(choices)) {
            return false;
        }
        choices = List.copyOf(offered);
        if (!choices.contains(chosen)) {
            chosen = STATUS;
        }
        return true;
    }

    /**
     * The researcher's choice, or what the chooser shows while its choices are replaced.
     *
     * @return whether the map must be drawn again: a choice on offer other than the one made
     */
    boolean choose(String choice) {
        if (choice == null || choice.equals(chosen) || !choices.contains(choice)) {
            return false;
        }
        chosen = choice;
        return true;
    }

    /** The status whose points are coloured {@code colour}, when the map is coloured by status. */
    Optional<SampleStatus> status(String colour) {
        return Arrays.stream(SampleStatus.values())
                .filter(status -> chosen.equals(STATUS) && status.word().equals(colour))
                .findFirst();
    }

    /** The colour, as the map's legend names it, of {@code sample}'s point. */
    String colourOf(SampleText sample) {
        String value =
                switch (chosen) {
                    case STATUS -> sample.status().word();
                    case LABEL -> sample.label();
                    default -> sample.conditions().get(chosen);
                };
        return Objects.requireNonNullElse(value, NONE);
    }
}
