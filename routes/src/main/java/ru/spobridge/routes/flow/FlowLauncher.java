package ru.spobridge.routes.flow;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.Colleges;

/** Starts a run of a flow for a college now — an operator's «Запустить», the start-up pass, a test. */
@Component
public class FlowLauncher {

    private final Flows flows;
    private final Colleges colleges;
    private final ProducerTemplate camel;
    private final RunGate gate;

    public FlowLauncher(Flows flows, Colleges colleges, ProducerTemplate camel, RunGate gate) {
        this.flows = flows;
        this.colleges = colleges;
        this.camel = camel;
        this.gate = gate;
    }

    /** Where a run of this flow for this college starts; empty when the flow only takes files. */
    public Optional<String> entry(String collegeId, String flow) {
        return flows.get(flow).runEntry(collegeId, colleges.settings(collegeId));
    }

    /**
     * Runs the flow and returns when its read is stored and its batches are on the bus.
     *
     * @return the run id, or null when the flow did not open a run (a previous one is still reading)
     * @throws IllegalArgumentException when the flow cannot be started by command
     */
    public Long run(String collegeId, String flow, String trigger, boolean full) {
        return run(collegeId, flow, trigger, full, true);
    }

    /**
     * An operator's run: while the flow is paused or blacked out it runs only when the operator has confirmed.
     *
     * @throws GateClosedException when the gate is closed and the run was not confirmed
     */
    public Long run(String collegeId, String flow, String trigger, boolean full, boolean confirmed) {
        if (!confirmed) {
            RunGate.Decision decision = gate.manual(collegeId, flow);
            if (!decision.open()) {
                throw new GateClosedException(decision);
            }
        }
        String entry = entry(collegeId, flow).orElseThrow(() -> new IllegalArgumentException(
                "Поток «" + flow + "» запускается только загрузкой файла"));
        Map<String, Object> headers = new HashMap<>();
        headers.put(FlowHeaders.COLLEGE, collegeId);
        headers.put(FlowHeaders.TRIGGER, trigger);
        headers.put(FlowHeaders.FLOW, flow);
        if (full) {
            headers.put(FlowHeaders.MODE, FlowHeaders.MODE_FULL);
        }
        Exchange exchange = camel.request(entry, ex -> ex.getIn().setHeaders(headers));
        Long runId = exchange.getMessage().getHeader(FlowHeaders.RUN, Long.class);
        Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (runId == null && caught instanceof org.springframework.dao.DataAccessException storeDown) {
            // the run could not even be opened: the caller says «хранилище недоступно», not «уже выполняется»
            throw storeDown;
        }
        return runId;
    }

    /** Starts the flow without waiting (the start-up pass of every college, the catch-up after a pause), if the gate is open. */
    public void runAsync(String collegeId, String flow, String trigger) {
        Optional<String> entry = entry(collegeId, flow);
        if (entry.isPresent() && gate.admit(collegeId, flow, trigger)) {
            camel.asyncRequestBodyAndHeaders(entry.get(), null,
                    Map.of(FlowHeaders.COLLEGE, collegeId, FlowHeaders.TRIGGER, trigger, FlowHeaders.FLOW, flow));
        }
    }
}
