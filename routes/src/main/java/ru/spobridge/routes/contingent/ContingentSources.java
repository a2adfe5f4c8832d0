package ru.spobridge.routes.contingent;

import java.net.http.HttpClient;
import java.time.Clock;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;
import ru.spobridge.connectors.contingent.ContingentSettings;
import ru.spobridge.connectors.contingent.ContingentSoapClient;
import ru.spobridge.routes.Colleges;
import ru.spobridge.routes.config.ClientsBySettings;
import ru.spobridge.routes.config.HubProperties;
import ru.spobridge.routes.flow.SourceCallRetry;

/** One ИС «Контингент» client per college, made from its settings on first use and anew when they change. */
@Component
public class ContingentSources {

    private final Colleges colleges;
    private final HubProperties properties;
    private final ProducerTemplate camel;
    private final HttpClient http;
    private final Clock clock;
    private final ClientsBySettings<HubProperties.ContingentSource, ContingentSoapClient> clients = new ClientsBySettings<>();

    public ContingentSources(Colleges colleges, HubProperties properties, ProducerTemplate camel, HttpClient http, Clock clock) {
        this.colleges = colleges;
        this.properties = properties;
        this.camel = camel;
        this.http = http;
        this.clock = clock;
    }

    public ContingentSoapClient client(String collegeId) {
        return clients.client(collegeId, colleges.settings(collegeId).contingent(), source -> {
            return new ContingentSoapClient(camel, new ContingentSettings(source.address(), source.tokenUrl(), source.clientId(),
                    source.clientSecret(), source.pageSize(), properties.delivery().httpTimeout()), http, clock,
                    new SourceCallRetry("contingent-" + collegeId, properties.delivery()));
        });
    }
}
