package ru.spobridge.connectors.aisepo;

import ru.spobridge.connectors.common.PlatformProtocol;

/** АИС «Электронное профессиональное образование» (Kuzbass, ruobr), shared/contracts/ruobr-aisepo.md: Bearer token, batch ≤ 300. */
public final class AisEpo {

    public static final PlatformProtocol PROTOCOL = new PlatformProtocol("aisepo", "АИС ЭПО", "access_token", "Authorization", "Bearer ", 300);

    private AisEpo() {
    }
}
