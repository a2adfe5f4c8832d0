package ru.spobridge.mappings.zup;

/** Entities of a 1С:ЗУП OData publication as the hub reads them (shared/contracts/staff-sources.md). */
public final class ZupRecords {

    private ZupRecords() {
    }

    /** Catalog_ФизическиеЛица with its contact information. */
    public record Person(String ref, String email, String phone) {
    }

    /** InformationRegister_ФИОФизическихЛиц, the latest record of a person. */
    public record Name(String personRef, String period, String lastName, String firstName, String middleName) {
    }

    /** Catalog_Должности. */
    public record Position(String ref, String code, String title) {
    }

    /** Document_ПриемНаРаботу / КадровыйПеревод / Увольнение: kind is hire, transfer or dismissal. */
    public record Document(String kind, String ref, String number, String date, boolean posted, boolean deletionMark,
                           String personRef, String effectiveDate, String positionRef) {
    }
}
