package ru.spobridge.simulators.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerResponse;

/** JSON error bodies of the common write contract; messages in Russian, never a personal value. */
public final class JsonBodies {

    /** Private mapper: a bean of this type would replace the hub's own ObjectMapper. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonBodies() {
    }

    public static ObjectNode error(int status, String code, String message) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("status", status);
        body.put("code", code);
        if (message != null) {
            body.put("message", message);
        }
        return body;
    }

    /** Body of an injected or throttling failure with the given HTTP status. */
    public static ObjectNode failure(int status) {
        return switch (status) {
            case 401 -> error(401, "TOKEN_EXPIRED", "Токен истёк");
            case 429 -> error(429, "RATE_LIMITED", "Слишком много запросов, повторите позже");
            case 503 -> error(503, "UNAVAILABLE", "Сервис временно недоступен");
            case 500 -> error(500, "INTERNAL", "Внутренняя ошибка сервиса");
            default -> error(status, "INJECTED_FAULT", "Сбой, внесённый симулятором");
        };
    }

    /** Error body of 1С OData: {@code {"odata.error":{"code":"","message":{"lang":"ru","value":"…"}}}}. */
    public static ObjectNode odataError(String message) {
        ObjectNode body = MAPPER.createObjectNode();
        ObjectNode error = body.putObject("odata.error");
        error.put("code", "");
        error.putObject("message").put("lang", "ru").put("value", message);
        return body;
    }

    public static byte[] bytes(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ServerResponse json(int status, Object body) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).body(bytes(body));
    }

    /** 401 for a missing, unknown or expired token, as every simulator answers it. */
    public static ServerResponse tokenExpired() {
        return ServerResponse.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .contentType(MediaType.APPLICATION_JSON)
                .body(bytes(failure(401)));
    }
}
