package ru.spobridge.routes.flow;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.protection.DataProtectionSettings;
import ru.spobridge.routes.store.PayloadReseal;

/**
 * The upkeep of personal data at rest: shortly after start, values not sealed with the current key are re-sealed
 * (once per start: keys change only with a restart); then every {@code spo.data-protection.purge-every} payloads past
 * their retention are dropped. Off when the period is 0. Several hubs on one store may both run it: both steps only
 * touch rows still in need of it.
 */
@Component
public class DataProtectionRoute extends RouteBuilder {

    public static final String ROUTE = "personal-data-upkeep";
    private static final long FIRST_DELAY_MS = 15_000;

    private final DataProtectionSettings settings;
    private final PayloadReseal reseal;
    private final PersonalDataPurge purge;
    private final AtomicBoolean resealed = new AtomicBoolean();

    public DataProtectionRoute(DataProtectionSettings settings, PayloadReseal reseal, PersonalDataPurge purge) {
        this.settings = settings;
        this.reseal = reseal;
        this.purge = purge;
    }

    @Override
    public void configure() {
        long every = settings.purgeEvery().toMillis();
        from("timer:" + ROUTE + "?period=" + Math.max(every, 1) + "&delay=" + FIRST_DELAY_MS).routeId(ROUTE)
                .autoStartup(every > 0)
                .process(exchange -> resealOncePerStart())
                .process(exchange -> purge.purge());
    }

    private void resealOncePerStart() {
        if (!resealed.get()) {
            reseal.resealAll();
            resealed.set(true);
        }
    }
}
