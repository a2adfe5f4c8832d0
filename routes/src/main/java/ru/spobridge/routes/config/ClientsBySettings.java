package ru.spobridge.routes.config;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One client per college, made from the part of its settings it needs and made anew when that part changes (a
 * college's address or secret changed while the hub runs), so that no client outlives its settings.
 */
public final class ClientsBySettings<S, C> {

    private record Cached<S, C>(S settings, C client) {
    }

    private final Map<String, Cached<S, C>> clients = new ConcurrentHashMap<>();

    public C client(String collegeId, S settings, Function<S, C> make) {
        return clients.compute(collegeId, (id, cached) -> cached != null && cached.settings().equals(settings)
                ? cached : new Cached<>(settings, make.apply(settings))).client();
    }
}
