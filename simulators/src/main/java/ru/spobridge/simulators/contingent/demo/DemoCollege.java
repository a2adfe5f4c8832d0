package ru.spobridge.simulators.contingent.demo;

import java.util.List;
import java.util.Map;
import ru.spobridge.simulators.contingent.wsdl.Group;
import ru.spobridge.simulators.contingent.wsdl.Movement;
import ru.spobridge.simulators.contingent.wsdl.Student;

/**
 * A generated college: its groups, its students and which students are deliberately invalid in which field
 * ({@code phone, email, snils, group, birthDate, firstName}), and its movements in effective-date order.
 */
public record DemoCollege(String ogrn, List<Group> groups, List<Student> students,
                          Map<String, String> invalidFieldByExternalId, List<Movement> movements) {
}
