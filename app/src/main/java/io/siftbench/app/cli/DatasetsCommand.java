package io.siftbench.app.cli;

import io.siftbench.model.datasets.ColumnInfo;
import io.siftbench.model.datasets.DatasetInfo;
import io.siftbench.model.project.Project;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code siftbench datasets --project P}: the project's datasets as JSON. */
@Command(
        name = "datasets",
        mixinStandardHelpOptions = true,
        description = "List the datasets of a project: [{name, rows, columns:[{name,type}]}].")
public final class DatasetsCommand implements Callable<Integer> {

    @Mixin
    ProjectOption project;

    @Spec
    CommandSpec spec;

    /** One dataset as printed. */
    record Listed(String name, long rows, List<Column> columns) {
        static Listed of(DatasetInfo d) {
            return new Listed(
                    d.name(), d.rows(), d.columns().stream().map(Column::of).toList());
        }
    }

    /** One column as printed, with its type in lower case. */
    record Column(String name, String type) {
        static Column of(ColumnInfo c) {
            return new Column(c.name(), c.type().name().toLowerCase(Locale.ROOT));
        }
    }

    @Override
    public Integer call() {
        try (Project open = project.open()) {
            JsonOut.print(
                    spec.commandLine().getOut(),
                    open.datasets().list().stream().map(Listed::of).toList());
        }
        return 0;
    }
}
