package ru.spobridge.simulators.asc;

import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import ru.spobridge.simulators.web.JsonBodies;

/** {@code GET /asc-sim/exports/{collegeId}/latest.xml}: the file, {@code ETag}, {@code 304} on a matching tag. */
final class AscEndpoints {

    static final String EXPORTS = AscSimulator.BASE + "/exports/";

    private final AscSimulator simulator;

    AscEndpoints(AscSimulator simulator) {
        this.simulator = simulator;
    }

    RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route().GET(EXPORTS + "{collegeId}/latest.xml", this::latest).build();
    }

    private ServerResponse latest(ServerRequest request) {
        Optional<AscSimulator.Export> export = simulator.latest(request.pathVariable("collegeId"));
        if (export.isEmpty()) {
            return JsonBodies.json(404, JsonBodies.error(404, "NOT_FOUND", "Выгрузка расписания ещё не опубликована"));
        }
        String tag = "\"" + export.get().sha256() + "\"";
        if (matches(request.headers().firstHeader(HttpHeaders.IF_NONE_MATCH), export.get().sha256())) {
            simulator.countNotModified();
            return ServerResponse.status(304).header(HttpHeaders.ETAG, tag).build();
        }
        simulator.countDownload();
        return ServerResponse.ok().contentType(MediaType.APPLICATION_XML).header(HttpHeaders.ETAG, tag)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache").body(export.get().xml());
    }

    /** Whether {@code If-None-Match} names the tag: quoted or bare, weak or strong, in a list, or {@code *}. */
    static boolean matches(String ifNoneMatch, String sha256) {
        if (ifNoneMatch == null) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .map(tag -> tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")
                        ? tag.substring(1, tag.length() - 1) : tag)
                .anyMatch(tag -> tag.equals("*") || tag.equalsIgnoreCase(sha256));
    }
}
