package ru.spobridge.routes.schedule;

import java.util.Set;
import org.springframework.stereotype.Component;
import ru.spobridge.routes.flow.Flow;

/** The reference-data flow in the kernel: справочники from files, published before the schedule that refers to them. */
@Component
public class ReferenceFlow implements Flow {

    @Override
    public String name() {
        return ReferenceIntake.FLOW;
    }

    @Override
    public Set<String> entityTypes() {
        return Set.of(ReferenceIntake.REFERENCE);
    }
}
