package dev.snowpulse.ui.connections;

import dev.snowpulse.ui.common.Dialogs;
import dev.snowpulse.profile.ConnectionProfile;
import dev.snowpulse.profile.EnvironmentKind;
import dev.snowpulse.profile.store.ProfileCatalog;
import dev.snowpulse.profile.ProfileKind;
import dev.snowpulse.profile.SecretSource;
import dev.snowpulse.profile.SnowflakeAuthenticator;
import dev.snowpulse.profile.SslMode;
import dev.snowpulse.ui.common.Chips;
import dev.snowpulse.ui.common.Nodes;
import dev.snowpulse.ui.common.TabContent;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.util.Locale;

/** The Connections tab: the profile list on the left, the selected profile's form on the right. */
public final class ConnectionsView implements TabContent {

    private final ConnectionsViewModel model;
    private final DriverViewModel driver;
    private final ProfileForm form;
    private final SplitPane root = new SplitPane();

    public ConnectionsView(ConnectionsViewModel model, DriverViewModel driver) {
        this.model = model;
        this.driver = driver;
        this.form = model.form();
        root.getStyleClass().add("connections");
        root.getItems().addAll(profileList(), editor());
        root.setDividerPositions(0.26);
        SplitPane.setResizableWithParent(root.getItems().getFirst(), false);
    }

    @Override
    public String title() {
        return "Connections";
    }

    @Override
    public Node node() {
        return root;
    }

    private Node profileList() {
        Label heading = new Label("Profiles");
        heading.getStyleClass().add("section-title");

        ListView<ConnectionProfile> list = new ListView<>(model.profiles());
        list.setId("profileList");
        list.setCellFactory(v -> new ProfileCell());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now == null || now == model.selectedProperty().get()) {
                return;
            }
            if (model.hasUnsavedChanges() && !Dialogs.confirm(window(), "Discard the unsaved changes to " + model.unsavedName() + "?")) {
                // put the selection back once this change has finished
                javafx.application.Platform.runLater(() -> list.getSelectionModel().select(model.selectedProperty().get()));
                return;
            }
            model.select(now);
        });
        model.selectedProperty().addListener((obs, old, now) -> list.getSelectionModel().select(now));
        VBox.setVgrow(list, Priority.ALWAYS);

        MenuItem newPostgres = new MenuItem("Postgres profile");
        newPostgres.setId("newPostgres");
        newPostgres.setOnAction(e -> startNew(ProfileKind.POSTGRES));
        MenuItem newSnowflake = new MenuItem("Snowflake profile");
        newSnowflake.setId("newSnowflake");
        newSnowflake.setOnAction(e -> startNew(ProfileKind.SNOWFLAKE));
        MenuButton create = new MenuButton("New", null, newPostgres, newSnowflake);
        create.setId("newMenu");

        MenuItem fromEnv = new MenuItem("From PG* environment variables");
        fromEnv.setOnAction(e -> model.importFromEnvironment());
        MenuItem fromSnowflake = new MenuItem("From Snowflake CLI connections.toml…");
        fromSnowflake.setOnAction(e -> chooseOpen("Snowflake CLI connections", model.snowflakeConnectionsFile().toFile(), "*.toml")
                .ifPresent(f -> model.importSnowflakeConnections(f.toPath())));
        MenuItem fromJson = new MenuItem("From a SnowPulse profiles file…");
        fromJson.setOnAction(e -> chooseOpen("SnowPulse profiles", null, "*.json").ifPresent(f -> model.importJson(f.toPath())));
        MenuButton importMenu = new MenuButton("Import", null, fromEnv, fromSnowflake, fromJson);
        importMenu.setId("importMenu");

        Button export = new Button("Export…");
        export.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export profiles (no secrets)");
            chooser.setInitialFileName("snowpulse-profiles.json");
            File file = chooser.showSaveDialog(window());
            if (file != null) {
                model.exportJson(file.toPath());
            }
        });

        HBox actions = new HBox(6, create, importMenu, export);
        VBox box = new VBox(8, heading, list, actions);
        box.setPadding(new Insets(12));
        box.setMinWidth(250);
        return box;
    }

    private void startNew(ProfileKind kind) {
        if (!model.hasUnsavedChanges() || Dialogs.confirm(window(), "Discard the unsaved changes to " + model.unsavedName() + "?")) {
            model.newProfile(kind);
        }
    }

    private Node editor() {
        Label title = new Label();
        title.getStyleClass().add("editor-title");
        title.textProperty().bind(form.name.map(n -> n.isBlank() ? "Unnamed profile" : n));
        Region chip = Chips.swatch(form.colour.get(), 14);
        form.colour.addListener((obs, old, now) -> Chips.colour(chip, now));
        Label kindLabel = new Label();
        kindLabel.getStyleClass().add("editor-kind");
        kindLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> form.kind.get().label() + " · " + form.environment.get().label(), form.kind, form.environment));
        HBox header = new HBox(10, chip, title, kindLabel);
        header.setAlignment(Pos.CENTER_LEFT);

        VBox sections = new VBox(14,
                section("Profile", profileGrid()),
                kindSection("Postgres", ProfileKind.POSTGRES, postgresGrid()),
                kindSection("Snowflake", ProfileKind.SNOWFLAKE, snowflakeGrid()),
                section("Secret", secretGrid()));
        sections.disableProperty().bind(model.builtInSelectedProperty());
        sections.setPadding(new Insets(4, 2, 4, 2));

        ScrollPane scroll = new ScrollPane(sections);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("editor-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        VBox box = new VBox(10, header, scroll, messageLine(), actionBar());
        box.setPadding(new Insets(12, 16, 12, 16));
        return box;
    }

    private GridPane profileGrid() {
        GridPane grid = grid();
        row(grid, 0, "Name", text(form.name, "profileName", "e.g. orders-prod"));
        ComboBox<EnvironmentKind> environment = new ComboBox<>();
        environment.getItems().setAll(EnvironmentKind.values());
        environment.setId("environment");
        environment.valueProperty().bindBidirectional(form.environment);
        environment.setConverter(new LabelConverter<>(EnvironmentKind::label));
        ColorPicker colour = new ColorPicker(Color.web(form.colour.get()));
        colour.setId("environmentColour");
        colour.valueProperty().addListener((obs, old, now) -> form.colour.set(hex(now)));
        form.colour.addListener((obs, old, now) -> {
            if (!hex(colour.getValue()).equalsIgnoreCase(now)) {
                colour.setValue(Color.web(now));
            }
        });
        TextField label = text(form.environmentLabel, "environmentLabel", "name of a custom environment, e.g. qa");
        label.disableProperty().bind(form.environment.isNotEqualTo(EnvironmentKind.CUSTOM));
        HBox envRow = new HBox(8, environment, colour, label);
        HBox.setHgrow(label, Priority.ALWAYS);
        row(grid, 1, "Environment", envRow);
        Label prodNote = new Label("Prod profiles frame the window in their colour; write actions ask for the profile's name.");
        prodNote.getStyleClass().add("hint");
        prodNote.setWrapText(true);
        prodNote.visibleProperty().bind(form.environment.isEqualTo(EnvironmentKind.PROD));
        prodNote.managedProperty().bind(prodNote.visibleProperty());
        grid.add(prodNote, 1, 2);
        return grid;
    }

    private GridPane postgresGrid() {
        GridPane grid = grid();
        TextField uri = text(form.uri, "uri", "paste postgres://user@host:5432/postgres?sslmode=require");
        Button fill = new Button("Fill from URI");
        fill.setId("fillFromUri");
        fill.disableProperty().bind(form.uri.isEmpty());
        fill.setOnAction(e -> model.fillFromUri());
        uri.setOnAction(e -> model.fillFromUri());
        HBox uriRow = new HBox(8, uri, fill);
        HBox.setHgrow(uri, Priority.ALWAYS);
        row(grid, 0, "Connection URI", uriRow);
        TextField host = text(form.host, "host", "127.0.0.1 or xxxx.snowflake.app");
        host.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                form.hostEdited();
            }
        });
        TextField port = text(form.port, "port", "5432");
        port.setPrefColumnCount(6);
        Label portLabel = new Label("Port");
        portLabel.getStyleClass().add("field-label");
        portLabel.setMinWidth(Region.USE_PREF_SIZE);
        port.setMinWidth(70);
        port.setMaxWidth(90);
        HBox hostRow = new HBox(8, host, portLabel, port);
        hostRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(host, Priority.ALWAYS);
        row(grid, 1, "Host", hostRow);
        row(grid, 2, "Database", text(form.database, "database", "postgres"));
        row(grid, 3, "User", text(form.user, "user", "postgres or snowflake_admin"));
        ComboBox<SslMode> ssl = choice(form.sslMode, SslMode.values(), "sslMode");
        TextField rootCert = text(form.sslRootCert, "sslRootCert", "CA file for verify-ca / verify-full");
        HBox sslRow = new HBox(8, ssl, rootCert);
        HBox.setHgrow(rootCert, Priority.ALWAYS);
        row(grid, 4, "SSL mode", sslRow);
        row(grid, 5, "Application name", text(form.applicationName, "applicationName", "shown in pg_stat_activity"));
        javafx.scene.control.CheckBox pooled = new javafx.scene.control.CheckBox("Through a transaction-mode pooler (PgBouncer; Snowflake Postgres port 5431)");
        pooled.setId("transactionPooler");
        pooled.selectedProperty().bindBidirectional(form.transactionPooler);
        row(grid, 6, "Pooler", pooled);
        return grid;
    }

    private GridPane snowflakeGrid() {
        GridPane grid = grid();
        row(grid, 0, "Driver", driverRow());
        ComboBox<SnowflakeAuthenticator> authenticator = choice(form.authenticator, SnowflakeAuthenticator.values(), "authenticator");
        row(grid, 1, "Sign in with", authenticator);
        TextField cli = text(form.cliConnection, "cliConnection", "a [name] in ~/.snowflake/connections.toml");
        row(grid, 2, "CLI connection", cli);
        cli.disableProperty().bind(form.authenticator.isNotEqualTo(SnowflakeAuthenticator.CLI_CONNECTION));
        row(grid, 3, "Account", text(form.account, "account", "myorg-myaccount"));
        row(grid, 4, "User", text(form.user, "snowflakeUser", "login name"));
        row(grid, 5, "Role", text(form.role, "role", "e.g. SYSADMIN"));
        row(grid, 6, "Warehouse", text(form.warehouse, "warehouse", "e.g. COMPUTE_WH"));
        row(grid, 7, "Database", text(form.database, "snowflakeDatabase", "RETAIL_STREAMING_DEMO"));
        row(grid, 8, "Schema", text(form.schema, "schema", "PUBLIC"));
        TextField key = text(form.privateKeyFile, "privateKeyFile", "~/.snowflake/rsa_key.p8");
        key.disableProperty().bind(form.authenticator.isNotEqualTo(SnowflakeAuthenticator.KEY_PAIR));
        row(grid, 9, "Private key file", key);
        row(grid, 10, "Host override", text(form.snowflakeHost, "snowflakeHost", "default: <account>.snowflakecomputing.com"));
        return grid;
    }

    /** snowflake-jdbc: where it comes from, and its download (the installers leave it out). */
    private Node driverRow() {
        Label status = new Label();
        status.setId("driverStatus");
        status.getStyleClass().add("hint");
        status.setWrapText(true);
        status.textProperty().bind(driver.statusProperty());

        Button download = new Button("Download driver");
        download.setId("downloadDriver");
        download.getStyleClass().add("accent");
        download.setOnAction(e -> driver.download());
        Button fromFile = new Button("Install from file…");
        fromFile.setId("installDriverFromFile");
        fromFile.setOnAction(e -> chooseOpen("snowflake-jdbc jar", null, "*.jar").ifPresent(f -> driver.installFrom(f.toPath())));
        for (Button b : new Button[]{download, fromFile}) {
            b.visibleProperty().bind(driver.missingProperty());
            b.managedProperty().bind(b.visibleProperty());
            b.disableProperty().bind(driver.busyProperty());
        }
        Button cancel = new Button("Cancel");
        cancel.setId("cancelDriverDownload");
        cancel.setOnAction(e -> driver.cancel());
        cancel.visibleProperty().bind(driver.busyProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        javafx.scene.control.ProgressBar bar = new javafx.scene.control.ProgressBar();
        bar.setId("driverProgress");
        bar.setPrefWidth(160);
        bar.progressProperty().bind(driver.progressProperty());
        bar.visibleProperty().bind(driver.busyProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        Label progress = new Label();
        progress.setId("driverProgressText");
        progress.getStyleClass().add("hint");
        progress.textProperty().bind(driver.progressTextProperty());
        HBox actions = new HBox(8, download, fromFile, bar, cancel, progress);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.visibleProperty().bind(driver.missingProperty().or(driver.busyProperty()).or(driver.progressTextProperty().isNotEmpty()));
        actions.managedProperty().bind(actions.visibleProperty());

        Label error = Nodes.errorLine("driverError", driver.errorProperty());
        // the lookup is a file access: done once the Snowflake section is first shown, and again on each showing
        form.kind.addListener((obs, old, now) -> {
            if (now == ProfileKind.SNOWFLAKE) {
                driver.refresh();
            }
        });
        if (form.kind.get() == ProfileKind.SNOWFLAKE) {
            driver.refresh();
        }
        return new VBox(6, status, actions, error);
    }

    private GridPane secretGrid() {
        GridPane grid = grid();
        ComboBox<SecretSource> source = choice(form.secretSource, SecretSource.values(), "secretSource");
        row(grid, 0, "Password from", source);
        TextField variable = text(form.secretVariable, "secretVariable", "default PGPASSWORD / SNOWFLAKE_PASSWORD / SNOWFLAKE_TOKEN");
        variable.disableProperty().bind(form.secretSource.isNotEqualTo(SecretSource.ENVIRONMENT).and(form.secretSource.isNotEqualTo(SecretSource.AUTO)));
        row(grid, 1, "Variable", variable);
        Button keychain = new Button("Store in OS keychain…");
        keychain.setId("storeInKeychain");
        keychain.disableProperty().bind(model.keychainAvailableProperty().not());
        keychain.setOnAction(e -> Dialogs.askSecret(window(), "Store a secret", "The secret for '" + form.name.get()
                + "' goes to the OS keychain, never to a file.").ifPresent(model::storeSecretInKeychain));
        Label keychainState = new Label();
        keychainState.getStyleClass().add("hint");
        keychainState.textProperty().bind(model.keychainAvailableProperty().map(ok -> ok
                ? "Secrets never go into SnowPulse's files."
                : "No OS keychain answers here; use an environment variable, .pgpass or a prompt."));
        HBox keychainRow = new HBox(10, keychain, keychainState);
        keychainRow.setAlignment(Pos.CENTER_LEFT);
        row(grid, 2, "", keychainRow);
        return grid;
    }

    private Node messageLine() {
        Label message = new Label();
        message.setId("message");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        model.messageKindProperty().addListener((obs, old, now) -> styleMessage(message, now));
        styleMessage(message, model.messageKindProperty().get());
        return message;
    }

    private static void styleMessage(Label message, ConnectionsViewModel.MessageKind kind) {
        message.getStyleClass().removeAll("message-info", "message-success", "message-error");
        message.getStyleClass().addAll("message", "message-" + kind.name().toLowerCase(Locale.ROOT));
    }

    private Node actionBar() {
        Button test = new Button("Test connection");
        test.setId("testButton");
        test.setOnAction(e -> model.test());
        Button connect = new Button("Connect");
        connect.setId("connectButton");
        connect.getStyleClass().add("accent");
        connect.setOnAction(e -> model.connect());
        connect.disableProperty().bind(model.selectedProperty().isNull());
        Button save = new Button("Save");
        save.setId("saveButton");
        save.setDefaultButton(true);
        save.setOnAction(e -> {
            if (model.saveNeedsConfirmation()) {
                Dialogs.confirmProd(window(), model.saveQuestion(), model.selectedProperty().get().name()).ifPresent(model::save);
            } else {
                model.save();
            }
        });
        Button revert = new Button("Revert");
        revert.setOnAction(e -> model.revert());
        Button remove = new Button("Remove");
        remove.setId("removeButton");
        remove.getStyleClass().add("danger");
        remove.setOnAction(e -> {
            if (model.removalNeedsConfirmation()) {
                ConnectionProfile p = model.selectedProperty().get();
                Dialogs.confirmProd(window(), model.removalQuestion(), p.name()).ifPresent(model::remove);
            } else if (Dialogs.confirm(window(), "Remove profile '" + model.selectedProperty().get().name() + "'?")) {
                model.remove(null);
            }
        });
        remove.disableProperty().bind(model.selectedProperty().isNull().or(model.builtInSelectedProperty()));
        save.disableProperty().bind(model.builtInSelectedProperty().or(model.busyProperty()));
        revert.disableProperty().bind(model.builtInSelectedProperty());
        test.disableProperty().bind(model.busyProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, test, connect, spacer, remove, revert, save);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Node section(String name, GridPane grid) {
        Label title = new Label(name);
        title.getStyleClass().add("section-title");
        VBox box = new VBox(8, title, grid);
        box.getStyleClass().add("form-section");
        return box;
    }

    private Node kindSection(String name, ProfileKind kind, GridPane grid) {
        Node section = section(name, grid);
        section.visibleProperty().bind(form.kind.isEqualTo(kind));
        section.managedProperty().bind(section.visibleProperty());
        return section;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints(130);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);
        return grid;
    }

    private static void row(GridPane grid, int index, String label, Node field) {
        Label l = new Label(label);
        l.getStyleClass().add("field-label");
        grid.add(l, 0, index);
        grid.add(field, 1, index);
    }

    private static TextField text(StringProperty property, String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private static <T> ComboBox<T> choice(ObjectProperty<T> property, T[] values, String id) {
        ComboBox<T> box = new ComboBox<>();
        box.getItems().setAll(values);
        box.setId(id);
        box.valueProperty().bindBidirectional(property);
        return box;
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02X%02X%02X", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    private java.util.Optional<File> chooseOpen(String title, File initial, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(title, pattern));
        if (initial != null && initial.getParentFile() != null && initial.getParentFile().isDirectory()) {
            chooser.setInitialDirectory(initial.getParentFile());
            chooser.setInitialFileName(initial.getName());
        }
        return java.util.Optional.ofNullable(chooser.showOpenDialog(window()));
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /** A list row: environment colour, name, and what the profile points at. */
    private static final class ProfileCell extends ListCell<ConnectionProfile> {
        @Override
        protected void updateItem(ConnectionProfile profile, boolean empty) {
            super.updateItem(profile, empty);
            if (empty || profile == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label name = new Label(profile.name());
            name.getStyleClass().add("profile-name");
            Label detail = new Label(profile.kind().label() + " · " + profile.environment().label()
                    + (ProfileCatalog.isBuiltIn(profile.name()) ? " · built in" : ""));
            detail.getStyleClass().add("profile-detail");
            VBox text = new VBox(1, name, detail);
            HBox row = new HBox(8, Chips.swatch(profile.environment().colour(), 10), text);
            row.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setGraphic(row);
        }
    }
}
