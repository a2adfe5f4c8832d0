package ru.spobridge.simulators.contingent;

import java.util.Map;
import ru.spobridge.simulators.contingent.wsdl.ContingentFault;
import ru.spobridge.simulators.contingent.wsdl.ContingentFault_Exception;

/** SOAP faults of the Контингент simulator and the HTTP status each one travels with. */
public final class ContingentFaults {

    public static final String TOKEN_EXPIRED = "TOKEN_EXPIRED";
    public static final String BATCH_TOO_LARGE = "BATCH_TOO_LARGE";
    public static final String UNKNOWN_ORG = "UNKNOWN_ORG";
    public static final String MALFORMED = "MALFORMED";

    private static final Map<String, Integer> HTTP_STATUS = Map.of(
            TOKEN_EXPIRED, 401,
            BATCH_TOO_LARGE, 413,
            MALFORMED, 400,
            UNKNOWN_ORG, 500);

    private ContingentFaults() {
    }

    public static ContingentFault_Exception fault(String code, String message) {
        ContingentFault detail = new ContingentFault();
        detail.setCode(code);
        detail.setMessage(message);
        return new ContingentFault_Exception(message, detail);
    }

    public static int httpStatus(String code) {
        return HTTP_STATUS.getOrDefault(code, 500);
    }
}
