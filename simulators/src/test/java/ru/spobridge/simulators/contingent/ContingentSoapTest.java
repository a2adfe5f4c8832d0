package ru.spobridge.simulators.contingent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.xml.ws.BindingProvider;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.xml.datatype.XMLGregorianCalendar;
import org.apache.cxf.BusFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.spobridge.simulators.SimulatorWebTest;
import ru.spobridge.simulators.contingent.wsdl.ContingentFault_Exception;
import ru.spobridge.simulators.contingent.wsdl.ContingentPort;
import ru.spobridge.simulators.contingent.wsdl.ContingentService;
import ru.spobridge.simulators.contingent.wsdl.GetGroups;
import ru.spobridge.simulators.contingent.wsdl.GetStudents;
import ru.spobridge.simulators.contingent.wsdl.GetStudentsResponse;
import ru.spobridge.simulators.contingent.wsdl.Group;
import ru.spobridge.simulators.contingent.wsdl.Mode;
import ru.spobridge.simulators.contingent.wsdl.Movement;
import ru.spobridge.simulators.contingent.wsdl.Student;

class ContingentSoapTest extends SimulatorWebTest {

    private static final String OGRN = "1025900000015";

    @Autowired
    private ContingentSoapEndpoint endpoint;

    @Test
    void wsdl_is_served_at_contingent_sim_ws_with_the_served_address() {
        HttpResponse<String> response = get("/contingent-sim/ws?wsdl");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("ContingentService")
                .contains("location=\"" + url("/contingent-sim/ws") + "\"");
    }

    @Test
    void token_with_a_wrong_secret_gets_401_invalid_client_while_mvc_and_cxf_share_the_port() {
        HttpResponse<String> response = postForm("/contingent-sim/integration/v1/token",
                Map.of("grant_type", "client_credentials", "client_id", "hub", "client_secret", "wrong"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("code").asText()).isEqualTo("INVALID_CLIENT");
        assertThat(json(response).get("message").asText()).isEqualTo("Неверные учётные данные клиента");
    }

    @Test
    void token_answer_carries_access_token_bearer_and_ttl() {
        HttpResponse<String> response = postForm("/contingent-sim/integration/v1/token",
                Map.of("grant_type", "client_credentials", "client_id", "hub", "client_secret", "hub-secret"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("access_token").asText()).isNotBlank();
        assertThat(json(response).get("token_type").asText()).isEqualTo("Bearer");
        assertThat(json(response).get("expires_in").asLong()).isEqualTo(3600);
    }

    @Test
    void students_are_paged_in_insertion_order_with_movements_on_the_first_page_only() throws Exception {
        for (int i = 1; i <= 5; i++) {
            contingent.putStudent(OGRN, student("stu-00000" + i));
        }
        contingent.putStudent(OGRN, student("stu-000002"));
        contingent.addMovement(OGRN, movement("mv-1", "stu-000003"));
        ContingentPort port = port();
        String token = contingentToken();

        GetStudentsResponse first = port.getStudents(request(Mode.ALL, null, 1, 2), token);
        GetStudentsResponse third = port.getStudents(request(Mode.ALL, null, 3, 2), token);

        assertThat(ids(first)).containsExactly("stu-000001", "stu-000002");
        assertThat(first.getMovements().getMovement()).extracting(Movement::getExternalId).containsExactly("mv-1");
        assertThat(first.getTotalPages()).isEqualTo(3);
        assertThat(first.getTotalCount()).isEqualTo(5);
        assertThat(first.getSessionId()).hasSize(36);
        assertThat(ids(third)).containsExactly("stu-000005");
        assertThat(third.getMovements().getMovement()).isEmpty();
        assertThat(contingent.getStudentsCalls()).isEqualTo(2);
    }

    @Test
    void updated_mode_returns_only_students_and_movements_changed_after_changed_since() throws Exception {
        contingent.putStudent(OGRN, student("stu-000001"));
        contingent.putStudent(OGRN, student("stu-000002"));
        contingent.addMovement(OGRN, movement("mv-old", "stu-000001"));
        ContingentPort port = port();
        String token = contingentToken();
        XMLGregorianCalendar asOf = port.getStudents(request(Mode.ALL, null, 1, 500), token).getAsOf();
        clock.advance(Duration.ofMinutes(5));
        contingent.putStudent(OGRN, student("stu-000002"));
        contingent.addMovement(OGRN, movement("mv-new", "stu-000002"));

        GetStudentsResponse updated = port.getStudents(request(Mode.UPDATED, asOf, 1, 500), token);

        assertThat(ids(updated)).containsExactly("stu-000002");
        assertThat(updated.getMovements().getMovement()).extracting(Movement::getExternalId).containsExactly("mv-new");
        assertThat(updated.getTotalPages()).isEqualTo(1);
        assertThat(updated.getAsOf().toGregorianCalendar().toInstant()).isAfter(asOf.toGregorianCalendar().toInstant());
    }

    @Test
    void groups_and_duplicate_student_ids_are_served_as_put() throws Exception {
        Group group = new Group();
        group.setCode("ТМ-21");
        contingent.putGroup(OGRN, group);
        contingent.putStudent(OGRN, student("stu-000001"));
        contingent.appendStudent(OGRN, student("stu-000001"));
        GetGroups getGroups = new GetGroups();
        getGroups.setOrgOgrn(OGRN);

        List<Group> groups = port().getGroups(getGroups, contingentToken()).getGroup();

        assertThat(groups).extracting(Group::getCode).containsExactly("ТМ-21");
        assertThat(ids(port().getStudents(request(Mode.ALL, null, 1, 10), contingentToken())))
                .containsExactly("stu-000001", "stu-000001");
    }

    @Test
    void expired_token_gets_401_with_token_expired_code() {
        contingent.putStudent(OGRN, student("stu-000001"));
        String token = contingentToken();
        contingent.expireTokens();

        HttpResponse<String> response = soap("GetStudents", token, getStudentsBody(500));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("<code>TOKEN_EXPIRED</code>").contains("Токен истёк")
                .containsPattern("faultcode>(\\w+:)?Client</");
    }

    @Test
    void token_running_out_of_its_ttl_is_rejected_by_the_proxy_client() {
        contingent.putStudent(OGRN, student("stu-000001"));
        String token = contingentToken();
        clock.advance(Duration.ofSeconds(3601));

        assertThatThrownBy(() -> port().getStudents(request(Mode.ALL, null, 1, 10), token))
                .hasStackTraceContaining("401");
    }

    @Test
    void proxy_told_not_to_raise_io_errors_reads_the_401_fault_as_token_expired() {
        contingent.putStudent(OGRN, student("stu-000001"));
        ContingentPort port = port();
        ((BindingProvider) port).getRequestContext().put("org.apache.cxf.transport.no_io_exceptions", true);

        assertThatThrownBy(() -> port.getStudents(request(Mode.ALL, null, 1, 10), "unknown-key"))
                .isInstanceOfSatisfying(ContingentFault_Exception.class,
                        e -> assertThat(e.getFaultInfo().getCode()).isEqualTo("TOKEN_EXPIRED"));
    }

    @Test
    void page_size_over_500_gets_413_batch_too_large_fault() {
        contingent.putStudent(OGRN, student("stu-000001"));

        HttpResponse<String> response = soap("GetStudents", contingentToken(), getStudentsBody(501));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("<code>BATCH_TOO_LARGE</code>");
    }

    @Test
    void unknown_org_gets_unknown_org_fault_as_declared_fault() {
        assertThatThrownBy(() -> port().getStudents(request(Mode.ALL, null, 1, 10), contingentToken()))
                .isInstanceOfSatisfying(ContingentFault_Exception.class,
                        e -> assertThat(e.getFaultInfo().getCode()).isEqualTo("UNKNOWN_ORG"));
    }

    @Test
    void simulator_bus_never_becomes_the_default_bus_of_the_hub() {
        assertThat(BusFactory.getDefaultBus(false)).isNotSameAs(endpoint.bus());
    }

    @Test
    void demo_college_is_seeded_again_by_the_control_reset() throws Exception {
        HttpResponse<String> reset = postJson("/contingent-sim/_control/reset", "");

        GetStudents request = request(Mode.ALL, null, 1, 500);
        request.setOrgOgrn("1025900000099");
        GetStudentsResponse response = port().getStudents(request, contingentToken());

        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(response.getTotalCount()).isEqualTo(50);
        assertThat(contingent.groups("1025900000099")).hasSize(5);
    }

    @Test
    void every_configured_demo_college_is_seeded_with_its_movements_on_the_first_page() throws Exception {
        postJson("/contingent-sim/_control/reset", "");
        GetStudents first = request(Mode.ALL, null, 1, 10);
        first.setOrgOgrn("1025900000099");
        GetStudents second = request(Mode.ALL, null, 1, 500);
        second.setOrgOgrn("1027400000011");
        GetStudents secondPageTwo = request(Mode.ALL, null, 2, 10);
        secondPageTwo.setOrgOgrn("1027400000011");
        String token = contingentToken();

        GetStudentsResponse perm = port().getStudents(first, token);
        GetStudentsResponse other = port().getStudents(second, token);

        assertThat(perm.getMovements().getMovement()).hasSize(12)
                .allSatisfy(m -> assertThat(m.getExternalId()).startsWith("mov-1025900000099-"));
        assertThat(other.getTotalCount()).isEqualTo(30);
        assertThat(other.getMovements().getMovement()).isNotEmpty()
                .allSatisfy(m -> assertThat(m.getExternalId()).startsWith("mov-1027400000011-"));
        assertThat(port().getStudents(secondPageTwo, token).getMovements().getMovement()).isEmpty();
    }

    HttpResponse<String> soap(String operation, String token, String body) {
        String envelope = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:cnt=\"urn://spo-bridge/contingent/1.0\"><soap:Header><cnt:AuthorizationKey>" + token
                + "</cnt:AuthorizationKey></soap:Header><soap:Body>" + body + "</soap:Body></soap:Envelope>";
        return send(HttpRequest.newBuilder(URI.create(url("/contingent-sim/ws")))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"urn://spo-bridge/contingent/1.0/" + operation + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)));
    }

    static String getStudentsBody(int pageSize) {
        return "<cnt:GetStudents><cnt:orgOgrn>" + OGRN + "</cnt:orgOgrn><cnt:mode>ALL</cnt:mode>"
                + "<cnt:page>1</cnt:page><cnt:pageSize>" + pageSize + "</cnt:pageSize></cnt:GetStudents>";
    }

    ContingentPort port() {
        ContingentPort port = new ContingentService().getContingentPort();
        ((BindingProvider) port).getRequestContext()
                .put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, url("/contingent-sim/ws"));
        return port;
    }

    static GetStudents request(Mode mode, XMLGregorianCalendar since, int page, int pageSize) {
        GetStudents request = new GetStudents();
        request.setOrgOgrn(OGRN);
        request.setMode(mode);
        request.setChangedSince(since);
        request.setPage(page);
        request.setPageSize(pageSize);
        return request;
    }

    static Student student(String externalId) {
        Student student = new Student();
        student.setExternalId(externalId);
        student.setLastName("Тестова");
        student.setFirstName("Анна");
        return student;
    }

    static Movement movement(String externalId, String studentExternalId) {
        Movement movement = new Movement();
        movement.setExternalId(externalId);
        movement.setStudentExternalId(studentExternalId);
        movement.setKind("transfer");
        return movement;
    }

    static List<String> ids(GetStudentsResponse response) {
        return response.getStudents().getStudent().stream().map(Student::getExternalId).toList();
    }
}
