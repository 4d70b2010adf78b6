package io.siftbench.views.shell;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * Help ▸ Keyboard shortcuts: every accelerator of the menu bar as it is now (read from the menus themselves, so the
 * list cannot fall behind them), then each screen's own keys.
 */
final class ShortcutsDialog {

    private ShortcutsDialog() {}

    /** The menu bar's accelerators, one per item, named "Menu ▸ Item". */
    static List<Shortcut> ofMenus(MenuBar bar) {
        List<Shortcut> keys = new ArrayList<>();
        for (Menu menu : bar.getMenus()) {
            collect(menu.getText(), menu.getItems(), keys);
        }
        return keys;
    }

    private static void collect(String path, Collection<MenuItem> items, List<Shortcut> keys) {
        for (MenuItem item : items) {
            if (item instanceof Menu sub) {
                collect(path + " ▸ " + sub.getText(), sub.getItems(), keys);
            } else if (item.getAccelerator() != null) {
                keys.add(new Shortcut(item.getAccelerator().getDisplayText(), path + " ▸ " + item.getText()));
            }
        }
    }

    static void show(Window owner, List<Shortcut> menus, Collection<ScreenView> screens) {
        GridPane grid = new GridPane();
        grid.setId("shortcuts");
        grid.setHgap(16);
        grid.setVgap(4);
        int row = 0;
        row = section(grid, row, "Anywhere", menus);
        for (ScreenView screen : screens) {
            if (!screen.shortcuts().isEmpty()) {
                row = section(grid, row, screen.screen().title(), screen.shortcuts());
            }
        }
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Keyboard shortcuts");
        dialog.setHeaderText("Keyboard shortcuts");
        dialog.getDialogPane().setId("shortcuts-dialog");
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(460);
        scroll.setPrefViewportWidth(520);
        dialog.getDialogPane().setContent(scroll);
        dialog.setResizable(true);
        dialog.show();
    }

    private static int section(GridPane grid, int row, String title, List<Shortcut> keys) {
        Label heading = new Label(title);
        heading.getStyleClass().add("title-4");
        grid.add(heading, 0, row++, 2, 1);
        for (Shortcut k : keys) {
            Label key = new Label(k.keys());
            key.getStyleClass().add("shortcut-keys");
            key.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            grid.addRow(row++, key, new Label(k.what()));
        }
        return row;
    }
}
