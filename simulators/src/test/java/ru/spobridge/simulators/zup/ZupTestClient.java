package ru.spobridge.simulators.zup;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;
import ru.spobridge.simulators.SimulatorWebTest;

/** Reads the ЗУП simulator over loopback HTTP as a 1С OData client: HTTP Basic, entity sets by their names. */
abstract class ZupTestClient extends SimulatorWebTest {

    protected static final String ORG = "1025900000015";
    protected static final String USER = "hr";
    protected static final String PASSWORD = "hr-secret";

    /** GET of {@code entitySet} (with an optional {@code (guid'…')} key) and a raw, unencoded query. */
    protected HttpResponse<String> odata(String ogrn, String entitySet, String query, String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(ogrn, entitySet, query)).GET();
        if (user != null) {
            String pair = user + ":" + password;
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return send(request);
    }

    protected HttpResponse<String> odata(String entitySet, String query) {
        return odata(ORG, entitySet, query, USER, PASSWORD);
    }

    /** The {@code value} array of an answer. */
    protected static List<JsonNode> values(HttpResponse<String> response) {
        return StreamSupport.stream(json(response).get("value").spliterator(), false).toList();
    }

    /** A person with e-mail and phone, as the tests of one organisation need them. */
    protected String person(String lastName) {
        return zup.addPerson(ORG, lastName, "Анна", "Борисовна",
                lastName.toLowerCase() + "@demo.spo-college.example", "+79000000201");
    }

    /** A teacher hired by order К-{@code no} at 10:00 of {@code ordered}, effective the next day. */
    protected String hiredTeacher(String lastName, String no, LocalDate ordered) {
        zup.addPosition(ORG, "ПРП", "Преподаватель");
        String person = person(lastName);
        zup.hire(ORG, person, "ПРП", "К-" + no, ordered.atTime(10, 0), ordered.plusDays(1));
        return person;
    }

    protected static LocalDateTime at(String isoDateTime) {
        return LocalDateTime.parse(isoDateTime);
    }

    private URI uri(String ogrn, String entitySet, String query) {
        try {
            // the multi-argument constructor quotes what must be quoted; toASCIIString encodes the Cyrillic
            URI raw = new URI("http", null, "localhost", port,
                    ZupSimulator.BASE + "/" + ogrn + "/odata/standard.odata/" + entitySet, query, null);
            return URI.create(raw.toASCIIString());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
