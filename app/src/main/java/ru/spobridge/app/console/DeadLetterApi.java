package ru.spobridge.app.console;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import ru.spobridge.routes.replay.DeadLetterReplay;
import ru.spobridge.routes.store.DeadLetters;

/** Dead letters for the operator: list and filter, inspect (masked, no payload), replay one or many, discard with a reason. */
@RestController
@RequestMapping("/api/dead-letters")
public class DeadLetterApi {

    private final DeadLetters deadLetters;
    private final DeadLetterReplay replay;
    private final Clock clock;

    public DeadLetterApi(DeadLetters deadLetters, DeadLetterReplay replay, Clock clock) {
        this.deadLetters = deadLetters;
        this.replay = replay;
        this.clock = clock;
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
            return UploadErrors.answer(HttpStatus.BAD_REQUEST, UploadErrors.INVALID_STATUS, "Параметр «status» задан неверно: ожидается "
                    + DeadLetters.OPEN + " или " + DeadLetters.RETRYING);
        }
        return ResponseEntity.ok(deadLetters.find(status, college, flow, target, code,
                olderThanHours == null ? null : clock.instant().minus(Duration.ofHours(olderThanHours)), Math.min(Math.max(limit, 1), 1000)));
    }

    /** How many wait for an operator and how many the hub is still retrying by itself. */
    @GetMapping("/counts")
    public Map<String, Integer> counts(@RequestParam(required = false) String college) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        counts.put("open", deadLetters.countOpen(college));
        counts.put("retrying", deadLetters.countRetrying(college));
        return counts;
    }

    @GetMapping("/{id}")
    public ResponseEntity<?> inspect(@PathVariable long id) {
        return deadLetters.get(id).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> UploadErrors.answer(HttpStatus.NOT_FOUND, UploadErrors.NOT_FOUND, "Запись не найдена"));
    }

    @PostMapping("/{id}/replay")
    public ResponseEntity<Map<String, Object>> replayOne(@PathVariable long id, Principal operator) {
        return deadLetters.get(id).filter(letter -> deadLetters.find(letter.collegeId(), null, null, null, null, 1000).stream()
                        .anyMatch(open -> open.id() == id))
                .<ResponseEntity<Map<String, Object>>>map(letter -> ResponseEntity.accepted().body(result(replay.replay(List.of(letter), operator.getName()))))
                .orElseGet(() -> UploadErrors.answer(HttpStatus.CONFLICT, UploadErrors.NOT_FOUND_OR_DONE, "Запись не найдена или уже обработана"));
    }

    /** Replays every open dead letter matching the filter, oldest first. */
    @PostMapping("/replay")
    public ResponseEntity<Map<String, Object>> replayMany(@RequestParam(required = false) String college, @RequestParam(required = false) String flow,
                                                          @RequestParam(required = false) String target, @RequestParam(required = false) String code,
                                                          Principal operator) {
        List<DeadLetters.DeadLetter> letters = deadLetters.find(college, flow, target, code, null, 10_000);
        return ResponseEntity.accepted().body(result(replay.replay(letters, operator.getName())));
    }

    @PostMapping("/{id}/discard")
    public ResponseEntity<Map<String, Object>> discard(@PathVariable long id, @RequestParam String reason, Principal operator) {
        return replay.discard(id, operator.getName(), reason)
                .<ResponseEntity<Map<String, Object>>>map(letter -> ResponseEntity.ok(Map.of("id", id)))
                .orElseGet(() -> UploadErrors.answer(HttpStatus.CONFLICT, UploadErrors.NOT_FOUND_OR_DONE, "Запись не найдена или уже обработана"));
    }

    private static Map<String, Object> result(DeadLetterReplay.Replayed replayed) {
        return Map.of("letters", replayed.letters(), "runs", replayed.runs());
    }
}
