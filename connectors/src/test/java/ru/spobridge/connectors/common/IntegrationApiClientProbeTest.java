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
import ru.spobridge.connectors.sgo.Sgo;
import ru.spobridge.connectors.testing.LoopbackStub;

class IntegrationApiClientProbeTest {

    private static final String TOKEN = "/integration/v1/token";
    private static final String GROUPS = "/integration/v1/groups";

    private final LoopbackStub platform = new LoopbackStub();

    @AfterEach
    void stop() {
        platform.close();
    }

    private IntegrationApiClient client(URI base) {
        PlatformSettings settings = new PlatformSettings(base, "college-7", "s3cret", 100, Duration.ofSeconds(2));
        return new IntegrationApiClient(Sgo.PROTOCOL, settings, new ObjectMapper(),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(), Clock.systemUTC());
    }

    @Test
    void a_probe_reads_one_item_the_total_and_the_server_clock() {
        platform.on(TOKEN, reply(200, "{\"access_token\":\"t-1\",\"token_type\":\"Bearer\",\"expires_in\":900}"));
        // the JDK's server stamps its own Date header: the platform's clock is this machine's here
        platform.on(GROUPS, reply(200, "[{\"externalId\":\"g-1\"}]").header("X-Total-Count", "1604"));

        Probe probe = client(platform.base()).probe("groups");

        assertThat(probe.read()).isEqualTo(1);
        assertThat(probe.total()).isEqualTo(1604L);
        assertThat(probe.serverTime()).isBetween(Instant.now().minusSeconds(5), Instant.now().plusSeconds(1));
        LoopbackStub.Seen asked = platform.requests(GROUPS).get(0);
        assertThat(asked.method()).isEqualTo("GET");
        assertThat(asked.query()).containsEntry("page", "1").containsEntry("pageSize", "1");
        assertThat(asked.header("at")).isEqualTo("t-1");
    }

    @Test
    void a_probe_takes_the_total_from_the_body_when_there_is_no_header() {
        platform.on(TOKEN, reply(200, "{\"access_token\":\"t-1\",\"token_type\":\"Bearer\",\"expires_in\":900}"));
        platform.on(GROUPS, reply(200, "{\"items\":[{\"externalId\":\"g-1\"}],\"total\":12}"));

        Probe probe = client(platform.base()).probe("groups");

        assertThat(probe.read()).isEqualTo(1);
        assertThat(probe.total()).isEqualTo(12L);
    }

    @Test
    void a_refused_secret_and_an_unreachable_address_fail_with_different_codes() {
        platform.on(TOKEN, reply(401, "{\"status\":401,\"code\":\"INVALID_CLIENT\"}"));
        PermanentTargetException refused = catchThrowableOfType(PermanentTargetException.class, () -> client(platform.base()).probe("groups"));
        assertThat(refused.code()).isEqualTo("AUTH_FAILED");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(platform.requests(GROUPS)).isEmpty();

        URI closed = platform.base();
        platform.close();
        TransientTargetException unreachable = catchThrowableOfType(TransientTargetException.class, () -> client(closed).probe("groups"));
        assertThat(unreachable.code()).isEqualTo("TOKEN_UNREACHABLE");
        assertThat(unreachable.status()).isZero();
    }
}
