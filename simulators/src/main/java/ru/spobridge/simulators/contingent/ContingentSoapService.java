package ru.spobridge.simulators.contingent;

import jakarta.jws.WebService;
import java.time.Instant;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import java.util.UUID;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import ru.spobridge.simulators.contingent.wsdl.ContingentFault_Exception;
import ru.spobridge.simulators.contingent.wsdl.ContingentPort;
import ru.spobridge.simulators.contingent.wsdl.Feedback;
import ru.spobridge.simulators.contingent.wsdl.FeedbackResponse;
import ru.spobridge.simulators.contingent.wsdl.GetGroups;
import ru.spobridge.simulators.contingent.wsdl.GetGroupsResponse;
import ru.spobridge.simulators.contingent.wsdl.GetStudents;
import ru.spobridge.simulators.contingent.wsdl.GetStudentsResponse;
import ru.spobridge.simulators.contingent.wsdl.Mode;

/** JAX-WS implementation of the Контингент port over {@link ContingentSimulator}. */
@WebService(serviceName = "ContingentService", portName = "ContingentPort",
        targetNamespace = "urn://spo-bridge/contingent/1.0",
        endpointInterface = "ru.spobridge.simulators.contingent.wsdl.ContingentPort",
        wsdlLocation = "classpath:wsdl/contingent.wsdl")
public class ContingentSoapService implements ContingentPort {

    static final int MAX_PAGE_SIZE = 500;

    private final ContingentSimulator simulator;

    public ContingentSoapService(ContingentSimulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public GetStudentsResponse getStudents(GetStudents request, String authorizationKey)
            throws ContingentFault_Exception {
        requireToken(authorizationKey);
        simulator.countGetStudents();
        Instant asOf = simulator.clock().instant();
        if (request.getPageSize() < 1 || request.getPageSize() > MAX_PAGE_SIZE) {
            throw ContingentFaults.fault(ContingentFaults.BATCH_TOO_LARGE,
                    "Размер страницы pageSize должен быть от 1 до " + MAX_PAGE_SIZE);
        }
        if (request.getPage() < 1) {
            throw ContingentFaults.fault(ContingentFaults.MALFORMED, "Номер страницы page начинается с 1");
        }
        if (request.getMode() == null) {
            throw ContingentFaults.fault(ContingentFaults.MALFORMED, "Не указан режим mode");
        }
        Instant since = null;
        if (request.getMode() == Mode.UPDATED) {
            if (request.getChangedSince() == null) {
                throw ContingentFaults.fault(ContingentFaults.MALFORMED, "Для режима UPDATED нужен changedSince");
            }
            since = request.getChangedSince().toGregorianCalendar().toInstant();
        }
        requireOrg(request.getOrgOgrn());
        ContingentSimulator.StudentPage page =
                simulator.page(request.getOrgOgrn(), since, request.getPage(), request.getPageSize());
        GetStudentsResponse response = new GetStudentsResponse();
        response.setStudents(new GetStudentsResponse.Students());
        response.getStudents().getStudent().addAll(page.students());
        response.setMovements(new GetStudentsResponse.Movements());
        response.getMovements().getMovement().addAll(page.movements());
        response.setPage(request.getPage());
        response.setTotalPages(page.totalPages());
        response.setTotalCount(page.totalCount());
        response.setSessionId(UUID.randomUUID().toString());
        response.setAsOf(xmlTime(asOf));
        return response;
    }

    @Override
    public GetGroupsResponse getGroups(GetGroups request, String authorizationKey) throws ContingentFault_Exception {
        requireToken(authorizationKey);
        requireOrg(request.getOrgOgrn());
        GetGroupsResponse response = new GetGroupsResponse();
        response.getGroup().addAll(simulator.groups(request.getOrgOgrn()));
        return response;
    }

    @Override
    public FeedbackResponse feedback(Feedback request, String authorizationKey) throws ContingentFault_Exception {
        requireToken(authorizationKey);
        FeedbackResponse response = new FeedbackResponse();
        response.setAccepted(true);
        return response;
    }

    private void requireToken(String authorizationKey) throws ContingentFault_Exception {
        if (simulator.tokens().clientOf(authorizationKey).isEmpty()) {
            throw ContingentFaults.fault(ContingentFaults.TOKEN_EXPIRED, "Токен истёк");
        }
    }

    private void requireOrg(String ogrn) throws ContingentFault_Exception {
        if (!simulator.knows(ogrn)) {
            throw ContingentFaults.fault(ContingentFaults.UNKNOWN_ORG, "Организация с указанным ОГРН не найдена");
        }
    }

    private static XMLGregorianCalendar xmlTime(Instant instant) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(instant.toEpochMilli());
        return DatatypeFactory.newDefaultInstance().newXMLGregorianCalendar(calendar);
    }
}
