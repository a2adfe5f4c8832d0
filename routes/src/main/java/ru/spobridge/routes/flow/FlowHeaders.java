package ru.spobridge.routes.flow;

import org.apache.camel.Exchange;

/** The message headers every flow's routes share: which college, which run, what started it, which flow. */
public final class FlowHeaders {

    public static final String COLLEGE = "spoCollegeId";
    public static final String RUN = "spoRunId";
    public static final String TRIGGER = "spoTrigger";
    public static final String FLOW = "spoFlow";
    /** A flow's read mode; {@link #MODE_FULL} reads everything instead of the changes since the cursor. */
    public static final String MODE = "spoMode";
    public static final String MODE_FULL = "full";

    private FlowHeaders() {
    }

    public static String college(Exchange exchange) {
        return exchange.getIn().getHeader(COLLEGE, String.class);
    }

    public static Long run(Exchange exchange) {
        return exchange.getIn().getHeader(RUN, Long.class);
    }

    /** The run id of a step that cannot run without one. */
    public static long requireRun(Exchange exchange) {
        Long run = run(exchange);
        if (run == null) {
            throw new IllegalStateException("Шаг потока вызван без открытого запуска");
        }
        return run;
    }

    public static String trigger(Exchange exchange) {
        String trigger = exchange.getIn().getHeader(TRIGGER, String.class);
        return trigger == null ? "manual" : trigger;
    }

    public static String flow(Exchange exchange) {
        return exchange.getIn().getHeader(FLOW, String.class);
    }

    public static boolean fullRead(Exchange exchange) {
        return MODE_FULL.equals(exchange.getIn().getHeader(MODE, String.class));
    }
}
