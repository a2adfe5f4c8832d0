package ru.spobridge.simulators.faults;

import java.nio.charset.StandardCharsets;
import ru.spobridge.simulators.web.JsonBodies;

/** How injected answers look for a simulator's wire format. */
public enum FaultFlavour {

    SOAP("text/plain;charset=UTF-8", "text/xml;charset=UTF-8",
            "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><broken"),
    REST("application/json", "application/json", "{\"batchId\":"),
    ODATA("application/json;charset=UTF-8", "application/json;charset=UTF-8", "{\"odata.metadata\":"),
    /** A served file (the aSc export): JSON failures, a truncated XML document when malformed. */
    XML_FILE("application/json", "application/xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<timetable ascttversion=\"2021.6.2\"><periods");

    /** What 1С's web server asks for: HTTP Basic. */
    public static final String ZUP_CHALLENGE = "Basic realm=\"1C:Enterprise\"";

    private final String failureContentType;
    private final String malformedContentType;
    private final String malformedBody;

    FaultFlavour(String failureContentType, String malformedContentType, String malformedBody) {
        this.failureContentType = failureContentType;
        this.malformedContentType = malformedContentType;
        this.malformedBody = malformedBody;
    }

    public String failureContentType() {
        return failureContentType;
    }

    public byte[] failureBody(int status) {
        String message = JsonBodies.failure(status).path("message").asText();
        return switch (this) {
            case SOAP -> message.getBytes(StandardCharsets.UTF_8);
            case ODATA -> JsonBodies.bytes(JsonBodies.odataError(message));
            case REST, XML_FILE -> JsonBodies.bytes(JsonBodies.failure(status));
        };
    }

    /** {@code WWW-Authenticate} of an injected 401: a token for SOAP and REST, HTTP Basic for 1С OData. */
    public String challenge() {
        return this == ODATA ? ZUP_CHALLENGE : "Bearer error=\"invalid_token\"";
    }

    public String malformedContentType() {
        return malformedContentType;
    }

    public byte[] malformedBody() {
        return malformedBody.getBytes(StandardCharsets.UTF_8);
    }
}
