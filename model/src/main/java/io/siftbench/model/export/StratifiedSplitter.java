package io.siftbench.model.export;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Splits records into train, validation and test so that each stratum (a label, or a combination of
 * condition values) is shared out in the same proportions: a rare label then reaches the test set too.
 * The strata are visited in name order and each is shuffled by one seeded generator, so the same seed on
 * the same records always gives the same split.
 */
public final class StratifiedSplitter {

    private final SplitRatios ratios;

    public StratifiedSplitter(SplitRatios ratios) {
        this.ratios = ratios;
    }

    /** The items in a stable order, each tagged with its split by {@code tag}. */
    public <T> List<T> split(List<T> items, Function<T, String> stratum, Comparator<T> order, TagWithSplit<T> tag) {
        Map<String, List<T>> strata = new TreeMap<>();
        for (T item : items) {
            strata.computeIfAbsent(String.valueOf(stratum.apply(item)), k -> new ArrayList<>())
                    .add(item);
        }
        Random random = new Random(ratios.seed());
        List<T> tagged = new ArrayList<>(items.size());
        for (List<T> members : strata.values()) {
            members.sort(order);
            Collections.shuffle(members, random);
            int n = members.size();
            int train = (int) Math.round(n * ratios.train());
            int validation = Math.min(n - train, (int) Math.round(n * ratios.validation()));
            for (int i = 0; i < n; i++) {
                Split split = i < train ? Split.TRAIN : i < train + validation ? Split.VALIDATION : Split.TEST;
                tagged.add(tag.apply(members.get(i), split));
            }
        }
        tagged.sort(order);
        return tagged;
    }

    /** Gives an item its split. */
    @FunctionalInterface
    public interface TagWithSplit<T> {
        T apply(T item, Split split);
    }
}
