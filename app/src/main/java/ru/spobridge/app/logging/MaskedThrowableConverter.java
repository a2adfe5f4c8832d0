package ru.spobridge.app.logging;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ru.spobridge.model.PersonalDataMask;

/** {@code %maskedEx}: stack traces with personal data in exception messages masked (parsers like to quote input). */
public class MaskedThrowableConverter extends ExtendedThrowableProxyConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return PersonalDataMask.mask(super.convert(event));
    }
}
