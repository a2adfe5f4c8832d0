package ru.spobridge.app.admin;

import java.util.Map;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import ru.spobridge.routes.config.region.RegionFileException;
import ru.spobridge.routes.flow.SettingsRefused;

/** How the admin API answers a refused, stale or unknown change; nothing has been written in any of these cases. */
@RestControllerAdvice(basePackageClasses = AdminErrors.class)
public class AdminErrors {

    @ExceptionHandler(SettingsRefused.class)
    public ResponseEntity<Map<String, Object>> refused(SettingsRefused refused) {
        return ValidationAnswer.refused(refused.getMessage(), refused.errors());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    public ResponseEntity<Map<String, Object>> stale(OptimisticLockingFailureException stale) {
        return ValidationAnswer.status(HttpStatus.CONFLICT, "STALE_VERSION", stale.getMessage() + ": перечитайте и повторите");
    }

    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<Map<String, Object>> unknown(IllegalArgumentException unknown) {
        return ValidationAnswer.status(HttpStatus.NOT_FOUND, "NOT_FOUND", unknown.getMessage());
    }

    @ExceptionHandler(RegionFileException.class)
    public ResponseEntity<Map<String, Object>> unreadable(RegionFileException unreadable) {
        return ValidationAnswer.status(HttpStatus.BAD_REQUEST, "UNREADABLE_FILE", unreadable.getMessage());
    }
}
