package ru.spobridge.app.security;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Operators who may act (approve held runs, repair, start runs): name → password, the password always from the
 * environment (config/application.yml holds only ${...} references). An operator without a password (or, with
 * none configured, one named {@code operator}) gets a password generated at start and printed once.
 */
@ConfigurationProperties("spo.security")
public record OperatorProperties(Map<String, String> operators) {

    public OperatorProperties {
        operators = operators == null ? Map.of() : Map.copyOf(operators);
    }
}
