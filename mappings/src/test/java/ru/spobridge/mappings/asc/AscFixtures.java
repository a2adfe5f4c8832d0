package ru.spobridge.mappings.asc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Fixture files under src/test/resources/asc/ and the college directories they are matched against. */
final class AscFixtures {

    private AscFixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = AscFixtures.class.getResourceAsStream("/asc/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The caller's job in production: decode the bytes with the declared charset and hand over characters. */
    static Reader reader(String name, Charset charset) {
        return new InputStreamReader(new ByteArrayInputStream(bytes(name)), charset);
    }

    static AscTimetableParser.Result parse(String name) {
        return AscTimetableParser.parse(name, reader(name, StandardCharsets.UTF_8));
    }

    /** A small builder of explicit tables and candidates per kind. */
    static final class Directories {
        final Map<AscMatching.Kind, Map<String, String>> explicit = new EnumMap<>(AscMatching.Kind.class);
        final Map<AscMatching.Kind, Map<String, String>> candidates = new EnumMap<>(AscMatching.Kind.class);

        Directories explicit(AscMatching.Kind kind, String... keyThenCode) {
            explicit.put(kind, pairs(keyThenCode));
            return this;
        }

        Directories candidates(AscMatching.Kind kind, String... codeThenName) {
            candidates.put(kind, pairs(codeThenName));
            return this;
        }

        AscMatching.Result match(AscTimetable timetable) {
            return AscMatching.match(timetable, explicit, candidates);
        }

        private static Map<String, String> pairs(String... keysAndValues) {
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < keysAndValues.length; i += 2) {
                map.put(keysAndValues[i], keysAndValues[i + 1]);
            }
            return map;
        }
    }

    /** What the college's directories hold for college-week.xml: each way of matching is used at least once. */
    static Directories collegeWeek() {
        return new Directories()
                .explicit(AscMatching.Kind.TEACHER, "ПробЖ", "t-probnaya")
                .candidates(AscMatching.Kind.TEACHER, "t-primerova", "Примерова Анна Борисовна", "t-obraztsov", "Образцов Виктор Геннадьевич",
                        "t-testova", "Тестова Дарья Евгеньевна", "t-probnaya", "Пробная-Штерн Жанна")
                .candidates(AscMatching.Kind.GROUP, "ТМ-21", "ТМ-21", "grp-22", "тм-22")
                .candidates(AscMatching.Kind.ROOM, "214", "Аудитория 214", "215", "Аудитория 215", "301", "Аудитория 301", "gym", "Спортзал")
                .candidates(AscMatching.Kind.SUBJECT, "МДК.01.01", "Технология обработки", "MATH", "Математика", "ENG", "Иностранный язык",
                        "PE", "Физическая культура", "HIST", "История");
    }
}
