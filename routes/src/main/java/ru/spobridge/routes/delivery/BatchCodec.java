package ru.spobridge.routes.delivery;

import org.springframework.stereotype.Component;
import ru.spobridge.routes.CanonicalJson;

/** Writes and reads {@link DeliveryBatch} as JSON text for the bus (Artemis or Kafka). */
@Component
public class BatchCodec {

    private final CanonicalJson json;

    public BatchCodec(CanonicalJson json) {
        this.json = json;
    }

    public String encode(DeliveryBatch batch) {
        return json.write(batch);
    }

    public DeliveryBatch decode(String text) {
        return json.read(text, DeliveryBatch.class);
    }
}
