package ru.spobridge.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import ru.spobridge.app.SpoBridgeApplication;

/**
 * The hub as a newcomer first sees it: the production application with the bundled simulators and demo colleges,
 * under the {@value #PROFILE} profile, which supplies the simulators' addresses and demo secrets.
 */
public final class SpoBridgeDemo {

    public static final String PROFILE = "demo";

    private SpoBridgeDemo() {
    }

    /** {@code --spo.demo.region=50} starts the generated region demo (see {@link RegionDemo}) instead of the three colleges. */
    public static void main(String[] args) {
        int region = RegionDemo.requested(args);
        List<String> arguments = new ArrayList<>(List.of(args));
        if (region > 0) {
            arguments.addAll(RegionDemo.prepare(region, Path.of("config/regions"), Path.of("data/region-demo")));
        }
        new SpringApplicationBuilder(SpoBridgeApplication.class, DemoThematicPlans.class).profiles(PROFILE).run(arguments.toArray(String[]::new));
    }
}
