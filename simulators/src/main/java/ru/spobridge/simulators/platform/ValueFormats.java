package ru.spobridge.simulators.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Dates, times of day and the order of the ranges they make, as every platform checks them. */
final class ValueFormats {

    private static final Pattern TIME = Pattern.compile("^([01]?\\d|2[0-3]):[0-5]\\d$");

    /** Two fields of one item that make a range: the end may not come before (or, when strict, at) the start. */
    private record Range(String from, String to, boolean strict,
                         Function<String, Optional<? extends Comparable<?>>> parse, String message) {
    }

    private static final List<Range> RANGES = List.of(
            new Range("dateFrom", "dateTo", false, ValueFormats::date, "Дата окончания раньше даты начала"),
            new Range("from", "to", false, ValueFormats::date, "Дата окончания раньше даты начала"),
            new Range("start", "end", true, ValueFormats::time, "Время окончания должно быть позже времени начала"));

    private ValueFormats() {
    }

    /** A real calendar date {@code ГГГГ-ММ-ДД}: 2007-02-31 is not one. */
    static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A time of day {@code Ч:ММ} or {@code ЧЧ:ММ}, as aSc and the bell timetables write it. */
    static Optional<LocalTime> time(String text) {
        if (!TIME.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(LocalTime.parse(text.length() == 4 ? "0" + text : text));
    }

    /** INVALID_VALUE on the end of every range of the item whose two valid ends are out of order. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static List<RecordError> rangeErrors(JsonNode item, FieldNaming naming) {
        List<RecordError> errors = new ArrayList<>();
        for (Range range : RANGES) {
            Optional<? extends Comparable<?>> from = parsed(item, naming, range.from(), range.parse());
            Optional<? extends Comparable<?>> to = parsed(item, naming, range.to(), range.parse());
            if (from.isEmpty() || to.isEmpty()) {
                continue;
            }
            int order = ((Comparable) to.get()).compareTo(from.get());
            if (order < 0 || range.strict() && order == 0) {
                errors.add(new RecordError(range.to(), "INVALID_VALUE", range.message()));
            }
        }
        return errors;
    }

    private static Optional<? extends Comparable<?>> parsed(JsonNode item, FieldNaming naming, String canonical,
                                                           Function<String, Optional<? extends Comparable<?>>> parse) {
        JsonNode value = item.get(naming.wire(canonical));
        return value == null || !value.isTextual() ? Optional.empty() : parse.apply(value.asText());
    }
}
