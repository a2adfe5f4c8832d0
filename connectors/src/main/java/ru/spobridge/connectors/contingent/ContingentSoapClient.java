package ru.spobridge.connectors.contingent;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.function.Consumer;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.cxf.common.message.CxfConstants;
import ru.spobridge.connectors.common.CallRetry;
import ru.spobridge.connectors.common.ClientCredentialsToken;
import ru.spobridge.connectors.common.Probe;
import ru.spobridge.connectors.common.TransientTargetException;
import ru.spobridge.connectors.contingent.wsdl.ContingentFault_Exception;
import ru.spobridge.connectors.contingent.wsdl.GetGroups;
import ru.spobridge.connectors.contingent.wsdl.GetGroupsResponse;
import ru.spobridge.connectors.contingent.wsdl.GetStudents;
import ru.spobridge.connectors.contingent.wsdl.GetStudentsResponse;
import ru.spobridge.connectors.contingent.wsdl.Mode;
import ru.spobridge.mappings.contingent.ContingentGroupRecord;
import ru.spobridge.mappings.contingent.ContingentMovementRecord;
import ru.spobridge.mappings.contingent.ContingentStudentRecord;

/**
 * ИС «Контингент» exchange over SOAP through Camel CXF (POJO mode, shared/contracts/contingent.md):
 * {@code AuthorizationKey} header from the token endpoint, re-authentication once on TOKEN_EXPIRED,
 * {@code GetStudents} paged through, all or changed since a cursor.
 */
public class ContingentSoapClient {

    private final ProducerTemplate camel;
    private final ContingentSettings settings;
    private final ClientCredentialsToken token;
    private final String endpointUri;
    private final CallRetry pageRetry;

    public ContingentSoapClient(ProducerTemplate camel, ContingentSettings settings, HttpClient http, Clock clock) {
        this(camel, settings, http, clock, CallRetry.ONCE);
    }

    /** @param pageRetry how one failed page is asked for again, so that a passing fault does not restart a long read */
    public ContingentSoapClient(ProducerTemplate camel, ContingentSettings settings, HttpClient http, Clock clock, CallRetry pageRetry) {
        this.camel = camel;
        this.pageRetry = pageRetry;
        this.settings = settings;
        this.token = new ClientCredentialsToken(settings.tokenUrl(), settings.clientId(), settings.clientSecret(),
                ClientCredentialsToken.STANDARD_FIELD, http, settings.timeout(), clock);
        this.endpointUri = "cxf://" + settings.address()
                + "?serviceClass=ru.spobridge.connectors.contingent.wsdl.ContingentPort"
                + "&wsdlURL=classpath:wsdl/contingent.wsdl"
                + "&serviceName={urn://spo-bridge/contingent/1.0}ContingentService"
                + "&endpointName={urn://spo-bridge/contingent/1.0}ContingentPort"
                + "&dataFormat=POJO";
    }

    public List<ContingentGroupRecord> fetchGroups(String ogrn) {
        GetGroups request = new GetGroups();
        request.setOrgOgrn(ogrn);
        GetGroupsResponse response = pageRetry.call(() -> call("GetGroups", request, GetGroupsResponse.class));
        return response.getGroup().stream().map(ContingentWireMapping::group).toList();
    }

    /**
     * Reads every page and keeps them all. {@code changedSince} null reads the whole contingent (mode ALL), otherwise
     * the changes since. For callers that need the whole list at once (a preview); a run takes the pages as they come
     * ({@link #readStudents(String, Instant, Consumer)}).
     */
    public ContingentRead readStudents(String ogrn, Instant changedSince) {
        List<ContingentStudentRecord> students = new ArrayList<>();
        try {
            return readStudents(ogrn, changedSince, students::addAll).withStudents(students);
        } catch (ContingentReadException e) {
            if (e.partial() == null) {
                throw e;
            }
            throw new ContingentReadException(e.code(), e.isTransient(), e.getMessage(), e.getCause(), e.partial().withStudents(students));
        }
    }

    /**
     * Reads every page and hands each page's students to {@code pages} before asking for the next, so that they are
     * stored while the read goes on. Movement orders are kept and returned with the read: they are applied only
     * after its last page. The returned read holds no students; for a full read it lists their ids.
     *
     * @throws ContingentReadException after the first page, with the read so far as {@link ContingentReadException#partial()}
     */
    public ContingentRead readStudents(String ogrn, Instant changedSince, Consumer<List<ContingentStudentRecord>> pages) {
        List<ContingentMovementRecord> movements = new ArrayList<>();
        boolean full = changedSince == null;
        // ids only, for the hold's «gone from the registry» check of a full read
        List<String> present = full ? new ArrayList<>() : null;
        Instant asOf = null;
        int totalPages = 1;
        int totalCount = 0;
        int read = 0;
        for (int page = 1; page <= totalPages; page++) {
            GetStudents request = new GetStudents();
            request.setOrgOgrn(ogrn);
            request.setMode(full ? Mode.ALL : Mode.UPDATED);
            request.setChangedSince(full ? null : calendar(changedSince));
            request.setPage(page);
            request.setPageSize(settings.pageSize());
            GetStudentsResponse response;
            try {
                response = pageRetry.call(() -> call("GetStudents", request, GetStudentsResponse.class));
            } catch (ContingentReadException e) {
                if (page == 1) {
                    throw e;
                }
                // the pages already read are handed over so that the run can be held, not lost
                throw new ContingentReadException(e.code(), e.isTransient(), e.getMessage() + " (страница " + page + " из " + totalPages + ")",
                        e, new ContingentRead(List.of(), movements, asOf, page - 1, totalCount, full, false, read, present));
            }
            if (response.getStudents() == null || response.getAsOf() == null) {
                throw new ContingentReadException("MALFORMED", true, "Ответ ИС «Контингент» не соответствует контракту: нет списка или отметки времени", null);
            }
            if (page == 1) {
                totalPages = Math.max(1, response.getTotalPages());
                totalCount = response.getTotalCount();
                // the cursor is the time of the first page: changes made while paging are read again next time
                asOf = response.getAsOf().toGregorianCalendar().toInstant();
            }
            List<ContingentStudentRecord> students = response.getStudents().getStudent().stream().map(ContingentWireMapping::student).toList();
            if (response.getMovements() != null) {
                response.getMovements().getMovement().forEach(movement -> movements.add(ContingentWireMapping.movement(movement)));
            }
            read += students.size();
            if (present != null) {
                students.forEach(student -> present.add(student.externalId() == null ? "" : student.externalId().strip()));
            }
            pages.accept(students);
        }
        return new ContingentRead(List.of(), movements, asOf, totalPages, totalCount, full, true, read, present);
    }

    /**
     * A connection check that writes nothing: gets the key, then {@code GetStudents} (all, page 1 of size 1).
     * Total is the registry's {@code totalCount}, server time its {@code asOf}.
     *
     * @throws ContingentReadException whose code tells a refused secret (AUTH_FAILED) from an unreachable token server
     */
    public Probe probe(String ogrn) {
        long started = System.nanoTime();
        GetStudents request = new GetStudents();
        request.setOrgOgrn(ogrn);
        request.setMode(Mode.ALL);
        request.setPage(1);
        request.setPageSize(1);
        GetStudentsResponse response = call("GetStudents", request, GetStudentsResponse.class);
        int read = response.getStudents() == null ? 0 : response.getStudents().getStudent().size();
        Instant asOf = response.getAsOf() == null ? null : response.getAsOf().toGregorianCalendar().toInstant();
        return new Probe(200, read, (long) response.getTotalCount(), asOf,
                Duration.ofNanos(System.nanoTime() - started));
    }

    private <T> T call(String operation, Object request, Class<T> responseType) {
        try {
            return invoke(operation, request, responseType);
        } catch (ContingentReadException e) {
            if (!"TOKEN_EXPIRED".equals(e.code())) {
                throw e;
            }
            token.invalidate();
            return invoke(operation, request, responseType);
        }
    }

    private <T> T invoke(String operation, Object request, Class<T> responseType) {
        String key;
        try {
            key = token.get();
        } catch (TransientTargetException e) {
            throw new ContingentReadException(e.code(), true, e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ContingentReadException("AUTH_FAILED", false, e.getMessage(), e);
        }
        Exchange exchange = camel.request(endpointUri, ex -> {
            ex.getIn().setHeader(CxfConstants.OPERATION_NAME, operation);
            ex.getIn().setHeader(CxfConstants.OPERATION_NAMESPACE, "urn://spo-bridge/contingent/1.0");
            ex.getIn().setBody(new Object[] {request, key});
        });
        Exception failure = exchange.getException();
        if (failure != null) {
            throw translate(failure);
        }
        List<?> body = exchange.getMessage().getBody(List.class);
        if (body == null || body.isEmpty() || !responseType.isInstance(body.get(0))) {
            throw new ContingentReadException("MALFORMED", true, "Пустой или неожиданный ответ ИС «Контингент» на " + operation, null);
        }
        return responseType.cast(body.get(0));
    }

    private static ContingentReadException translate(Exception failure) {
        Throwable cause = failure;
        while (cause != null) {
            if (cause instanceof ContingentFault_Exception fault) {
                String code = fault.getFaultInfo() == null ? "FAULT" : fault.getFaultInfo().getCode();
                boolean retry = "TOKEN_EXPIRED".equals(code) || "RATE_LIMITED".equals(code);
                return new ContingentReadException(code, retry, "ИС «Контингент» вернула ошибку " + code, failure);
            }
            if (cause instanceof org.apache.cxf.transport.http.HTTPException http) {
                int status = http.getResponseCode();
                if (status == 401) {
                    return new ContingentReadException("TOKEN_EXPIRED", true, "ИС «Контингент» не приняла ключ авторизации", failure);
                }
                return new ContingentReadException("HTTP_" + status, status >= 500 || status == 429,
                        "ИС «Контингент» ответила HTTP " + status, failure);
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        // broken XML, closed connection, timeout: the read as a whole may succeed on the next attempt
        return new ContingentReadException("UNREADABLE", true,
                "Ответ ИС «Контингент» не получен или не разобран: " + failure.getClass().getSimpleName(), failure);
    }

    private static XMLGregorianCalendar calendar(Instant instant) {
        GregorianCalendar calendar = GregorianCalendar.from(OffsetDateTime.ofInstant(instant, ZoneOffset.UTC).toZonedDateTime());
        return DatatypeFactory.newDefaultInstance().newXMLGregorianCalendar(calendar);
    }
}
