package ru.spobridge.simulators.s3;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal S3-compatible object store on loopback, path-style ({@code /<bucket>/<key>}), for the archive store's tests
 * and the demo: PUT, GET, HEAD and ListObjectsV2 (with max-keys and continuation tokens); DELETE is refused, as in a
 * bucket with object lock, because archives are never deleted by the hub. A request without an Authorization header is
 * refused (403 AccessDenied); the signature itself is not checked. Its own small HTTP server rather than the hub's
 * web server: S3 clients address buckets at the root of the endpoint.
 */
public final class S3Simulator implements AutoCloseable {

    private final Map<String, NavigableMap<String, byte[]>> buckets = new ConcurrentHashMap<>();
    private final AtomicInteger unauthenticated = new AtomicInteger();
    private final AtomicInteger deletesRefused = new AtomicInteger();
    private final HttpServer server;

    private S3Simulator(HttpServer server) {
        this.server = server;
    }

    /** Starts on a free loopback port with the given buckets. */
    public static S3Simulator start(String... bucketNames) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            S3Simulator simulator = new S3Simulator(server);
            for (String bucket : bucketNames) {
                simulator.buckets.put(bucket, new ConcurrentSkipListMap<>());
            }
            server.createContext("/", simulator::handle);
            server.start();
            return simulator;
        } catch (IOException e) {
            throw new IllegalStateException("S3 simulator did not start: " + e.getMessage(), e);
        }
    }

    /** The endpoint to give an S3 client (path-style). */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** An object as stored, for a test that damages or inspects it. */
    public Optional<byte[]> object(String bucket, String key) {
        return Optional.ofNullable(bucket(bucket)).map(objects -> objects.get(key));
    }

    /** Replaces or removes an object behind the hub's back (a test's damage); null removes. */
    public void tamper(String bucket, String key, byte[] content) {
        if (content == null) {
            bucket(bucket).remove(key);
        } else {
            bucket(bucket).put(key, content.clone());
        }
    }

    public List<String> keys(String bucket) {
        return List.copyOf(bucket(bucket).keySet());
    }

    public int unauthenticatedRequests() {
        return unauthenticated.get();
    }

    public int deletesRefused() {
        return deletesRefused.get();
    }

    private NavigableMap<String, byte[]> bucket(String name) {
        return buckets.get(name);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null || auth.isBlank()) {
                unauthenticated.incrementAndGet();
                error(exchange, 403, "AccessDenied", "Anonymous access is not allowed");
                return;
            }
            String rawPath = exchange.getRequestURI().getRawPath();
            String path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
            String trimmed = path.startsWith("/") ? path.substring(1) : path;
            int slash = trimmed.indexOf('/');
            String bucketName = slash < 0 ? trimmed : trimmed.substring(0, slash);
            String key = slash < 0 ? "" : trimmed.substring(slash + 1);
            NavigableMap<String, byte[]> bucket = bucket(bucketName);
            if (bucket == null) {
                error(exchange, 404, "NoSuchBucket", "The specified bucket does not exist");
                return;
            }
            String method = exchange.getRequestMethod();
            if (key.isEmpty()) {
                if (method.equals("GET")) {
                    list(exchange, bucketName, bucket);
                } else {
                    error(exchange, 405, "MethodNotAllowed", "Only ListObjectsV2 on a bucket");
                }
                return;
            }
            switch (method) {
                case "PUT" -> {
                    bucket.put(key, body(exchange));
                    exchange.getResponseHeaders().add("ETag", "\"" + Integer.toHexString(key.hashCode()) + "\"");
                    exchange.sendResponseHeaders(200, -1);
                }
                case "GET", "HEAD" -> {
                    byte[] content = bucket.get(key);
                    if (content == null) {
                        error(exchange, 404, "NoSuchKey", "The specified key does not exist.");
                        return;
                    }
                    exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
                    if (method.equals("HEAD")) {
                        exchange.getResponseHeaders().add("Content-Length", Integer.toString(content.length));
                        exchange.sendResponseHeaders(200, -1);
                    } else {
                        exchange.sendResponseHeaders(200, content.length == 0 ? -1 : content.length);
                        exchange.getResponseBody().write(content);
                    }
                }
                case "DELETE" -> {
                    deletesRefused.incrementAndGet();
                    error(exchange, 403, "AccessDenied", "Objects in this bucket are retained and cannot be deleted");
                }
                default -> error(exchange, 405, "MethodNotAllowed", "Method not allowed");
            }
        }
    }

    private static byte[] body(HttpExchange exchange) throws IOException {
        byte[] raw;
        try (InputStream in = exchange.getRequestBody()) {
            raw = in.readAllBytes();
        }
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        String sha = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
        boolean chunked = (encoding != null && encoding.contains("aws-chunked")) || (sha != null && sha.startsWith("STREAMING-"));
        return chunked ? unchunk(raw) : raw;
    }

    /** The payload of an aws-chunked body: {@code <hex size>[;chunk-signature=…]\r\n<data>\r\n}… up to the 0-size chunk. */
    static byte[] unchunk(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < raw.length) {
            int lineEnd = indexOfCrlf(raw, at);
            String header = new String(raw, at, lineEnd - at, StandardCharsets.US_ASCII);
            int size = Integer.parseInt(header.split(";", 2)[0].strip(), 16);
            at = lineEnd + 2;
            if (size == 0) {
                break;
            }
            out.write(raw, at, size);
            at += size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrlf(byte[] raw, int from) {
        for (int i = from; i + 1 < raw.length; i++) {
            if (raw[i] == '\r' && raw[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalArgumentException("aws-chunked body without CRLF");
    }

    private static void list(HttpExchange exchange, String bucketName, NavigableMap<String, byte[]> bucket) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String prefix = query.getOrDefault("prefix", "");
        int maxKeys = Integer.parseInt(query.getOrDefault("max-keys", "1000"));
        String after = query.get("continuation-token");
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>").append(escape(bucketName))
                .append("</Name><Prefix>").append(escape(prefix)).append("</Prefix>");
        int count = 0;
        String last = null;
        boolean truncated = false;
        NavigableMap<String, byte[]> from = after == null ? bucket : bucket.tailMap(after, false);
        for (Map.Entry<String, byte[]> object : from.entrySet()) {
            if (!object.getKey().startsWith(prefix)) {
                continue;
            }
            if (count == maxKeys) {
                truncated = true;
                break;
            }
            xml.append("<Contents><Key>").append(escape(object.getKey())).append("</Key><Size>").append(object.getValue().length)
                    .append("</Size><StorageClass>STANDARD</StorageClass></Contents>");
            last = object.getKey();
            count++;
        }
        xml.append("<KeyCount>").append(count).append("</KeyCount><MaxKeys>").append(maxKeys).append("</MaxKeys><IsTruncated>")
                .append(truncated).append("</IsTruncated>");
        if (truncated) {
            xml.append("<NextContinuationToken>").append(escape(last)).append("</NextContinuationToken>");
        }
        xml.append("</ListBucketResult>");
        byte[] body = xml.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null) {
            return query;
        }
        for (String pair : raw.split("&")) {
            String[] parts = pair.split("=", 2);
            query.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), parts.length < 2 ? "" : URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return query;
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + escape(message)
                + "</Message></Error>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
