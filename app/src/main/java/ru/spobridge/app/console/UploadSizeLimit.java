package ru.spobridge.app.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an upload whose declared size is over the limit before its body is read into memory: a 2 GB file must not
 * take the hub down to be told it is too large. A body sent without its length is checked after reading, by the API.
 */
@Component
public class UploadSizeLimit extends OncePerRequestFilter {

    /** The endpoints that take a file as the request body. */
    private static final Pattern UPLOADS = Pattern.compile("/api/colleges/[^/]+/(staff/files|marks/statement|schedule/(asc|changes|attestation)|reference|ktp)");
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !UPLOADS.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > UploadErrors.MAX_UPLOAD_BYTES) {
            ResponseEntity<Map<String, Object>> answer = UploadErrors.tooLarge(length);
            response.setStatus(answer.getStatusCode().value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(JSON.writeValueAsString(answer.getBody()));
            return;
        }
        chain.doFilter(request, response);
    }
}
