package io.siftbench.views.prompts;

import io.siftbench.model.datasets.ColumnInfo;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.views.task.BackgroundTask;
import io.siftbench.views.task.ProjectTasks;
import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The project's datasets as the studio's demonstration choosers offer them: their names, and each one's columns
 * with the text and label columns marked at import as the defaults. Read in the background once they are wanted (a
 * chooser opens, a dataset is named), again each time a chooser opens, so that a dataset imported meanwhile is
 * there, and when another project opens.
 */
final class DatasetChoices {

    private final ProjectTasks<StudioSources> tasks;
    private final ProjectTasks<StudioSources>.Latest reads;
    private final ObservableList<DatasetInfo> datasets = FXCollections.observableArrayList();
    private final ObservableList<String> names = FXCollections.observableArrayList("");
    /** Whether anything asked for the datasets yet: until then there is nothing to read. */
    private boolean wanted;

    DatasetChoices(ProjectTasks<StudioSources> tasks) {
        this.tasks = tasks;
        this.reads = tasks.latest();
        tasks.onSwitch(now -> {
            if (wanted) {
                reload();
            }
        });
    }

    /** The datasets' names, after the empty name that stands for no demonstrations. */
    ObservableList<String> names() {
        return names;
    }

    /** The columns of dataset {@code name}; none while it is not in the project (or not read yet). */
    List<String> columns(String name) {
        return find(name)
                .map(d -> d.columns().stream().map(ColumnInfo::name).toList())
                .orElse(List.of());
    }

    /** The dataset named {@code name}, as last read. */
    Optional<DatasetInfo> find(String name) {
        return datasets.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** Reads the datasets again. */
    void reload() {
        wanted = true;
        StudioSources open = tasks.open();
        if (open == null) {
            reads.clear();
            show(List.of());
            return;
        }
        reads.execute(BackgroundTask.of("Listing datasets", p -> open.datasets().list())
                .quiet()
                .onSuccess(this::show));
    }

    private void show(List<DatasetInfo> read) {
        datasets.setAll(read);
        List<String> now = new java.util.ArrayList<>();
        now.add("");
        read.forEach(d -> now.add(d.name()));
        if (!now.equals(names)) {
            names.setAll(now);
        }
    }
}
