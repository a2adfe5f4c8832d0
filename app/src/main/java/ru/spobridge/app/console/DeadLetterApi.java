package ru.spobridge.app.console;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.spobridge.app.security.Access;
import ru.spobridge.routes.replay.DeadLetterReplay;
import ru.spobridge.routes.store.DeadLetters;

/**
 * Dead letters for the operator: list and filter, inspect (masked, no payload), replay one or many, discard with a
 * reason — one, the selected or the filtered ones. Every call sees only the colleges of the signed-in user.
 */
@RestController
@RequestMapping("/api/dead-letters")
public class DeadLetterApi {

    static final int MAX_BULK = 10_000;

    private final DeadLetters deadLetters;
    private final DeadLetterReplay replay;
    private final Clock clock;
    private final Access access;

    public DeadLetterApi(DeadLetters deadLetters, DeadLetterReplay replay, Clock clock, Access access) {
        this.deadLetters = deadLetters;
        this.replay = replay;
        this.clock = clock;
        this.access = access;
    }

    /** Open dead letters by filter; {@code status=RETRYING} lists those the hub is still retrying by itself. */
    @GetMapping
    public ResponseEntity<?> list(@RequestParam(required = false) String college,
                                  @RequestParam(required = false) String flow,
                                  @RequestParam(required = false) String target,
                                  @RequestParam(required = false) String code,
                                  @RequestParam(required = false) Integer olderThanHours,
                                  @RequestParam(defaultValue = DeadLetters.OPEN) String status,
                                  @RequestParam(defaultValue = "200") int limit) {
        if (!DeadLetters.OPEN.equals(status) && !DeadLetters.RETRYING.equals(status)) {
            return invalidStatus();
        }
        requireIfGiven(college);
        return ResponseEntity.ok(access.visible(deadLetters.find(status, college, flow, target, code,
                olderThanHours == null ? null : clock.instant().minus(Duration.ofHours(olderThanHours)), Math.min(Math.max(limit, 1), 1000)),
                DeadLetters.DeadLetter::collegeId));
    }

    public record Page(List<DeadLetters.DeadLetter> items, int page, int size, int total) {
    }

    /** One page of dead letters in a status (OPEN by default) of the colleges the user sees, oldest first. */
    @GetMapping("/page")
    public ResponseEntity<?> page(@RequestParam(required = false) String college, @RequestParam(required = false) String target,
                                  @RequestParam(defaultValue = DeadLetters.OPEN) String status,
                                  @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (!DeadLetters.OPEN.equals(status) && !DeadLetters.RETRYING.equals(status)) {
            return invalidStatus();
        }
        requireIfGiven(college);
        int pageSize = Math.min(Math.max(size, 1), 500);
        int pageNo = Math.max(page, 0);
        List<String> scope = access.scope().filter();
        return ResponseEntity.ok(new Page(deadLetters.page(status, scope, RejectedApi.blank(college), RejectedApi.blank(target), null,
                pageNo * pageSize, pageSize), pageNo, pageSize, deadLetters.count(status, scope, RejectedApi.blank(college), RejectedApi.blank(target))));
    }

    /** How many wait for an operator and how many the hub is still retrying by itself. */
    @GetMapping("/counts")
    public Map<String, Integer> counts(@RequestParam(required = false) String college, @RequestParam(required = false) String target) {
        requireIfGiven(college);
        List<String> scope = access.scope().filter();
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("open", deadLetters.count(DeadLetters.OPEN, scope, RejectedApi.blank(college), RejectedApi.blank(target)));
        counts.put("retrying", deadLetters.count(DeadLetters.RETRYING, scope, RejectedApi.blank(college), RejectedApi.blank(target)));
        return counts;
    }

    @GetMapping("/{id}")
    public ResponseEntity<?> inspect(@PathVariable long id) {
        return visible(id).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> UploadErrors.answer(HttpStatus.NOT_FOUND, UploadErrors.NOT_FOUND, "Запись не найдена"));
    }

    @PostMapping("/{id}/replay")
    public ResponseEntity<Map<String, Object>> replayOne(@PathVariable long id, Principal operator) {
        return visible(id).filter(letter -> !deadLetters.page(DeadLetters.OPEN, null, null, null, List.of(id), 0, 1).isEmpty())
                .<ResponseEntity<Map<String, Object>>>map(letter -> ResponseEntity.accepted().body(result(replay.replay(List.of(letter), operator.getName()))))
                .orElseGet(() -> UploadErrors.answer(HttpStatus.CONFLICT, UploadErrors.NOT_FOUND_OR_DONE, "Запись не найдена или уже обработана"));
    }

    /** Replays every open dead letter matching the filter, oldest first. */
    @PostMapping("/replay")
    public ResponseEntity<Map<String, Object>> replayMany(@RequestParam(required = false) String college, @RequestParam(required = false) String flow,
                                                          @RequestParam(required = false) String target, @RequestParam(required = false) String code,
                                                          Principal operator) {
        requireIfGiven(college);
        List<DeadLetters.DeadLetter> letters = access.visible(deadLetters.find(college, flow, target, code, null, MAX_BULK),
                DeadLetters.DeadLetter::collegeId);
        return ResponseEntity.accepted().body(result(replay.replay(letters, operator.getName())));
    }

    /** Discards one open dead letter; the reason comes as a parameter or in a JSON body {@code {"reason": …}}. */
    @PostMapping("/{id}/discard")
    public ResponseEntity<Map<String, Object>> discard(@PathVariable long id, @RequestParam(required = false) String reason,
                                                       @RequestBody(required = false) Map<String, Object> body, Principal operator) {
        String why = RejectedApi.blank(reason) != null ? reason.strip() : body == null ? null : RejectedApi.blank(String.valueOf(body.getOrDefault("reason", "")));
        if (why == null) {
            return noReason();
        }
        if (visible(id).isEmpty()) {
            return UploadErrors.answer(HttpStatus.CONFLICT, UploadErrors.NOT_FOUND_OR_DONE, "Запись не найдена или уже обработана");
        }
        return replay.discard(id, operator.getName(), why)
                .<ResponseEntity<Map<String, Object>>>map(letter -> ResponseEntity.ok(Map.of("id", id)))
                .orElseGet(() -> UploadErrors.answer(HttpStatus.CONFLICT, UploadErrors.NOT_FOUND_OR_DONE, "Запись не найдена или уже обработана"));
    }

    /**
     * Which open dead letters a bulk action takes: the selected ids, or (no ids) every one matching college and target;
     * the reason matters to discard only.
     */
    public record Bulk(List<Long> ids, String college, String target, String reason) {
    }

    @PostMapping("/bulk/replay")
    public ResponseEntity<Map<String, Object>> bulkReplay(@RequestBody Bulk bulk, Principal operator) {
        List<DeadLetters.DeadLetter> letters = chosen(bulk);
        if (letters.isEmpty()) {
            return UploadErrors.answer(HttpStatus.CONFLICT, UploadErrors.NOT_FOUND_OR_DONE, "Нет открытых записей для повтора");
        }
        return ResponseEntity.accepted().body(result(replay.replay(letters, operator.getName())));
    }

    @PostMapping("/bulk/discard")
    public ResponseEntity<Map<String, Object>> bulkDiscard(@RequestBody Bulk bulk, Principal operator) {
        String why = RejectedApi.blank(bulk.reason());
        if (why == null) {
            return noReason();
        }
        List<Long> discarded = new ArrayList<>();
        for (DeadLetters.DeadLetter letter : chosen(bulk)) {
            replay.discard(letter.id(), operator.getName(), why).ifPresent(done -> discarded.add(letter.id()));
        }
        return ResponseEntity.ok(Map.of("discarded", discarded.size(), "ids", discarded));
    }

    private List<DeadLetters.DeadLetter> chosen(Bulk bulk) {
        requireIfGiven(bulk.college());
        List<Long> ids = bulk.ids() == null || bulk.ids().isEmpty() ? null : bulk.ids();
        return deadLetters.page(DeadLetters.OPEN, access.scope().filter(), RejectedApi.blank(bulk.college()), RejectedApi.blank(bulk.target()),
                ids, 0, MAX_BULK);
    }

    private java.util.Optional<DeadLetters.DeadLetter> visible(long id) {
        return deadLetters.get(id).filter(letter -> access.scope().sees(letter.collegeId()));
    }

    private void requireIfGiven(String college) {
        if (RejectedApi.blank(college) != null) {
            access.require(college.strip());
        }
    }

    private static ResponseEntity<Map<String, Object>> noReason() {
        return UploadErrors.answer(HttpStatus.BAD_REQUEST, UploadErrors.REASON_REQUIRED, "Укажите причину: без неё запись не отбрасывается");
    }

    private static ResponseEntity<Map<String, Object>> invalidStatus() {
        return UploadErrors.answer(HttpStatus.BAD_REQUEST, UploadErrors.INVALID_STATUS, "Параметр «status» задан неверно: ожидается "
                + DeadLetters.OPEN + " или " + DeadLetters.RETRYING);
    }

    private static Map<String, Object> result(DeadLetterReplay.Replayed replayed) {
        return Map.of("letters", replayed.letters(), "runs", replayed.runs());
    }
}
