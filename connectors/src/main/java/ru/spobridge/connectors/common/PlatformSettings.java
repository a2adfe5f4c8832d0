package ru.spobridge.connectors.common;

import java.net.URI;
import java.time.Duration;

/** Where one college's account on a platform's integration API is, how to sign in, and its batch size. */
public record PlatformSettings(URI baseUrl, String clientId, String clientSecret, int batchLimit, Duration timeout) {

    public PlatformSettings {
        if (batchLimit < 1) {
            throw new IllegalArgumentException("batch limit must be positive");
        }
    }

    public URI resolve(String path) {
        String base = baseUrl.toString().endsWith("/") ? baseUrl.toString() : baseUrl + "/";
        return URI.create(base + path);
    }
}
