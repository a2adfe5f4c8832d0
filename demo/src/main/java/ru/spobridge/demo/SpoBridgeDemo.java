package ru.spobridge.demo;

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

    public static void main(String[] args) {
        new SpringApplicationBuilder(SpoBridgeApplication.class).profiles(PROFILE).run(args);
    }
}
