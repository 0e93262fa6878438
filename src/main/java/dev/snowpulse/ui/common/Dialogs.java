package dev.snowpulse.ui.common;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.VBox;
import javafx.scene.control.Label;
import javafx.stage.Window;

import java.util.Optional;

/** The small modal questions the Connections tab and the shell ask. */
public final class Dialogs {

    private Dialogs() {
    }

    /** A secret typed into a password field; never echoed, returned only to be kept in memory or the keychain. */
    public static Optional<String> askSecret(Window owner, String title, String explanation) {
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(explanation);
        PasswordField field = new PasswordField();
        field.setId("secretField");
        field.setPromptText("password or token");
        dialog.getDialogPane().setContent(new VBox(8, new Label("Kept in memory only unless you store it in the keychain."), field));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == ButtonType.OK ? field.getText() : null);
        dialog.setOnShown(e -> field.requestFocus());
        return dialog.showAndWait().filter(s -> !s.isEmpty());
    }

    /** The prod guard: the user types the profile's name to go ahead. */
    public static Optional<String> confirmProd(Window owner, String question, String profileName) {
        TextInputDialog dialog = new TextInputDialog();
        dialog.initOwner(owner);
        dialog.setTitle("Prod profile");
        dialog.setHeaderText(question);
        dialog.setContentText("Profile name:");
        dialog.getEditor().setPromptText(profileName);
        dialog.getEditor().setId("prodGuardField");
        return dialog.showAndWait();
    }

    /** A number typed with a question: units to restock, say. Empty when cancelled. */
    public static Optional<String> askNumber(Window owner, String title, String question, String label, String initial) {
        TextInputDialog dialog = new TextInputDialog(initial);
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(question);
        dialog.setContentText(label);
        dialog.getEditor().setId("numberField");
        return dialog.showAndWait();
    }

    public static boolean confirm(Window owner, String question) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.OK, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setHeaderText(null);
        return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }
}
