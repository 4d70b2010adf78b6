package io.siftbench.views.prompts;

import io.siftbench.model.prompts.Placeholder;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * A template's text area with, under it, the same text with every placeholder highlighted and the ones
 * nothing fills flagged, redrawn as the user types.
 */
final class TemplateEditor extends VBox {

    private final TextFlow highlighted = new TextFlow();
    private final Function<String, List<Placeholder>> scan;

    TemplateEditor(String title, String id, StringProperty template, Function<String, List<Placeholder>> scan) {
        this.scan = scan;
        TextArea area = new TextArea();
        area.setId(id);
        area.setPrefRowCount(4);
        area.setWrapText(true);
        area.textProperty().bindBidirectional(template);
        highlighted.setId(id + "-placeholders");
        highlighted.getStyleClass().add("template-highlight");
        template.addListener((obs, was, now) -> redraw(now));
        getStyleClass().add("template-editor");
        getChildren().addAll(new Label(title), area, highlighted);
        redraw(template.get());
    }

    /** Redraws after something the placeholders resolve against (conditions, the sample record) changed. */
    void redraw(String template) {
        highlighted.getChildren().clear();
        int at = 0;
        for (Placeholder p : scan.apply(template)) {
            if (p.start() > at) {
                highlighted.getChildren().add(new Text(template.substring(at, p.start())));
            }
            Text tag = new Text(template.substring(p.start(), p.end()));
            tag.getStyleClass().add(p.known() ? "placeholder" : "placeholder-unknown");
            highlighted.getChildren().add(tag);
            at = p.end();
        }
        if (at < template.length()) {
            highlighted.getChildren().add(new Text(template.substring(at)));
        }
    }
}
