package ru.spobridge.connectors.common;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** Spring's {@link RestClient} over the hub's shared JDK {@link HttpClient}, with the settings' answer timeout. */
public final class HttpTransport {

    private HttpTransport() {
    }

    /** A builder whose requests time out after {@code timeout} (connection timeouts stay those of {@code http}). */
    public static RestClient.Builder restClient(HttpClient http, Duration timeout) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(timeout);
        return RestClient.builder().requestFactory(requests);
    }
}
