package ru.spobridge.simulators.zup;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One organisation's ЗУП infobase as its OData publication shows it: rows of every entity set in the order
 * created, keyed by {@code Ref_Key}. Not thread-safe; {@link ZupSimulator} serialises access.
 */
final class ZupPublication {

    static final String PERSONS = "Catalog_ФизическиеЛица";
    static final String NAMES = "InformationRegister_ФИОФизическихЛиц";
    static final String POSITIONS = "Catalog_Должности";
    static final String EMPLOYEES = "Catalog_Сотрудники";
    static final String HIRES = "Document_ПриемНаРаботу";
    static final String DISMISSALS = "Document_Увольнение";
    static final String TRANSFERS = "Document_КадровыйПеревод";
    static final List<String> ENTITY_SETS = List.of(PERSONS, NAMES, POSITIONS, EMPLOYEES, HIRES, DISMISSALS,
            TRANSFERS);
    static final List<String> DOCUMENTS = List.of(HIRES, DISMISSALS, TRANSFERS);

    /** 1С writes every date and date-time as a local date-time with seconds and no zone. */
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final Map<String, Map<String, Map<String, Object>>> sets = new LinkedHashMap<>();
    private final Map<String, String> positionByCode = new HashMap<>();
    /** Jobs not yet ended by a dismissal, per person, oldest first. */
    private final Map<String, List<String>> activeJobs = new HashMap<>();
    private final Map<String, String> positionOfJob = new HashMap<>();
    private final Supplier<String> guids;
    private final LocalDate namesSince;
    private int personCodes;
    private int employeeCodes;

    ZupPublication(Supplier<String> guids, LocalDate namesSince) {
        this.guids = guids;
        this.namesSince = namesSince;
        ENTITY_SETS.forEach(set -> sets.put(set, new LinkedHashMap<>()));
    }

    /** Copies of the rows of an entity set, in the order created. */
    List<Map<String, Object>> rows(String entitySet) {
        return sets.get(entitySet).values().stream().map(ZupPublication::copy).toList();
    }

    Optional<Map<String, Object>> row(String entitySet, String refKey) {
        return Optional.ofNullable(sets.get(entitySet).get(refKey)).map(ZupPublication::copy);
    }

    String addPerson(String lastName, String firstName, String middleName, String email, String phone) {
        String key = guids.get();
        List<Map<String, Object>> contacts = new ArrayList<>();
        if (email != null) {
            contacts.add(contact("АдресЭлектроннойПочты", email));
        }
        if (phone != null) {
            contacts.add(contact("Телефон", phone));
        }
        Map<String, Object> person = catalogRow(key, code(++personCodes),
                Stream.of(lastName, firstName, middleName).filter(p -> p != null && !p.isBlank())
                        .collect(Collectors.joining(" ")));
        person.put("КонтактнаяИнформация", contacts);
        sets.get(PERSONS).put(key, person);
        Map<String, Object> name = new LinkedHashMap<>();
        name.put("ФизическоеЛицо_Key", key);
        name.put("Period", namesSince.atStartOfDay().format(DATE_TIME));
        name.put("Фамилия", lastName);
        name.put("Имя", firstName);
        name.put("Отчество", middleName == null ? "" : middleName);
        sets.get(NAMES).put(key, name);
        return key;
    }

    /** The position with this code; an existing code keeps its key and title. */
    String addPosition(String code, String title) {
        return positionByCode.computeIfAbsent(code, c -> {
            String key = guids.get();
            sets.get(POSITIONS).put(key, catalogRow(key, c, title));
            return key;
        });
    }

    String hire(String personKey, String positionCode, String number, LocalDateTime orderDate,
                LocalDate effectiveDate) {
        Map<String, Object> person = person(personKey);
        String positionKey = position(positionCode);
        String employeeKey = guids.get();
        Map<String, Object> employee = catalogRow(employeeKey, code(++employeeCodes), person.get("Description"));
        employee.put("ВАрхиве", false);
        employee.put("ФизическоеЛицо_Key", personKey);
        sets.get(EMPLOYEES).put(employeeKey, employee);
        activeJobs.computeIfAbsent(personKey, k -> new ArrayList<>()).add(employeeKey);
        positionOfJob.put(employeeKey, positionKey);
        return document(HIRES, number, orderDate, employeeKey, personKey, "ДатаПриема", effectiveDate, positionKey);
    }

    /** Ends the person's latest job. */
    String dismiss(String personKey, String number, LocalDateTime orderDate, LocalDate effectiveDate) {
        String employeeKey = latestJob(personKey);
        activeJobs.get(personKey).remove(employeeKey);
        return document(DISMISSALS, number, orderDate, employeeKey, personKey, "ДатаУвольнения", effectiveDate,
                positionOfJob.get(employeeKey));
    }

    /** Moves the person's latest job to another position. */
    String transfer(String personKey, String positionCode, String number, LocalDateTime orderDate,
                    LocalDate effectiveDate) {
        String employeeKey = latestJob(personKey);
        String positionKey = position(positionCode);
        positionOfJob.put(employeeKey, positionKey);
        return document(TRANSFERS, number, orderDate, employeeKey, personKey, "ДатаПеревода", effectiveDate,
                positionKey);
    }

    /** Clears {@code Posted} of a document; the staff state the document made stays as it was. */
    void unpost(String documentKey) {
        Map<String, Object> document = DOCUMENTS.stream().map(set -> sets.get(set).get(documentKey))
                .filter(row -> row != null).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no such document in this publication"));
        document.put("Posted", false);
    }

    private String document(String set, String number, LocalDateTime orderDate, String employeeKey,
                            String personKey, String dateField, LocalDate effectiveDate, String positionKey) {
        String key = guids.get();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("Ref_Key", key);
        row.put("Number", number);
        row.put("Date", orderDate.format(DATE_TIME));
        row.put("Posted", true);
        row.put("DeletionMark", false);
        row.put("Сотрудник_Key", employeeKey);
        row.put("ФизическоеЛицо_Key", personKey);
        row.put(dateField, effectiveDate.atStartOfDay().format(DATE_TIME));
        row.put("Должность_Key", positionKey);
        sets.get(set).put(key, row);
        return key;
    }

    private Map<String, Object> person(String personKey) {
        Map<String, Object> person = sets.get(PERSONS).get(personKey);
        if (person == null) {
            throw new IllegalArgumentException("no such person in this publication");
        }
        return person;
    }

    private String position(String code) {
        String key = positionByCode.get(code);
        if (key == null) {
            throw new IllegalArgumentException("no position with this code: add it first");
        }
        return key;
    }

    private String latestJob(String personKey) {
        person(personKey);
        List<String> jobs = activeJobs.getOrDefault(personKey, List.of());
        if (jobs.isEmpty()) {
            throw new IllegalStateException("the person has no current job");
        }
        return jobs.get(jobs.size() - 1);
    }

    private static Map<String, Object> catalogRow(String key, String code, Object description) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("Ref_Key", key);
        row.put("Code", code);
        row.put("Description", description);
        row.put("DeletionMark", false);
        return row;
    }

    private static Map<String, Object> contact(String type, String value) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("Тип", type);
        row.put("Представление", value);
        return row;
    }

    private static String code(int number) {
        return String.format("%010d", number);
    }

    private static Map<String, Object> copy(Map<String, Object> row) {
        Map<String, Object> copy = new LinkedHashMap<>(row);
        copy.computeIfPresent("КонтактнаяИнформация",
                (k, v) -> ((List<?>) v).stream().map(c -> new LinkedHashMap<>((Map<?, ?>) c)).toList());
        return copy;
    }
}
