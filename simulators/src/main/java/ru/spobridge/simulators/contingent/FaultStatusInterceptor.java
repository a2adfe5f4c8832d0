package ru.spobridge.simulators.contingent;

import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import ru.spobridge.simulators.contingent.wsdl.ContingentFault_Exception;

/**
 * Gives a {@link ContingentFault_Exception} its HTTP status (401, 413, ...) and a Client fault code for 4xx:
 * CXF would send every declared fault as 500 Server; Soap11FaultOutInterceptor copies the status we set.
 */
final class FaultStatusInterceptor extends AbstractPhaseInterceptor<Message> {

    FaultStatusInterceptor() {
        super(Phase.PRE_LOGICAL);
    }

    @Override
    public void handleMessage(Message message) {
        Exception content = message.getContent(Exception.class);
        if (content instanceof Fault fault && fault.getCause() instanceof ContingentFault_Exception declared
                && declared.getFaultInfo() != null) {
            int status = ContingentFaults.httpStatus(declared.getFaultInfo().getCode());
            fault.setStatusCode(status);
            if (status < 500) {
                fault.setFaultCode(Fault.FAULT_CODE_CLIENT);
            }
        }
    }
}
