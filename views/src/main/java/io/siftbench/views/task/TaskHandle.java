package io.siftbench.views.task;

/** A started task, which the user may cancel. */
@FunctionalInterface
public interface TaskHandle {

    void cancel();
}
