package ru.spobridge.simulators.state;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** After every request that may write to a platform simulator (anything but GET and HEAD), asks for a state write. */
public class StateChangeFilter extends OncePerRequestFilter {

    private final PlatformStateFiles files;

    public StateChangeFilter(PlatformStateFiles files) {
        this.files = files;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            String method = request.getMethod();
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                files.changed();
            }
        }
    }
}
