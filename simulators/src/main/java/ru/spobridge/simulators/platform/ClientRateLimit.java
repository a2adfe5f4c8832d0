package ru.spobridge.simulators.platform;

import java.util.HashMap;
import java.util.Map;

/** Fixed one-second windows per client id; thread-safe. */
final class ClientRateLimit {

    private record Window(long second, int used) {
    }

    private final Map<String, Window> windows = new HashMap<>();

    /** True when the client may make one more request in the second of {@code nowMillis}; 0 = unlimited. */
    synchronized boolean tryAcquire(String clientId, int perSecond, long nowMillis) {
        if (perSecond <= 0) {
            return true;
        }
        long second = Math.floorDiv(nowMillis, 1000);
        Window window = windows.get(clientId);
        if (window == null || window.second() != second) {
            window = new Window(second, 0);
        }
        if (window.used() >= perSecond) {
            return false;
        }
        windows.put(clientId, new Window(second, window.used() + 1));
        return true;
    }

    synchronized void clear() {
        windows.clear();
    }
}
