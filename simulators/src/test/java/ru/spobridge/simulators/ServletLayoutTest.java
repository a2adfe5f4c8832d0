package ru.spobridge.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The simulators' CXF servlet, the hub's CXF servlet ({@code cxf.path}) and Spring MVC share one port. */
class ServletLayoutTest extends SimulatorWebTest {

    @Test
    void hub_cxf_servlet_at_services_still_answers_and_does_not_publish_the_simulator() {
        HttpResponse<String> services = get("/services/");

        assertThat(services.statusCode()).isEqualTo(200);
        assertThat(services.body()).doesNotContain("ContingentService");
    }

    @Test
    void mvc_endpoints_of_every_simulator_answer_next_to_the_soap_servlet() {
        assertThat(get("/contingent-sim/_control/stats").statusCode()).isEqualTo(200);
        assertThat(get("/epos-sim/_control/stats").statusCode()).isEqualTo(200);
        assertThat(get("/sgo-sim/_control/stats").statusCode()).isEqualTo(200);
        assertThat(json(get("/aisepo-sim/_control/stats")).has("replayedRequests")).isTrue();
        assertThat(json(get("/asc-sim/_control/stats")).has("published")).isTrue();
        assertThat(json(get("/journal-sim/_control/stats")).has("changeRequests")).isTrue();
        assertThat(get("/contingent-sim/ws?wsdl").statusCode()).isEqualTo(200);
        assertThat(json(get("/contingent-sim/_control/stats")).has("getStudentsCalls")).isTrue();
    }
}
