package ru.spobridge.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueTypesTest {

    @Test
    void snils_with_a_correct_checksum_is_accepted_in_both_spellings() {
        assertThat(Snils.parse("112-233-445 95").digits()).isEqualTo("11223344595");
        assertThat(Snils.parse("11223344595").formatted()).isEqualTo("112-233-445 95");
    }

    @ParameterizedTest
    @CsvSource({"123456789, 64", "000000001, 1", "112233445, 95", "920000004, 0"})
    void snils_checksum_follows_the_pension_fund_rule(String nine, int expected) {
        // 920000004 weighs 81+16+4 = 101, which the rule writes as 00
        assertThat(Snils.checksum(nine)).isEqualTo(expected);
    }

    @Test
    void snils_with_a_wrong_checksum_names_the_field_and_not_the_value() {
        assertThatThrownBy(() -> Snils.parse("112-233-445 96"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("snils");
                    assertThat(e.code()).isEqualTo("INVALID_SNILS");
                    assertThat(e.getMessage()).doesNotContain("112").doesNotContain("96");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"8 (912) 345-67-89", "+7 912 345 67 89", "89123456789", "9123456789", "+7(912)345-67-89"})
    void phone_is_normalised_to_plus_seven(String raw) {
        assertThat(Phone.parse(raw).value()).isEqualTo("+79123456789");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "+7 343 123 45 67", "8-912-ABC-67-89", "+1 912 345 67 89 00"})
    void phone_that_is_not_a_russian_mobile_is_refused(String raw) {
        assertThatThrownBy(() -> Phone.parse(raw)).isInstanceOf(InvalidValueException.class)
                .extracting("field").isEqualTo("phone");
    }

    @Test
    void blank_phone_is_reported_as_required() {
        assertThatThrownBy(() -> Phone.parse(" ")).extracting("code").isEqualTo("REQUIRED");
    }

    @Test
    void email_domain_is_lower_cased_and_bad_shapes_are_refused() {
        assertThat(Email.parse(" Anna.T@Example.ORG ").value()).isEqualTo("Anna.T@example.org");
        assertThatThrownBy(() -> Email.parse("anna.example.org")).extracting("field").isEqualTo("email");
        assertThatThrownBy(() -> Email.parse("anna@localhost")).extracting("code").isEqualTo("INVALID_FORMAT");
    }

    @Test
    void masked_forms_hide_the_person() {
        assertThat(new PersonName("Тестова", "Анна", "Сергеевна").masked()).isEqualTo("Т*****а А. С.");
        assertThat(Phone.parse("89123456789").toString()).isEqualTo("+7*******89");
        assertThat(Email.parse("anna@example.org").toString()).isEqualTo("a***@example.org");
        assertThat(Snils.parse("112-233-445 95").toString()).doesNotContain("112");
    }

    @Test
    void free_text_mask_removes_emails_phones_snils_dates_and_full_names() {
        String line = "Ошибка для Тестова Анна Сергеевна, a.testova@example.org, +7 912 345-67-89, "
                + "СНИЛС 112-233-445 95, родилась 2008-03-14 / 14.03.2008; запуск 2026-11-25T10:00:00";
        String masked = PersonalDataMask.mask(line);
        assertThat(masked).doesNotContain("Тестова", "Анна", "a.testova", "345-67-89", "112-233", "2008")
                .startsWith("Ошибка для")
                .contains("2026-11-25T10:00:00");
    }

    @Test
    void study_form_is_read_from_its_russian_label() {
        assertThat(StudyForm.fromLabel("Очно-заочная")).isEqualTo(StudyForm.MIXED);
        assertThatThrownBy(() -> StudyForm.fromLabel("дистанционная")).extracting("field").isEqualTo("form");
    }
}
