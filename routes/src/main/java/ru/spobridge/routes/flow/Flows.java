package ru.spobridge.routes.flow;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The flows plugged into this hub, by name. */
@Component
public class Flows {

    private final Map<String, Flow> byName;

    public Flows(List<Flow> flows) {
        this.byName = flows.stream().collect(Collectors.toMap(Flow::name, Function.identity()));
    }

    public Optional<Flow> find(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    public Flow get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("Неизвестный поток: " + name));
    }

    public List<Flow> all() {
        return List.copyOf(byName.values());
    }
}
