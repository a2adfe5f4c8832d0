package ru.spobridge.connectors.sgo;

import ru.spobridge.connectors.common.PlatformProtocol;

/** «Сетевой Город. Образование» (Chelyabinsk), shared/contracts/sgo.md: header {@code at} as the platform's own API, batch ≤ 500. */
public final class Sgo {

    public static final PlatformProtocol PROTOCOL = new PlatformProtocol("sgo", "СГО", "access_token", "at", "", 500);

    private Sgo() {
    }
}
