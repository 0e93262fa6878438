package dev.snowpulse.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * A Snowflake endpoint on loopback that speaks the part of the REST protocol snowflake-jdbc uses (see
 * ../shared/notes/snowflake-driver.md): password, key-pair (JWT) and token logins; queries answered by rules that
 * match the SQL text, with typed columns; errors as Snowflake sends them; long queries answered by polling
 * (333334); session expiry and renewal (390112); and an endpoint that goes away ({@link #close()}).
 * Unmatched SQL fails with 002003, as a missing object does.
 */
public final class FakeSnowflake implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A column of a result: its name and Snowflake type (text, fixed, real, boolean, timestamp_ltz, variant ...). */
    public record Column(String name, String type) {
        public static Column text(String name) {
            return new Column(name, "text");
        }
    }

    /** A query as the driver sent it: SQL text and the bound values by position (1-based), as strings. */
    public record Query(String sql, List<String> bindings) {
        public String binding(int position) {
            return bindings.get(position - 1);
        }
    }

    public sealed interface Reply permits Result, Failure, Slow {
    }

    /** Rows of string values (or nulls), encoded as Snowflake's JSON rowsets are. */
    public record Result(List<Column> columns, List<List<String>> rows, int statementType) implements Reply {
        public static final int SELECT = 4096;
        public static final int DDL = 0x6000;
        public static final int DML_UPDATE = 0x3000 + 0x200;

        public static Result of(List<Column> columns, List<List<String>> rows) {
            return new Result(columns, rows, SELECT);
        }

        public static Result single(String column, String value) {
            List<String> row = new ArrayList<>();
            row.add(value);
            return of(List.of(Column.text(column)), List.of(row));
        }

        public static Result statusMessage(String message) {
            List<String> row = new ArrayList<>();
            row.add(message);
            return new Result(List.of(Column.text("status")), List.of(row), DDL);
        }

        public static Result updated(long rows) {
            return new Result(List.of(new Column("number of rows updated", "fixed"), new Column("number of multi-joined rows updated", "fixed")),
                    List.of(List.of(Long.toString(rows), "0")), DML_UPDATE);
        }
    }

    public record Failure(String code, String message, String sqlState) implements Reply {
    }

    /** Answered first with 333334 (still running); the driver then polls for {@code result}. */
    public record Slow(Result result) implements Reply {
    }

    private record Rule(Pattern sql, Function<Query, Reply> answer) {
    }

    private final HttpServer server;
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<Query> queries = new CopyOnWriteArrayList<>();
    private final List<JsonNode> logins = new CopyOnWriteArrayList<>();
    private final List<String> renewals = new CopyOnWriteArrayList<>();
    private final Map<String, Result> pending = new ConcurrentHashMap<>();
    private final AtomicBoolean expireNext = new AtomicBoolean();
    private volatile String sessionToken = "session-token";

    public FakeSnowflake() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/session/v1/login-request", this::login);
        server.createContext("/queries/v1/query-request", this::query);
        server.createContext("/queries/", this::poll);
        server.createContext("/session/token-request", this::renew);
        server.createContext("/session", this::session);
        server.start();
        answer("select current_version\\(\\)", q -> Result.single("CURRENT_VERSION()", "9.40.2"));
        answer("select 1", q -> Result.single("1", "1"));
    }

    public FakeSnowflake user(String name, String password) {
        passwords.put(name.toUpperCase(Locale.ROOT), password);
        return this;
    }

    /** A programmatic access token or OAuth token that signs {@code name} in. */
    public FakeSnowflake token(String name, String token) {
        tokens.put(name.toUpperCase(Locale.ROOT), token);
        return this;
    }

    /** The public key whose private half signs {@code name}'s key-pair (JWT) logins. */
    public FakeSnowflake publicKey(String name, PublicKey key) {
        keys.put(name.toUpperCase(Locale.ROOT), key);
        return this;
    }

    /** Answers SQL matching {@code regex} (case-insensitive, whole text); later rules win over earlier ones. */
    public FakeSnowflake answer(String regex, Function<Query, Reply> answer) {
        rules.addFirst(new Rule(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL), answer));
        return this;
    }

    /** The next query fails with 390112 (session expired); the driver has to renew its token and retry. */
    public void expireSessionOnce() {
        expireNext.set(true);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<String> queries() {
        return queries.stream().map(Query::sql).toList();
    }

    public List<Query> queryLog() {
        return List.copyOf(queries);
    }

    public void clearQueries() {
        queries.clear();
    }

    public List<JsonNode> logins() {
        return List.copyOf(logins);
    }

    public List<String> renewals() {
        return List.copyOf(renewals);
    }

    private void login(HttpExchange exchange) throws IOException {
        JsonNode data = JSON.readTree(body(exchange)).path("data");
        logins.add(data);
        String user = data.path("LOGIN_NAME").asText().toUpperCase(Locale.ROOT);
        String authenticator = data.path("AUTHENTICATOR").asText("SNOWFLAKE").toUpperCase(Locale.ROOT);
        boolean ok = switch (authenticator) {
            case "SNOWFLAKE_JWT" -> validJwt(data.path("TOKEN").asText(""), user);
            case "PROGRAMMATIC_ACCESS_TOKEN", "OAUTH" -> data.path("TOKEN").asText("").equals(tokens.get(user));
            default -> data.path("PASSWORD").asText("").equals(passwords.get(user)) && passwords.containsKey(user);
        };
        if (!ok) {
            reply(exchange, error("390100", "Incorrect username or password was specified.", "08004"));
            return;
        }
        ObjectNode response = JSON.createObjectNode().put("success", true);
        ObjectNode payload = response.putObject("data").put("token", sessionToken).put("masterToken", "master-token")
                .put("validityInSeconds", 3600).put("masterValidityInSeconds", 14400);
        payload.putArray("parameters").addObject().put("name", "AUTOCOMMIT").put("value", true);
        payload.putObject("sessionInfo").put("databaseName", (String) null);
        reply(exchange, response);
    }

    private boolean validJwt(String jwt, String user) {
        PublicKey key = keys.get(user);
        String[] parts = jwt.split("\\.");
        if (key == null || parts.length != 3) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return verifier.verify(Base64.getUrlDecoder().decode(parts[2]))
                    && claims.path("sub").asText().toUpperCase(Locale.ROOT).endsWith("." + user);
        } catch (Exception e) {
            return false;
        }
    }

    private void query(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(body(exchange));
        String sql = request.path("sqlText").asText().strip();
        List<String> bindings = new ArrayList<>();
        JsonNode bound = request.path("bindings");
        for (int i = 1; bound.has(Integer.toString(i)); i++) {
            JsonNode value = bound.path(Integer.toString(i)).path("value");
            bindings.add(value.isNull() ? null : value.asText());
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (expireNext.compareAndSet(true, false) || authorization == null || !authorization.contains(sessionToken)) {
            ObjectNode expired = JSON.createObjectNode().put("success", false).put("code", "390112")
                    .put("message", "Your session has expired. Please login again.");
            expired.putNull("data");
            reply(exchange, expired);
            return;
        }
        Query query = new Query(sql, List.copyOf(bindings));
        queries.add(query);
        Reply answer = rules.stream().filter(r -> r.sql().matcher(sql).matches()).findFirst()
                .map(r -> r.answer().apply(query))
                .orElse(new Failure("002003", "SQL compilation error:\nObject does not exist or not authorized.", "42S02"));
        switch (answer) {
            case Result result -> reply(exchange, result(result));
            case Failure failure -> reply(exchange, error(failure.code(), failure.message(), failure.sqlState()));
            case Slow slow -> {
                String id = UUID.randomUUID().toString();
                pending.put(id, slow.result());
                ObjectNode running = JSON.createObjectNode().put("success", true).put("code", "333334")
                        .put("message", "Asynchronous execution in progress. Use provided query id to perform query monitoring and management.");
                running.putObject("data").put("queryId", id).put("getResultUrl", "/queries/" + id + "/result");
                reply(exchange, running);
            }
        }
    }

    private void poll(HttpExchange exchange) throws IOException {
        body(exchange);
        String[] path = exchange.getRequestURI().getPath().split("/");
        Result result = path.length >= 3 ? pending.remove(path[2]) : null;
        reply(exchange, result == null ? error("000605", "Identified SQL statement is not currently executing.", "01000") : result(result));
    }

    private void renew(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(body(exchange));
        renewals.add(request.path("requestType").asText());
        sessionToken = "session-token-" + UUID.randomUUID();
        ObjectNode response = JSON.createObjectNode().put("success", true);
        response.putObject("data").put("sessionToken", sessionToken).put("validityInSecondsST", 3600)
                .put("masterToken", "master-token").put("validityInSecondsMT", 14400);
        reply(exchange, response);
    }

    private void session(HttpExchange exchange) throws IOException {
        body(exchange);
        reply(exchange, JSON.createObjectNode().put("success", true));
    }

    private static ObjectNode result(Result result) {
        ObjectNode response = JSON.createObjectNode().put("success", true);
        ObjectNode data = response.putObject("data");
        ArrayNode rowtype = data.putArray("rowtype");
        for (Column column : result.columns()) {
            ObjectNode type = rowtype.addObject().put("name", column.name()).put("type", column.type()).put("nullable", true);
            switch (column.type()) {
                case "fixed" -> type.put("precision", 38).put("scale", 0);
                case "timestamp_ltz", "timestamp_ntz", "timestamp_tz" -> type.put("scale", 9).put("precision", 0);
                default -> type.put("length", 16_777_216).put("byteLength", 16_777_216);
            }
        }
        ArrayNode rowset = data.putArray("rowset");
        for (List<String> row : result.rows()) {
            ArrayNode values = rowset.addArray();
            row.forEach(values::add);
        }
        data.put("total", result.rows().size()).put("returned", result.rows().size())
                .put("queryId", UUID.randomUUID().toString()).put("queryResultFormat", "json")
                .put("statementTypeId", result.statementType());
        return response;
    }

    private static ObjectNode error(String code, String message, String sqlState) {
        ObjectNode response = JSON.createObjectNode().put("success", false).put("code", code).put("message", message);
        response.putObject("data").put("internalError", false).put("errorCode", code).put("age", 0)
                .put("sqlState", sqlState).put("queryId", UUID.randomUUID().toString());
        return response;
    }

    private static byte[] body(HttpExchange exchange) throws IOException {
        InputStream in = exchange.getRequestBody();
        if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            in = new GZIPInputStream(in);
        }
        return in.readAllBytes();
    }

    private static void reply(HttpExchange exchange, JsonNode json) throws IOException {
        byte[] bytes = JSON.writeValueAsString(json).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** The endpoint goes away: open connections fail, new ones are refused. */
    @Override
    public void close() {
        server.stop(0);
    }
}
