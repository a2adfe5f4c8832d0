package ru.spobridge.app.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ru.spobridge.model.PersonalDataMask;

/** {@code %maskedMsg}: the log message with e-mails, phones, СНИЛС, dates and full names masked (152-ФЗ). */
public class MaskedMessageConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return PersonalDataMask.mask(event.getFormattedMessage());
    }
}
