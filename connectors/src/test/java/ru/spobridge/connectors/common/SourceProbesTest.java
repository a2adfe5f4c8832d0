package ru.spobridge.connectors.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static ru.spobridge.connectors.testing.LoopbackStub.reply;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.spobridge.connectors.journal.CollegeJournalClient;
import ru.spobridge.connectors.testing.LoopbackStub;
import ru.spobridge.connectors.zup.ZupODataClient;
import ru.spobridge.connectors.zup.ZupSettings;

/** Connection checks of the sources read over HTTP: one item, the server's clock, no cursor, nothing written. */
class SourceProbesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final LoopbackStub source = new LoopbackStub();

    @AfterEach
    void stop() {
        source.close();
    }

    private HttpClient http() {
        return HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    @Test
    void a_journal_probe_reads_one_change_from_the_start() {
        source.on("/api/v1/token", reply(200, "{\"access_token\":\"j1\",\"token_type\":\"Bearer\",\"expires_in\":900}"))
                .on("/api/v1/college-12/changes", reply(200, "{\"items\":[{\"seq\":1,\"type\":\"mark\"}],\"next\":\"c-1\",\"hasMore\":true}"));
        CollegeJournalClient journal = new CollegeJournalClient(new CollegeJournalClient.Settings(URI.create(source.base() + "api/v1/"),
                "college-12", "journal-client", "journal-secret", TIMEOUT), http(), new ObjectMapper(), Clock.systemUTC());

        Probe probe = journal.probe();

        assertThat(probe.read()).isEqualTo(1);
        assertThat(probe.total()).isNull();
        assertThat(probe.serverTime()).isBetween(Instant.now().minusSeconds(5), Instant.now().plusSeconds(1));
        LoopbackStub.Seen asked = source.requests("/api/v1/college-12/changes").get(0);
        assertThat(asked.query()).containsEntry("limit", "1").doesNotContainKey("since");
        assertThat(asked.header("Authorization")).isEqualTo("Bearer j1");
    }

    @Test
    void a_zup_probe_reads_one_position_and_a_refused_user_says_so() {
        source.on("/odata/Catalog_Должности", reply(200, "{\"value\":[{\"Ref_Key\":\"ref-01\",\"Code\":\"01\"}]}"));
        ZupODataClient zup = new ZupODataClient(new ZupSettings(URI.create(source.base() + "odata/"), "Интеграция", "пароль-1", 200, TIMEOUT),
                http(), new ObjectMapper());

        Probe probe = zup.probe();

        assertThat(probe.read()).isEqualTo(1);
        assertThat(probe.serverTime()).isNotNull();
        assertThat(source.requests("/odata/Catalog_Должности").get(0).query()).containsEntry("$top", "1");

        source.on("/odata/Catalog_Должности", reply(401, "{}"));
        PermanentTargetException refused = catchThrowableOfType(PermanentTargetException.class, zup::probe);
        assertThat(refused.code()).isEqualTo("AUTH_FAILED");
        assertThat(refused.status()).isEqualTo(401);
    }
}
