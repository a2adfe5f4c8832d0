package ru.spobridge.mappings;

import java.util.List;
import ru.spobridge.model.RecordError;

/**
 * What a file parser got out of a file: the records it could read (with their line), and the rows or the part of
 * the file it could not (a broken row, a truncated end) — the rest of the file still goes through.
 */
public record Parsed<T>(List<Line<T>> records, List<RecordError> errors) {

    public record Line<T>(long line, T record) {
    }

    public Parsed {
        records = List.copyOf(records);
        errors = List.copyOf(errors);
    }
}
