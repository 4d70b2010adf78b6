package io.siftbench.views.testing;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;

/**
 * Controls drawn over each other: every pair of showing controls a user reads or works (labels, buttons, fields,
 * choosers) whose visible parts cross, where neither holds the other. What a pane scrolls out of sight does not
 * count, only what its viewport shows. Read on the UI thread after layout.
 */
public final class Overlap {

    /** Crossings thinner than this are borders touching, not controls drawn over each other. */
    private static final double TOLERANCE = 2;

    private Overlap() {}

    /** "Button 'Save' over Label 'Model'" for each pair of controls below {@code root} that cross. */
    public static List<String> overlapping(Parent root) {
        List<Shown> shown = new ArrayList<>();
        collect(root, shown);
        List<String> crossing = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            for (int j = i + 1; j < shown.size(); j++) {
                Shown a = shown.get(i);
                Shown b = shown.get(j);
                if (!holds(a.node(), b.node()) && !holds(b.node(), a.node()) && cross(a.bounds(), b.bounds())) {
                    crossing.add(name(a.node()) + " over " + name(b.node()));
                }
            }
        }
        return crossing;
    }

    private record Shown(Node node, Bounds bounds) {}

    private static void collect(Node node, List<Shown> shown) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (isControl(node)) {
            Bounds visible = visiblePart(node);
            if (visible != null) {
                shown.add(new Shown(node, visible));
            }
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, shown));
        }
    }

    private static boolean isControl(Node node) {
        return (node instanceof Labeled labeled
                        && labeled.getText() != null
                        && !labeled.getText().isEmpty())
                || node instanceof TextInputControl
                || node instanceof ComboBoxBase<?>
                || node instanceof Spinner<?>;
    }

    /** The part of {@code node} in the scene that its clipping ancestors (a scroll pane's viewport) let show. */
    private static Bounds visiblePart(Node node) {
        Bounds bounds = node.localToScene(node.getBoundsInLocal());
        for (Node up = node; up != null && bounds != null; up = up.getParent()) {
            if (up.getClip() != null) {
                bounds = intersection(bounds, up.localToScene(up.getClip().getBoundsInParent()));
            }
        }
        return bounds;
    }

    private static Bounds intersection(Bounds a, Bounds b) {
        double minX = Math.max(a.getMinX(), b.getMinX());
        double minY = Math.max(a.getMinY(), b.getMinY());
        double maxX = Math.min(a.getMaxX(), b.getMaxX());
        double maxY = Math.min(a.getMaxY(), b.getMaxY());
        return maxX - minX <= 0 || maxY - minY <= 0 ? null : new BoundingBox(minX, minY, maxX - minX, maxY - minY);
    }

    private static boolean cross(Bounds a, Bounds b) {
        Bounds both = intersection(a, b);
        return both != null && both.getWidth() > TOLERANCE && both.getHeight() > TOLERANCE;
    }

    private static boolean holds(Node outer, Node inner) {
        for (Node up = inner.getParent(); up != null; up = up.getParent()) {
            if (up == outer) {
                return true;
            }
        }
        return false;
    }

    private static String name(Node node) {
        String kind = node.getClass().getSimpleName();
        String id = node.getId() == null ? "" : "#" + node.getId() + " ";
        String text = node instanceof Labeled l ? l.getText() : node instanceof TextInputControl t ? t.getText() : "";
        return kind + " " + id + "'" + text + "'";
    }
}
