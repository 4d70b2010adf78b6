package io.siftbench.views.datasets;

import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.project.Project;
import io.siftbench.views.task.BackgroundTask;
import io.siftbench.views.task.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/** The datasets of the open project, reloaded in the background whenever the project changes. */
public final class DatasetsViewModel {

    private final ReadOnlyObjectProperty<Project> project;
    private final TaskExecutor tasks;
    private final ObservableList<DatasetInfo> datasets = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");

    public DatasetsViewModel(ReadOnlyObjectProperty<Project> project, TaskExecutor tasks) {
        this.project = project;
        this.tasks = tasks;
        project.addListener((obs, was, now) -> reload());
        reload();
    }

    public ObservableList<DatasetInfo> datasets() {
        return FXCollections.unmodifiableObservableList(datasets);
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Project> projectProperty() {
        return project;
    }

    /** Reads the list of datasets again from the open project. */
    public void reload() {
        Project open = project.get();
        if (open == null) {
            datasets.clear();
            return;
        }
        loading.set(true);
        tasks.execute(BackgroundTask.of("Listing datasets", progress -> open.datasets().list()).quiet()
                .onSuccess(list -> show(open, list))
                .onFailure(error -> loading.set(false)));
    }

    private void show(Project listedFrom, List<DatasetInfo> list) {
        loading.set(false);
        // A slow answer for a project that has since been closed must not show.
        if (listedFrom == project.get()) {
            datasets.setAll(list);
        }
    }
}
