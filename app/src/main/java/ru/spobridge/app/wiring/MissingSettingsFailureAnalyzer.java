package ru.spobridge.app.wiring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns {@link MissingSettingsException} into the start report an IT person reads: what is missing, what to do. */
public class MissingSettingsFailureAnalyzer extends AbstractFailureAnalyzer<MissingSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingSettingsException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Задайте эти переменные окружения (в .env, в настройках службы или перед командой запуска) и запустите "
                        + "узел снова; адреса и секреты ссылками ${ИМЯ} задаются в config/application.yml. "
                        + "Демонстрационный запуск со встроенными имитаторами задаёт их сам: ./mvnw -pl demo -am spring-boot:run",
                cause);
    }
}
