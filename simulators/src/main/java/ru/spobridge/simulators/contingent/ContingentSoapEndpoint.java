package ru.spobridge.simulators.contingent;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.bus.CXFBusFactory;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.springframework.beans.factory.DisposableBean;
import ru.spobridge.simulators.contingent.wsdl.ContingentPort;

/**
 * The Контингент SOAP endpoint on a private CXF bus, served by its own servlet at {@code /contingent-sim/ws/*}.
 * A private bus keeps the hub's CXF (its {@code cxf.path} servlet and client default bus) untouched.
 */
public final class ContingentSoapEndpoint implements DisposableBean {

    public static final String SERVLET_MAPPING = "/contingent-sim/ws/*";

    private final Bus bus;
    private final EndpointImpl endpoint;

    public ContingentSoapEndpoint(ContingentPort implementor) {
        Bus previousDefault = BusFactory.getDefaultBus(false);
        Bus previousThreadDefault = BusFactory.getThreadDefaultBus(false);
        try {
            bus = new CXFBusFactory().createBus();
            endpoint = new EndpointImpl(bus, implementor);
            endpoint.getOutFaultInterceptors().add(new FaultStatusInterceptor());
            endpoint.publish("/");
        } finally {
            // creating a bus makes it the JVM default if none exists yet: give the hub its own back
            if (BusFactory.getDefaultBus(false) != previousDefault) {
                BusFactory.setDefaultBus(previousDefault);
            }
            BusFactory.setThreadDefaultBus(previousThreadDefault);
        }
    }

    public Bus bus() {
        return bus;
    }

    /** A servlet bound to the private bus; the endpoint sits at its root. */
    public CXFNonSpringServlet servlet() {
        CXFNonSpringServlet servlet = new RootPathServlet();
        servlet.setBus(bus);
        return servlet;
    }

    @Override
    public void destroy() {
        endpoint.stop();
        bus.shutdown(false);
    }

    /** {@code /contingent-sim/ws} has no path info; CXF only finds the endpoint published at "/" under "/". */
    private static final class RootPathServlet extends CXFNonSpringServlet {

        @Override
        protected void invoke(HttpServletRequest request, HttpServletResponse response) throws ServletException {
            String pathInfo = request.getPathInfo();
            if (pathInfo != null && !pathInfo.isEmpty()) {
                super.invoke(request, response);
                return;
            }
            super.invoke(new HttpServletRequestWrapper(request) {
                @Override
                public String getPathInfo() {
                    return "/";
                }
            }, response);
        }
    }
}
