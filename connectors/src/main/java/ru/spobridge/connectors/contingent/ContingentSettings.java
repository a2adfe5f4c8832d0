package ru.spobridge.connectors.contingent;

import java.net.URI;
import java.time.Duration;

/** Where one college's ИС «Контингент» exchange service is and how to sign in to it. */
public record ContingentSettings(URI address, URI tokenUrl, String clientId, String clientSecret, int pageSize,
                                 Duration timeout) {

    public ContingentSettings {
        if (pageSize < 1 || pageSize > 500) {
            throw new IllegalArgumentException("Контингент page size must be 1..500");
        }
    }
}
