package ru.spobridge.connectors.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A scripted HTTP server on 127.0.0.1 and a free port (the JDK's own): each path answers its replies in order,
 * the last one for every further call, and every request is recorded. No Spring, no Docker.
 */
public final class LoopbackStub implements AutoCloseable {

    /** One request as the stub saw it; the query decoded into its parameters. */
    public record Seen(String method, String path, Map<String, String> query, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    /** What the stub answers; {@code hang} holds the answer back until the stub closes, as a stalled server. */
    public record Reply(int status, Map<String, String> headers, String body, boolean hang) {

        public Reply header(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Reply(status, more, body, hang);
        }
    }

    public static Reply reply(int status, String body) {
        return new Reply(status, Map.of("Content-Type", "application/json; charset=utf-8"), body, false);
    }

    public static Reply hanging() {
        return new Reply(200, Map.of(), "{}", true);
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Deque<Reply>> script = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    public LoopbackStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** One round trip through the JDK's HTTP client and server, so that the first test's timeouts are not spent loading classes. */
    public static void warmUp() {
        try (LoopbackStub stub = new LoopbackStub()) {
            stub.on("/warm-up", reply(200, "{}"));
            java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(stub.base().resolve("warm-up")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The stub's root, ending with a slash. */
    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    public LoopbackStub on(String path, Reply... replies) {
        script.put(path, new ConcurrentLinkedDeque<>(List.of(replies)));
        return this;
    }

    public List<Seen> requests(String path) {
        return seen.stream().filter(request -> request.path().equals(path)).toList();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        seen.add(new Seen(exchange.getRequestMethod(), uri.getPath(), query(uri.getRawQuery()), headers, body));
        Deque<Reply> replies = script.get(uri.getPath());
        Reply reply = replies == null ? reply(404, "{\"code\":\"NOT_SCRIPTED\"}") : replies.size() > 1 ? replies.poll() : replies.peek();
        if (reply.hang()) {
            try {
                closing.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.put(name, value);
        }
        return parameters;
    }

    /** Form fields of a recorded {@code application/x-www-form-urlencoded} body. */
    public static Map<String, String> form(String body) {
        return query(body);
    }

    /** The values one header took across requests, in order. */
    public static List<String> headerValues(List<Seen> requests, String header) {
        List<String> values = new ArrayList<>();
        requests.forEach(request -> values.add(request.header(header)));
        return values;
    }
}
