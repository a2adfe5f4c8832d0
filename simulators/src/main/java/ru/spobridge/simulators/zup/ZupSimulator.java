package ru.spobridge.simulators.zup;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import ru.spobridge.simulators.faults.FaultInjector;

/**
 * In-memory 1С:ЗУП 3.x as its standard OData interface shows it, one publication per organisation (ОГРН) at
 * {@code /zup-sim/{ogrn}/odata/standard.odata/}. Read-only over HTTP; tests and the demo write through this API.
 * Keys are name-based UUIDs of a counter, so the same calls give the same keys after {@link #reset()}.
 * Thread-safe.
 */
public class ZupSimulator {

    public static final String BASE = "/zup-sim";

    private final Map<String, ZupPublication> publications = new LinkedHashMap<>();
    private final Clock clock;
    private final FaultInjector faults;
    private final Map<String, String> users;
    private final AtomicInteger requests = new AtomicInteger();
    private long guidCounter;

    /** @param users HTTP Basic user to password; empty accepts any user with a non-blank password */
    public ZupSimulator(Clock clock, FaultInjector faults, Map<String, String> users) {
        this.clock = clock;
        this.faults = faults;
        this.users = Map.copyOf(users);
    }

    /** Forgets every publication, restarts the key counter, clears faults and counters. */
    public synchronized void reset() {
        publications.clear();
        guidCounter = 0;
        faults.clear();
        faults.resetCounters();
        requests.set(0);
    }

    /** A person ({@code Catalog_ФизическиеЛица} with its ФИО record); e-mail and phone may be null. Its Ref_Key. */
    public synchronized String addPerson(String ogrn, String lastName, String firstName, String middleName,
                                         String email, String phone) {
        return publication(ogrn).addPerson(lastName, firstName, middleName, email, phone);
    }

    /** A position ({@code Catalog_Должности}) such as ПРП «Преподаватель»; an existing code keeps its key. */
    public synchronized String addPosition(String ogrn, String code, String title) {
        return publication(ogrn).addPosition(code, title);
    }

    /** A posted hiring order and the new {@code Catalog_Сотрудники} job it creates; the order's Ref_Key. */
    public synchronized String hire(String ogrn, String personKey, String positionCode, String number,
                                    LocalDateTime orderDate, LocalDate effectiveDate) {
        return publication(ogrn).hire(personKey, positionCode, number, orderDate, effectiveDate);
    }

    /** A posted dismissal order ending the person's latest job; the order's Ref_Key. */
    public synchronized String dismiss(String ogrn, String personKey, String number, LocalDateTime orderDate,
                                       LocalDate effectiveDate) {
        return publication(ogrn).dismiss(personKey, number, orderDate, effectiveDate);
    }

    /** A posted transfer order moving the person's latest job to another position; the order's Ref_Key. */
    public synchronized String transfer(String ogrn, String personKey, String positionCode, String number,
                                        LocalDateTime orderDate, LocalDate effectiveDate) {
        return publication(ogrn).transfer(personKey, positionCode, number, orderDate, effectiveDate);
    }

    /** Marks a document not posted ({@code Posted=false}): still listed, and the hub must ignore it. */
    public synchronized void unpost(String ogrn, String documentKey) {
        publication(ogrn).unpost(documentKey);
    }

    public FaultInjector faults() {
        return faults;
    }

    /** OData requests that reached the simulator past fault injection, authorised or not. */
    public int requests() {
        return requests.get();
    }

    /** Today by the simulator's clock. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The ОГРН of every publication, in the order first used. */
    public synchronized List<String> publications() {
        return List.copyOf(publications.keySet());
    }

    synchronized Optional<List<Map<String, Object>>> rows(String ogrn, String entitySet) {
        return Optional.ofNullable(publications.get(ogrn)).map(p -> p.rows(entitySet));
    }

    synchronized Optional<Map<String, Object>> row(String ogrn, String entitySet, String refKey) {
        return Optional.ofNullable(publications.get(ogrn)).flatMap(p -> p.row(entitySet, refKey));
    }

    boolean authorised(String user, String password) {
        if (user == null || user.isBlank() || password == null || password.isBlank()) {
            return false;
        }
        return users.isEmpty() || password.equals(users.get(user));
    }

    void countRequest() {
        requests.incrementAndGet();
    }

    private ZupPublication publication(String ogrn) {
        return publications.computeIfAbsent(ogrn, k -> new ZupPublication(this::nextGuid, today()));
    }

    private String nextGuid() {
        return UUID.nameUUIDFromBytes(("zup-sim:" + ++guidCounter).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
