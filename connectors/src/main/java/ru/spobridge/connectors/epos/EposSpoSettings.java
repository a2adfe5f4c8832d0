package ru.spobridge.connectors.epos;

import java.net.URI;
import java.time.Duration;

/** Where one college's ЭПОС.СПО integration API is and how to sign in to it. */
public record EposSpoSettings(URI baseUrl, String clientId, String clientSecret, int batchLimit, Duration timeout) {

    public EposSpoSettings {
        if (batchLimit < 1 || batchLimit > 500) {
            throw new IllegalArgumentException("ЭПОС.СПО batch limit must be 1..500 (platform limit 500)");
        }
    }

    URI resolve(String path) {
        String base = baseUrl.toString().endsWith("/") ? baseUrl.toString() : baseUrl + "/";
        return URI.create(base + path);
    }
}
