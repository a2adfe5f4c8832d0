package ru.spobridge.connectors.common;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientCredentialsOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.DefaultMapOAuth2AccessTokenResponseConverter;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;

/**
 * The OAuth2 client-credentials token of one account (shared/contracts/README.md "Token"), obtained and cached by
 * Spring Security's OAuth2 client: {@code client_secret_post} form, renewed 30 s before it expires;
 * {@link #invalidate()} after a 401 forces a new one. Failures of the token endpoint become
 * {@link TransientTargetException} (unreachable, 5xx, 429, unreadable) or {@link PermanentTargetException} (refused).
 */
public class ClientCredentialsToken {

    /** The RFC 6749 field of the token; ЭПОС names it {@code auth_token}. */
    public static final String STANDARD_FIELD = OAuth2ParameterNames.ACCESS_TOKEN;

    private static final String REGISTRATION = "platform";
    private static final String PRINCIPAL = "spo-bridge";
    private static final long DEFAULT_TTL_SECONDS = 900;

    private final InMemoryOAuth2AuthorizedClientService authorizedClients;
    private final AuthorizedClientServiceOAuth2AuthorizedClientManager manager;
    private final OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION).principal(PRINCIPAL).build();

    /**
     * @param tokenField the answer's field holding the token: {@link #STANDARD_FIELD}, or {@code auth_token} for ЭПОС
     */
    public ClientCredentialsToken(URI tokenUrl, String clientId, String clientSecret, String tokenField,
                                  HttpClient http, Duration timeout, Clock clock) {
        if (clientId == null || clientId.isBlank()) {
            throw new PermanentTargetException(0, "AUTH_FAILED", "Не задан client_id для входа через " + tokenUrl);
        }
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .clientId(clientId)
                .clientSecret(clientSecret == null ? "" : clientSecret)
                .tokenUri(tokenUrl.toString())
                .build();
        InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(registration);
        this.authorizedClients = new InMemoryOAuth2AuthorizedClientService(registrations);

        OAuth2AccessTokenResponseHttpMessageConverter answers = new OAuth2AccessTokenResponseHttpMessageConverter();
        answers.setAccessTokenResponseConverter(answerReader(tokenField));
        RestClientClientCredentialsTokenResponseClient tokenEndpoint = new RestClientClientCredentialsTokenResponseClient();
        tokenEndpoint.setRestClient(HttpTransport.restClient(http, timeout)
                .messageConverters(converters -> {
                    converters.clear();
                    converters.add(new FormHttpMessageConverter());
                    converters.add(new StringHttpMessageConverter());
                    converters.add(answers);
                })
                .defaultStatusHandler(status -> status.value() != 200, (req, response) -> {
                    int status = response.getStatusCode().value();
                    if (status >= 500 || status == 429) {
                        throw new TransientTargetException(status, "TOKEN_UNAVAILABLE", null, "Сервер выдачи токена ответил " + status, null);
                    }
                    throw new PermanentTargetException(status, "AUTH_FAILED",
                            "Платформа не выдала токен (HTTP " + status + "): проверьте client_id и секрет");
                })
                .build());

        ClientCredentialsOAuth2AuthorizedClientProvider provider = new ClientCredentialsOAuth2AuthorizedClientProvider();
        provider.setAccessTokenResponseClient(tokenEndpoint);
        provider.setClock(clock);
        provider.setClockSkew(Duration.ofSeconds(30));
        this.manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, authorizedClients);
        this.manager.setAuthorizedClientProvider(provider);
    }

    /** The current token, fetched when there is none or it is about to expire. */
    public synchronized String get() {
        OAuth2AuthorizedClient client;
        try {
            client = manager.authorize(request);
        } catch (RuntimeException e) {
            throw translate(e);
        }
        if (client == null) {
            throw new PermanentTargetException(0, "AUTH_FAILED", "Платформа не выдала токен: проверьте client_id и секрет");
        }
        return client.getAccessToken().getTokenValue();
    }

    /** Forgets the token, so that the next {@link #get()} signs in again. */
    public synchronized void invalidate() {
        authorizedClients.removeAuthorizedClient(REGISTRATION, PRINCIPAL);
    }

    private static Converter<Map<String, Object>, OAuth2AccessTokenResponse> answerReader(String tokenField) {
        DefaultMapOAuth2AccessTokenResponseConverter standard = new DefaultMapOAuth2AccessTokenResponseConverter();
        return answer -> {
            Object token = answer.get(tokenField);
            if (token == null || token.toString().isBlank()) {
                throw new PermanentTargetException(200, "AUTH_FAILED", "В ответе сервера токенов нет поля " + tokenField);
            }
            Map<String, Object> fields = new HashMap<>(answer);
            fields.putIfAbsent(OAuth2ParameterNames.EXPIRES_IN, DEFAULT_TTL_SECONDS);
            if (!STANDARD_FIELD.equals(tokenField)) {
                // ЭПОС answers {"auth_token", "expires_in"} without token_type, not RFC 6749 §5.1: renamed before Spring reads it
                fields.put(OAuth2ParameterNames.ACCESS_TOKEN, token);
                fields.putIfAbsent(OAuth2ParameterNames.TOKEN_TYPE, "Bearer");
            }
            return standard.convert(fields);
        };
    }

    // Spring wraps whatever went wrong in its own exceptions; the callers' retry policy needs ours
    private static RuntimeException translate(RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TransientTargetException || cause instanceof PermanentTargetException) {
                return (RuntimeException) cause;
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof HttpMessageNotReadableException) {
                return new TransientTargetException(200, "MALFORMED", null, "Ответ сервера токенов не разобран", failure);
            }
            if (cause instanceof IOException) {
                return new TransientTargetException(0, "TOKEN_UNREACHABLE", null,
                        "Сервер выдачи токена недоступен: " + cause.getClass().getSimpleName(), failure);
            }
        }
        return new PermanentTargetException(0, "AUTH_FAILED", "Платформа не выдала токен: " + failure.getMessage());
    }
}
