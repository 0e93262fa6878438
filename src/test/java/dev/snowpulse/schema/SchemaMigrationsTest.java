package dev.snowpulse.schema;

import dev.snowpulse.db.PostgresEndpoint;
import dev.snowpulse.testing.TestPostgres;

import static dev.snowpulse.testing.Sql.execute;
import static dev.snowpulse.testing.Sql.single;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaMigrationsTest {

    @RegisterExtension
    static TestPostgres pg = new TestPostgres();

    static final List<String> FILES = List.of("V1__ecommerce_schema.sql", "V2__fast_kpis.sql", "V3__seed_data.sql",
            "V4__workload_runs.sql", "V5__seed_order_date.sql", "V6__workload_outcomes.sql", "V7__workload_thresholds.sql", "V8__workload_run_seconds.sql", "R__demo_data.sql", "R__kpi_functions.sql",
            "R__payment_writes.sql", "R__place_order.sql");

    private static PostgresEndpoint fresh() throws SQLException {
        return TestPostgres.endpoint(pg.freshDatabase());
    }


    @Test
    void aFreshDatabaseGetsEveryFileWithALiveLog() throws Exception {
        PostgresEndpoint db = fresh();
        SchemaService schema = new SchemaService(db);
        SchemaStatus before = schema.status();
        assertThat(before.origin()).isEqualTo(DatabaseOrigin.EMPTY);
        assertThat(before.action()).isEqualTo("Initialize");
        assertThat(before.files()).extracting(SchemaFile::script).containsExactlyElementsOf(FILES);
        assertThat(before.files()).allMatch(f -> f.state() == FileState.PENDING);

        List<MigrationEvent> log = new ArrayList<>();
        SchemaStatus after = schema.initialize(log::add);

        assertThat(after.origin()).isEqualTo(DatabaseOrigin.MANAGED);
        assertThat(after.files()).allMatch(f -> f.state() == FileState.APPLIED);
        assertThat(after.action()).isEqualTo("Up to date");
        assertThat(log).filteredOn(e -> e.kind() == MigrationEvent.Kind.APPLIED).extracting(MigrationEvent::script)
                .containsExactlyElementsOf(FILES);
        assertThat(log.getLast().line()).isEqualTo("applied 12 file(s); schema version 8");
        // the log and the history table give each file the same time: the one Flyway recorded
        assertThat(log).filteredOn(e -> e.kind() == MigrationEvent.Kind.APPLIED)
                .extracting(e -> e.script() + " " + e.millis())
                .containsExactlyElementsOf(after.files().stream().map(f -> f.script() + " " + f.executionMillis()).toList());
        assertThat(single(db, "select count(*) from customers")).isEqualTo("10");
        assertThat(single(db, "select count(distinct category) from products")).isEqualTo("6");
        assertThat(single(db, "select sum(stock) from inventory")).isEqualTo("1000");
    }

    @Test
    void initialisingTwiceChangesNothingAndReapplyingTheFilesLosesNoData() throws Exception {
        PostgresEndpoint db = fresh();
        SchemaService schema = new SchemaService(db);
        schema.initialize(e -> { });
        execute(db, "select place_order(1, 1, 2); select place_order(2, 3, 1)");
        String before = single(db, "select (select count(*) from orders) || '/' || (select count(*) from customers) || '/' "
                + "|| (select sum(stock) from inventory) || '/' || (select sum(revenue_authorized) from inventory)");

        List<MigrationEvent> second = new ArrayList<>();
        schema.initialize(second::add);
        assertThat(second).extracting(MigrationEvent::line).containsExactly("nothing to apply: the schema is up to date");

        for (String file : FILES) {
            execute(db, SchemaService.sqlOf(file)); // as a user re-running them in psql would
        }
        String after = single(db, "select (select count(*) from orders) || '/' || (select count(*) from customers) || '/' "
                + "|| (select sum(stock) from inventory) || '/' || (select sum(revenue_authorized) from inventory)");
        assertThat(after).isEqualTo(before).isEqualTo("2/10/997/351.98");
    }

    @Test
    void aSeedProjectDatabaseIsAdoptedWithItsData() throws Exception {
        PostgresEndpoint db = fresh();
        // what the seed's init_db and a workload leave behind: DATE order dates, duplicated customers, no history
        execute(db, """
                create table customers (customer_id serial primary key, first_name varchar(50), last_name varchar(50),
                                        email varchar(100), city varchar(50));
                create table products (product_id serial primary key, product_name varchar(100), category varchar(50),
                                       price decimal(10, 2));
                create table orders (order_id serial primary key, order_date date default current_date,
                                     customer_id int references customers, product_id int references products, quantity int);
                create table inventory (product_id int primary key references products, stock int not null,
                                        reserved int not null default 0);
                create table payments (payment_id serial primary key, order_id int not null references orders,
                                       amount decimal(10, 2) not null, status varchar(20) not null,
                                       created_at timestamptz default current_timestamp);
                create index idx_orders_order_date on orders (order_date);
                insert into customers (first_name, last_name, email, city) values
                    ('Alice', 'Smith', 'alice@example.com', 'New York'), ('Alice', 'Smith', 'alice@example.com', 'New York');
                insert into products (product_name, category, price) values ('Wireless Mouse', 'Electronics', 25.99);
                insert into inventory values (1, 97, 0);
                insert into orders (order_date, customer_id, product_id, quantity) values ('2026-01-15', 1, 1, 3);
                insert into payments (order_id, amount, status) values (1, 77.97, 'AUTHORIZED');
                """);
        SchemaService schema = new SchemaService(db);
        assertThat(schema.status().origin()).isEqualTo(DatabaseOrigin.SEED_PROJECT);
        assertThat(schema.status().action()).isEqualTo("Adopt and upgrade");

        List<MigrationEvent> log = new ArrayList<>();
        SchemaStatus after = schema.initialize(log::add);

        assertThat(log.getFirst().line()).contains("adopting them, their rows are kept");
        assertThat(after.files().getFirst().state()).isEqualTo(FileState.BASELINE);
        assertThat(after.files()).filteredOn(f -> f.state() != FileState.BASELINE).allMatch(f -> f.state() == FileState.APPLIED);
        assertThat(single(db, "select order_date || ' ' || quantity from orders")).isEqualTo("2026-01-15 3");
        assertThat(single(db, "select data_type from information_schema.columns where table_name = 'orders' and column_name = 'order_date'"))
                .isEqualTo("date");
        assertThat(single(db, "select orders_authorized || ' ' || units_sold || ' ' || revenue_authorized from inventory where product_id = 1"))
                .isEqualTo("1 3 77.97");
        assertThat(single(db, "select customer_id || ' ' || product_id || ' ' || quantity from payments where order_id = 1"))
                .as("old payments carry their order's customer, product and quantity").isEqualTo("1 1 3");
        assertThat(single(db, "select count(*) from customers where email = 'alice@example.com'")).as("duplicates kept, none added").isEqualTo("2");
        assertThat(single(db, "select stock from inventory where product_id = 1")).isEqualTo("97");
        assertThat(single(db, "select place_order(1, 1, 1) is not null")).isEqualTo("t");
    }

    @Test
    void editedFilesShowAsChangedAndARepeatableOneIsReapplied() throws Exception {
        PostgresEndpoint db = fresh();
        SchemaService schema = new SchemaService(db);
        schema.initialize(e -> { });
        execute(db, "update flyway_schema_history set checksum = checksum + 1 where script in ('R__place_order.sql', 'V2__fast_kpis.sql')");

        SchemaStatus status = schema.status();
        assertThat(status.files()).filteredOn(f -> f.state() == FileState.CHANGED).extracting(SchemaFile::script)
                .containsExactlyInAnyOrder("R__place_order.sql", "V2__fast_kpis.sql");
        assertThat(status.action()).isEqualTo("Upgrade");

        assertThatThrownBy(() -> schema.initialize(e -> { }))
                .isInstanceOf(MigrationFailure.class)
                .hasMessageStartingWith("V2__fast_kpis.sql: changed since it was applied (checksum mismatch)");

        execute(db, "update flyway_schema_history set checksum = checksum - 1 where script = 'V2__fast_kpis.sql'");
        List<MigrationEvent> log = new ArrayList<>();
        schema.initialize(log::add);
        assertThat(log).filteredOn(e -> e.kind() == MigrationEvent.Kind.APPLIED).extracting(MigrationEvent::script)
                .containsExactly("R__place_order.sql");
        assertThat(schema.status().files()).allMatch(f -> f.state() == FileState.APPLIED);
    }

    @Test
    void aFailureNamesTheFileTheLineTheSqlstateAndTheMessage() throws Exception {
        PostgresEndpoint db = fresh();
        execute(db, "create function kpi_rebuild_totals() returns int language sql as 'select 1'");
        SchemaService schema = new SchemaService(db);

        List<MigrationEvent> log = new ArrayList<>();
        MigrationFailure failure = org.junit.jupiter.api.Assertions.assertThrows(MigrationFailure.class, () -> schema.initialize(log::add));

        assertThat(failure.script()).isEqualTo("V2__fast_kpis.sql");
        assertThat(failure.line()).as("where the failing statement starts").isEqualTo(14);
        assertThat(failure.sqlState()).isEqualTo("42P13");
        assertThat(failure.serverMessage()).contains("cannot change return type of existing function");
        assertThat(failure.getMessage()).startsWith("V2__fast_kpis.sql, line 14, SQLSTATE 42P13: ");
        assertThat(log).extracting(MigrationEvent::line).contains("FAILED   V2__fast_kpis.sql: rolled back");
        SchemaStatus status = schema.status();
        assertThat(status.files()).as("V1 went back with V2: every file is pending again").allMatch(f -> f.state() == FileState.PENDING);
        assertThat(single(db, "select count(*) from information_schema.tables where table_schema = 'public'")).isEqualTo("0");
    }
}
