package ru.spobridge.app.notify;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Links to the console pages a message is about, on the address people open ({@code spo.console.base-url}). */
@Component
public class ConsoleLinks {

    private final String base;

    public ConsoleLinks(@Value("${spo.console.base-url:http://127.0.0.1:8080}") String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public String overview(String college) {
        return page("index.html", "college", college);
    }

    public String held(long runId) {
        return page("held.html", "run", Long.toString(runId));
    }

    public String runs(String college) {
        return page("runs.html", "college", college);
    }

    public String deadLetters(String college) {
        return page("dead-letters.html", "college", college);
    }

    public String reports(String college) {
        return page("reports.html", "college", college);
    }

    public String archives(String college) {
        return page("archives.html", "college", college);
    }

    public String quality(String college) {
        return page("quality.html", "college", college);
    }

    public String hub() {
        return base + "/index.html";
    }

    private String page(String page, String parameter, String value) {
        return base + "/" + page + "?" + parameter + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
