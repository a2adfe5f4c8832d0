package ru.spobridge.simulators.zup;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import ru.spobridge.simulators.faults.FaultFlavour;
import ru.spobridge.simulators.web.JsonBodies;

/**
 * {@code GET /zup-sim/{ogrn}/odata/standard.odata/{EntitySet}} and {@code …/{EntitySet}(guid'…')}: HTTP Basic,
 * JSON only, answers {@code {"odata.metadata":"…","value":[…]}} and errors {@code {"odata.error":…}}.
 */
public final class ZupODataEndpoints {

    static final String ROOT = "/odata/standard.odata/";
    private static final Pattern BY_KEY = Pattern.compile("^([^(]+)\\(guid'([0-9a-fA-F-]{36})'\\)$");
    private static final MediaType JSON = new MediaType("application", "json", StandardCharsets.UTF_8);

    private final ZupSimulator simulator;

    public ZupODataEndpoints(ZupSimulator simulator) {
        this.simulator = simulator;
    }

    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route().GET(ZupSimulator.BASE + "/{ogrn}" + ROOT + "{entitySet}", this::read).build();
    }

    private ServerResponse read(ServerRequest request) {
        simulator.countRequest();
        if (!authorised(request.headers().firstHeader(HttpHeaders.AUTHORIZATION))) {
            return ServerResponse.status(401).header(HttpHeaders.WWW_AUTHENTICATE, FaultFlavour.ZUP_CHALLENGE)
                    .contentType(JSON).body(JsonBodies.bytes(JsonBodies.odataError(
                            "Не удалось войти: неверное имя пользователя или пароль")));
        }
        String ogrn = request.pathVariable("ogrn");
        String segment = request.pathVariable("entitySet");
        Matcher byKey = BY_KEY.matcher(segment);
        String entitySet = byKey.matches() ? byKey.group(1) : segment;
        if (!ZupPublication.ENTITY_SETS.contains(entitySet)) {
            return error(404, "Объект " + entitySet + " не опубликован в OData");
        }
        ODataQuery query;
        try {
            query = ODataQuery.parse(request.params(), ZupPublication.DOCUMENTS.contains(entitySet));
        } catch (ODataQuery.Refused e) {
            return error(400, e.getMessage());
        }
        String metadata = root(request.uri(), ogrn) + "$metadata#" + entitySet;
        if (byKey.matches()) {
            return one(ogrn, entitySet, byKey.group(2).toLowerCase(), query, metadata);
        }
        Optional<List<Map<String, Object>>> rows = simulator.rows(ogrn, entitySet);
        if (rows.isEmpty()) {
            return noPublication();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("odata.metadata", metadata);
        body.put("value", query.apply(rows.get()));
        return ServerResponse.ok().contentType(JSON).body(JsonBodies.bytes(body));
    }

    private ServerResponse one(String ogrn, String entitySet, String refKey, ODataQuery query, String metadata) {
        if (!simulator.publications().contains(ogrn)) {
            return noPublication();
        }
        Optional<Map<String, Object>> row = simulator.row(ogrn, entitySet, refKey);
        if (row.isEmpty()) {
            return error(404, "Объект с таким ключом не найден");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("odata.metadata", metadata + "/@Element");
        body.putAll(query.project(row.get()));
        return ServerResponse.ok().contentType(JSON).body(JsonBodies.bytes(body));
    }

    private boolean authorised(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String pair;
        try {
            pair = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = pair.indexOf(':');
        return colon > 0 && simulator.authorised(pair.substring(0, colon), pair.substring(colon + 1));
    }

    private static String root(URI uri, String ogrn) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + ZupSimulator.BASE + "/" + ogrn + ROOT;
    }

    private static ServerResponse noPublication() {
        return error(404, "Публикация информационной базы не найдена");
    }

    private static ServerResponse error(int status, String message) {
        return ServerResponse.status(status).contentType(JSON).body(JsonBodies.bytes(JsonBodies.odataError(message)));
    }
}
