package ru.spobridge.connectors.epos;

import ru.spobridge.connectors.common.PlatformProtocol;

/** ЭПОС.СПО (Perm), shared/contracts/epos.md: token field {@code auth_token}, header {@code Auth-Token}, batch ≤ 500. */
public final class EposSpo {

    public static final PlatformProtocol PROTOCOL = new PlatformProtocol("epos", "ЭПОС.СПО", "auth_token", "Auth-Token", "", 500);

    private EposSpo() {
    }
}
