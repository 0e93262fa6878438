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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * A Snowflake endpoint on loopback that speaks the part of the REST protocol snowflake-jdbc uses to log in, run a
 * query and close a session (see ../shared/notes/snowflake-driver.md). Queries are answered from a table of
 * canned single-column results keyed by SQL text; anything else fails as Snowflake does with 002003.
 */
public final class FakeSnowflake implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, String> users = new ConcurrentHashMap<>();
    private final Map<String, List<String>> results = new ConcurrentHashMap<>();
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private final List<JsonNode> logins = new CopyOnWriteArrayList<>();

    public FakeSnowflake() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/session/v1/login-request", this::login);
        server.createContext("/queries/v1/query-request", this::query);
        server.createContext("/session", this::session);
        server.start();
        results.put("select current_version()", List.of("9.40.2"));
        results.put("select 1", List.of("1"));
    }

    public FakeSnowflake user(String name, String password) {
        users.put(name, password);
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<String> queries() {
        return List.copyOf(queries);
    }

    public List<JsonNode> logins() {
        return List.copyOf(logins);
    }

    private void login(HttpExchange exchange) throws IOException {
        JsonNode data = JSON.readTree(body(exchange)).path("data");
        logins.add(data);
        String user = data.path("LOGIN_NAME").asText();
        String password = data.path("PASSWORD").asText(null);
        if (password == null || !password.equals(users.get(user))) {
            reply(exchange, error("390100", "Incorrect username or password was specified.", "08004"));
            return;
        }
        ObjectNode response = JSON.createObjectNode().put("success", true);
        ObjectNode payload = response.putObject("data").put("token", "session-token").put("masterToken", "master-token");
        payload.putArray("parameters").addObject().put("name", "AUTOCOMMIT").put("value", true);
        payload.putObject("sessionInfo").put("databaseName", (String) null);
        reply(exchange, response);
    }

    private void query(HttpExchange exchange) throws IOException {
        String sql = JSON.readTree(body(exchange)).path("sqlText").asText().strip();
        queries.add(sql);
        List<String> rows = results.get(sql.toLowerCase(java.util.Locale.ROOT));
        if (rows == null) {
            reply(exchange, error("002003", "SQL compilation error: Object does not exist or not authorized.", "42S02"));
            return;
        }
        ObjectNode response = JSON.createObjectNode().put("success", true);
        ObjectNode data = response.putObject("data");
        data.putArray("rowtype").addObject().put("name", "VALUE").put("type", "text").put("nullable", true).put("length", 256);
        ArrayNode rowset = data.putArray("rowset");
        rows.forEach(v -> rowset.addArray().add(v));
        data.put("total", rows.size()).put("returned", rows.size()).put("queryId", UUID.randomUUID().toString())
                .put("queryResultFormat", "json").put("statementTypeId", 4096);
        reply(exchange, response);
    }

    private void session(HttpExchange exchange) throws IOException {
        body(exchange);
        reply(exchange, JSON.createObjectNode().put("success", true));
    }

    private static ObjectNode error(String code, String message, String sqlState) {
        ObjectNode response = JSON.createObjectNode().put("success", false).put("code", code).put("message", message);
        response.putObject("data").put("sqlState", sqlState).put("queryId", UUID.randomUUID().toString());
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

    @Override
    public void close() {
        server.stop(0);
    }
}
