package ru.spobridge.connectors.zup;

import java.net.URI;
import java.time.Duration;

/** A 1С:ЗУП OData publication: its address (…/odata/standard.odata/), the 1С user and its password. */
public record ZupSettings(URI baseUrl, String user, String password, int pageSize, Duration timeout) {
}
