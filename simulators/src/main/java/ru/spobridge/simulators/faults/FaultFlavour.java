package ru.spobridge.simulators.faults;

import java.nio.charset.StandardCharsets;
import ru.spobridge.simulators.web.JsonBodies;

/** How injected answers look for a simulator's wire format. */
public enum FaultFlavour {

    SOAP("text/plain;charset=UTF-8", "text/xml;charset=UTF-8",
            "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><broken"),
    REST("application/json", "application/json", "{\"batchId\":");

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
        if (this == SOAP) {
            return JsonBodies.failure(status).path("message").asText().getBytes(StandardCharsets.UTF_8);
        }
        return JsonBodies.bytes(JsonBodies.failure(status));
    }

    public String malformedContentType() {
        return malformedContentType;
    }

    public byte[] malformedBody() {
        return malformedBody.getBytes(StandardCharsets.UTF_8);
    }
}
