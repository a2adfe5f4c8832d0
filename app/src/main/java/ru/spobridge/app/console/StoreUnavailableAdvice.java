package ru.spobridge.app.console;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.NonTransientDataAccessResourceException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * An API call that cannot reach the store (down, unreachable, out of connections) answers 503 «Хранилище недоступно»,
 * so that an operator knows to wait for the store rather than for a run that is not running.
 */
@RestControllerAdvice
public class StoreUnavailableAdvice {

    private static final Logger log = LoggerFactory.getLogger(StoreUnavailableAdvice.class);

    @ExceptionHandler({DataAccessResourceFailureException.class, NonTransientDataAccessResourceException.class,
            TransientDataAccessResourceException.class, RecoverableDataAccessException.class, QueryTimeoutException.class})
    public ResponseEntity<Map<String, Object>> storeUnavailable(DataAccessException failure) {
        String cause = failure.getMostSpecificCause().getMessage();
        String detail = cause == null ? failure.getClass().getSimpleName() : cause.substring(0, Math.min(cause.length(), 300));
        log.error("Хранилище недоступно: {}", detail);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("code", "STORE_UNAVAILABLE", "message", "Хранилище недоступно: " + detail));
    }
}
