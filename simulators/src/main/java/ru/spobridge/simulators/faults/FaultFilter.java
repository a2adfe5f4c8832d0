package ru.spobridge.simulators.faults;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Predicate;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;

/** Applies a simulator's {@link FaultInjector} before its data endpoints are reached. */
public final class FaultFilter implements Filter {

    private final FaultInjector faults;
    private final FaultFlavour flavour;
    private final int retryAfterSeconds;
    private final Predicate<HttpServletRequest> isDataRequest;

    public FaultFilter(FaultInjector faults, FaultFlavour flavour, int retryAfterSeconds,
                       Predicate<HttpServletRequest> isDataRequest) {
        this.faults = faults;
        this.flavour = flavour;
        this.retryAfterSeconds = retryAfterSeconds;
        this.isDataRequest = isDataRequest;
    }

    /** This filter registered under {@code name} for {@code urlPattern}, ahead of the hub's own filters. */
    public FilterRegistrationBean<FaultFilter> registration(String name, String urlPattern) {
        FilterRegistrationBean<FaultFilter> registration = new FilterRegistrationBean<>(this);
        registration.setName(name);
        registration.addUrlPatterns(urlPattern);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return registration;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (!isDataRequest.test(request)) {
            chain.doFilter(req, res);
            return;
        }
        FaultDecision decision = faults.decide();
        pause(faults.latency());
        if (decision instanceof FaultDecision.Fail fail) {
            fail(response, fail.status());
        } else if (decision instanceof FaultDecision.Slow slow) {
            pause(slow.delay());
            chain.doFilter(req, res);
        } else if (decision instanceof FaultDecision.Malformed) {
            write(response, 200, flavour.malformedContentType(), flavour.malformedBody());
        } else {
            chain.doFilter(req, res);
        }
    }

    private void fail(HttpServletResponse response, int status) throws IOException {
        if (status == 429 || status == 503) {
            response.setHeader("Retry-After", Integer.toString(retryAfterSeconds));
        }
        if (status == 401) {
            response.setHeader("WWW-Authenticate", flavour.challenge());
        }
        write(response, status, flavour.failureContentType(), flavour.failureBody(status));
    }

    private static void write(HttpServletResponse response, int status, String contentType, byte[] body)
            throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    private static void pause(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
