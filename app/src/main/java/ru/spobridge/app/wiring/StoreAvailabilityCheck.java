package ru.spobridge.app.wiring;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.Connection;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Before an operator's run starts, the store must answer: a run whose opening fails inside the flow comes back as
 * «не запущен», which would read as «уже выполняется»; this check makes it a 503 «Хранилище недоступно» instead.
 */
public class StoreAvailabilityCheck implements HandlerInterceptor {

    /** Paths of the actions that start a run. */
    public static final String[] RUN_ACTIONS = {"/api/colleges/*/contingent/runs", "/api/colleges/*/flows/*/runs"};

    private static final int VALID_WITHIN_SECONDS = 2;

    private final JdbcTemplate jdbc;

    public StoreAvailabilityCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"POST".equals(request.getMethod())) {
            return true;
        }
        Boolean valid = jdbc.execute((ConnectionCallback<Boolean>) (Connection connection) -> connection.isValid(VALID_WITHIN_SECONDS));
        if (!Boolean.TRUE.equals(valid)) {
            throw new DataAccessResourceFailureException("соединение с базой не отвечает");
        }
        return true;
    }
}
