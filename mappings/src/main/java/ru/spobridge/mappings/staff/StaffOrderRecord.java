package ru.spobridge.mappings.staff;

/**
 * An HR order as a source gives it, all text: the same shape whether it came from 1С:ЗУП OData, an EnterpriseData
 * XML file or a CSV file, so that one mapping checks them all.
 */
public record StaffOrderRecord(String orderId, String kind, String orderNo, String orderDate, String effectiveDate,
                               String personId, String lastName, String firstName, String middleName, String email,
                               String phone, String positionCode) {

    @Override
    public String toString() {
        return "StaffOrderRecord[" + orderId + "]";
    }
}
