package ru.spobridge.routes.connection;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.spobridge.connectors.aisepo.AisEpo;
import ru.spobridge.connectors.common.CallRetry;
import ru.spobridge.connectors.common.IntegrationApiClient;
import ru.spobridge.connectors.common.PermanentTargetException;
import ru.spobridge.connectors.common.PlatformProtocol;
import ru.spobridge.connectors.common.PlatformSettings;
import ru.spobridge.connectors.common.Probe;
import ru.spobridge.connectors.common.TransientTargetException;
import ru.spobridge.connectors.contingent.ContingentReadException;
import ru.spobridge.connectors.contingent.ContingentSettings;
import ru.spobridge.connectors.contingent.ContingentSoapClient;
import ru.spobridge.connectors.epos.EposSpo;
import ru.spobridge.connectors.journal.CollegeJournalClient;
import ru.spobridge.connectors.sgo.Sgo;
import ru.spobridge.connectors.zup.ZupODataClient;
import ru.spobridge.connectors.zup.ZupSettings;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.config.HubProperties;
import ru.spobridge.routes.config.HubProperties.CollegeSettings;
import ru.spobridge.routes.config.region.SecretLookup;

/**
 * Checks every source and target of a college: reach it, sign in, read one page, compare clocks, and say so in
 * Russian. Clients are built afresh from the settings (never the flows' cached ones) and only read: nothing is
 * written here or on the other side, no cursor moves.
 */
@Component
public class ConnectionTest {

    /** A clock offset below this is the Date header's rounding and the round trip, not worth a word. */
    private static final long CLOCK_TOLERANCE_SECONDS = 5;
    private static final Map<String, PlatformProtocol> PLATFORMS = Map.of(EposSpo.PROTOCOL.name(), EposSpo.PROTOCOL,
            Sgo.PROTOCOL.name(), Sgo.PROTOCOL, AisEpo.PROTOCOL.name(), AisEpo.PROTOCOL,
            ru.spobridge.connectors.eposschool.EposSchool.PROTOCOL.name(), ru.spobridge.connectors.eposschool.EposSchool.PROTOCOL);
    /** Every college platform has groups, a school's has class units: one of them is the page read. */
    private static final String PROBED_RESOURCE = "groups";
    private static final Logger log = LoggerFactory.getLogger(ConnectionTest.class);

    /**
     * The answer of one source or target. {@code system} is its settings name ({@code contingent}, {@code journal},
     * {@code zup}, or a platform), {@code code} is {@code OK} or why not, {@code message} the sentence for an operator.
     */
    public record Check(String system, String title, boolean ok, String code, String message, Integer httpStatus,
                        Long clockOffsetSeconds, long millis) {
    }

    private final Colleges colleges;
    private final HubProperties properties;
    private final SecretLookup secrets;
    private final ProducerTemplate camel;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Clock clock;

    public ConnectionTest(Colleges colleges, HubProperties properties, SecretLookup secrets, ProducerTemplate camel,
                          HttpClient http, ObjectMapper json, Clock clock) {
        this.colleges = colleges;
        this.properties = properties;
        this.secrets = secrets;
        this.camel = camel;
        this.http = http;
        this.clock = clock;
        this.json = json;
    }

    public List<Check> check(String collegeId) {
        return check(collegeId, colleges.settings(collegeId));
    }

    /** Checks settings that may not be saved yet; secret references in them are resolved here, in memory only. */
    public List<Check> check(String collegeId, CollegeSettings settings) {
        List<Check> checks = new ArrayList<>();
        Duration timeout = properties.delivery().httpTimeout();
        HubProperties.ContingentSource contingent = settings.contingent();
        if (contingent != null) {
            checks.add(run("contingent", "ИС «Контингент»", contingent.tokenUrl(), contingent.address(), () -> {
                String secret = secret(collegeId, "contingent.client-secret", contingent.clientSecret());
                return new ContingentSoapClient(camel, new ContingentSettings(contingent.address(), contingent.tokenUrl(),
                        contingent.clientId(), secret, contingent.pageSize(), timeout), http, clock, CallRetry.ONCE).probe(settings.ogrn());
            }));
        }
        HubProperties.JournalSource journal = settings.marks() == null ? null : settings.marks().journal();
        if (journal != null) {
            checks.add(run("journal", "Журнал колледжа", journal.address(), journal.address(), () -> {
                String secret = secret(collegeId, "marks.journal.client-secret", journal.clientSecret());
                return new CollegeJournalClient(new CollegeJournalClient.Settings(journal.address(), journal.collegeId(),
                        journal.clientId(), secret, timeout), http, json, clock).probe();
            }));
        }
        HubProperties.ZupSource zup = settings.staff() == null ? null : settings.staff().zup();
        if (zup != null) {
            checks.add(run("zup", "1С:ЗУП", zup.address(), zup.address(), () -> {
                String password = secret(collegeId, "staff.zup.password", zup.password());
                return new ZupODataClient(new ZupSettings(zup.address(), zup.user(), password, 1, timeout), http, json).probe();
            }));
        }
        settings.targets().forEach((name, target) -> {
            PlatformProtocol protocol = PLATFORMS.get(name);
            if (protocol == null) {
                checks.add(new Check(name, name, false, "UNKNOWN_PLATFORM", name + ": такой платформы хаб не знает", null, null, 0));
                return;
            }
            checks.add(run(name, protocol.title(), target.baseUrl(), target.baseUrl(), () -> {
                String secret = secret(collegeId, "targets." + name + ".client-secret", target.clientSecret());
                PlatformSettings platform = new PlatformSettings(target.baseUrl(), target.clientId(), secret,
                        Math.min(target.batchLimit(), protocol.maxBatch()), properties.deliveryFor(name).httpTimeout());
                return new IntegrationApiClient(protocol, platform, json, http, clock).probe(protocol == ru.spobridge.connectors.eposschool.EposSchool.PROTOCOL
                        ? ru.spobridge.connectors.eposschool.EposSchool.CLASS_UNITS : PROBED_RESOURCE);
            }));
        });
        log.info("Проверка связи колледжа {}: доступно {} из {}", collegeId, checks.stream().filter(Check::ok).count(), checks.size());
        return checks;
    }

    private String secret(String collegeId, String field, String value) {
        if (!SecretLookup.isReference(value)) {
            return value;
        }
        return secrets.lookup(collegeId, field, value).orElseThrow(() -> new MissingSecret(field, value));
    }

    /** A referenced secret that is not there; its message names the field and the reference, never a value. */
    private static final class MissingSecret extends RuntimeException {
        MissingSecret(String field, String reference) {
            super("секрет " + field + " не найден (" + reference + ")");
        }
    }

    private Check run(String system, String title, URI tokenAddress, URI address, Supplier<Probe> probe) {
        Instant before = clock.instant();
        long started = System.nanoTime();
        try {
            Probe seen = probe.get();
            Instant after = clock.instant();
            Long offset = seen.serverTime() == null ? null
                    : Duration.between(before.plus(Duration.between(before, after).dividedBy(2)), seen.serverTime()).toSeconds();
            StringBuilder message = new StringBuilder(title).append(": доступ есть, ключ получен, прочитано ").append(seen.read());
            if (seen.total() != null) {
                message.append(" из ").append(seen.total());
            }
            if (offset != null && Math.abs(offset) >= CLOCK_TOLERANCE_SECONDS) {
                message.append("; часы платформы расходятся с узлом на ").append(Math.abs(offset)).append(" с (")
                        .append(offset < 0 ? "отстают" : "спешат").append(")");
            }
            return new Check(system, title, true, "OK", message.toString(), seen.httpStatus(), offset, millis(started));
        } catch (MissingSecret e) {
            return new Check(system, title, false, "SECRET_MISSING", title + ": " + e.getMessage(), null, null, millis(started));
        } catch (PermanentTargetException e) {
            return failed(system, title, e.code(), e.status(), e, tokenAddress, address, started);
        } catch (TransientTargetException e) {
            return failed(system, title, e.code(), e.status(), e, tokenAddress, address, started);
        } catch (ContingentReadException e) {
            return failed(system, title, e.code(), null, e, tokenAddress, address, started);
        } catch (RuntimeException e) {
            // a setting that cannot even build a client (an unreadable secret, a bad address) is this check's answer
            return new Check(system, title, false, "SETTINGS", title + ": " + e.getMessage(), null, null, millis(started));
        }
    }

    private Check failed(String system, String title, String code, Integer status, RuntimeException failure, URI tokenAddress,
                         URI address, long started) {
        Integer http = status == null || status == 0 ? null : status;
        String unreachable = unreachable(failure);
        String message;
        if (unreachable != null) {
            URI where = code != null && code.startsWith("TOKEN") ? tokenAddress : address;
            code = "UNREACHABLE";
            message = title + ": не отвечает по адресу " + where + " (" + unreachable + ")";
        } else if ("AUTH_FAILED".equals(code) && http != null && (http == 400 || http == 401 || http == 403) && !(failure instanceof TransientTargetException)) {
            message = title + ": неверный секрет клиента (HTTP " + http + ")";
        } else if ("AUTH_FAILED".equals(code) && http != null) {
            message = title + ": ключ получен, но платформа его не принимает (HTTP " + http + ")";
        } else if ("AUTH_FAILED".equals(code)) {
            message = title + ": вход не выполнен — " + failure.getMessage();
        } else if ("TOKEN_EXPIRED".equals(code)) {
            message = title + ": ключ получен, но не принят сервисом";
        } else if ("UNKNOWN_ORG".equals(code)) {
            message = title + ": ключ получен, но организация с ОГРН колледжа в реестре не найдена (UNKNOWN_ORG)";
        } else if (failure instanceof ContingentReadException && http == null) {
            message = title + ": ключ получен, но сервис ответил ошибкой " + code;
        } else if (http != null) {
            message = title + ": отвечает ошибкой HTTP " + http + (code == null ? "" : " (" + code + ")");
        } else {
            message = title + ": " + failure.getMessage();
        }
        return new Check(system, title, false, code, message, http, null, millis(started));
    }

    /** How the address failed, in words, or null when an answer came. */
    private static String unreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConnectException && !(cause instanceof HttpConnectTimeoutException)) {
                return "соединение отклонено";
            }
            if (cause instanceof UnknownHostException) {
                return "адрес не найден";
            }
            if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
                return "нет ответа в отведённое время";
            }
        }
        return null;
    }

    private static long millis(long started) {
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }
}
