package ru.spobridge.app;

import java.util.function.Consumer;
import ru.spobridge.simulators.contingent.ContingentSimulator;
import ru.spobridge.simulators.contingent.demo.DemoCollege;
import ru.spobridge.simulators.contingent.demo.DemoContingent;
import ru.spobridge.simulators.contingent.wsdl.Group;
import ru.spobridge.simulators.contingent.wsdl.Guardian;
import ru.spobridge.simulators.contingent.wsdl.Movement;
import ru.spobridge.simulators.contingent.wsdl.Student;
import ru.spobridge.simulators.contingent.wsdl.Study;
import ru.spobridge.simulators.contingent.wsdl.Subgroup;

/** Small builders of registry data for tests: each test makes its own. */
final class SourceData {

    private SourceData() {
    }

    static DemoCollege seedDemo(ContingentSimulator contingent, String ogrn) {
        DemoCollege demo = DemoContingent.generate(ogrn, 640, 27, 42);
        demo.groups().forEach(group -> contingent.putGroup(ogrn, group));
        demo.students().forEach(student -> contingent.putStudent(ogrn, student));
        return demo;
    }

    static Group group(String code) {
        Group group = new Group();
        group.setCode(code);
        group.setName(code + " (тест)");
        group.setSpecialty("09.02.07");
        group.setCourse("2");
        group.setForm("очная");
        for (String sub : new String[] {"1", "2"}) {
            Subgroup subgroup = new Subgroup();
            subgroup.setCode(sub);
            subgroup.setName("Подгруппа " + sub);
            group.getSubgroup().add(subgroup);
        }
        return group;
    }

    /** A valid student of group ИСП-21; the change adjusts what the test is about. */
    static Student student(String externalId, Consumer<Student> change) {
        Student student = new Student();
        student.setExternalId(externalId);
        student.setLastName("Проверкина");
        student.setFirstName("Дарья");
        student.setMiddleName("Игоревна");
        student.setGender("F");
        student.setBirthDate("2007-05-20");
        student.setSnils("112-233-445 95");
        student.setEmail(externalId + "@test.spo-college.example");
        student.setPhone("8 (912) 000-11-22");
        Study study = new Study();
        study.setGroup("ИСП-21");
        study.setSubgroup("1");
        study.setForm("очная");
        study.setCourse("2");
        study.setSpecialty("09.02.07");
        study.setIndividualPlan("false");
        student.setStudy(study);
        Guardian mother = new Guardian();
        mother.setExternalId("gdn-" + externalId);
        mother.setRelation("мать");
        mother.setLastName("Проверкина");
        mother.setFirstName("Ольга");
        mother.setPhone("+79120003344");
        mother.setEmail("mother-" + externalId + "@test.spo-college.example");
        student.getGuardian().add(mother);
        change.accept(student);
        return student;
    }

    /** A movement order; the order date is two days before it takes effect. */
    static Movement movement(String externalId, String studentId, String kind, String effectiveDate, String toGroup) {
        Movement movement = new Movement();
        movement.setExternalId(externalId);
        movement.setStudentExternalId(studentId);
        movement.setKind(kind);
        movement.setOrderNo(externalId.replaceAll("\\D", "") + "-к");
        movement.setOrderDate(java.time.LocalDate.parse(effectiveDate).minusDays(2).toString());
        movement.setEffectiveDate(effectiveDate);
        movement.setToGroup(toGroup);
        return movement;
    }
}
