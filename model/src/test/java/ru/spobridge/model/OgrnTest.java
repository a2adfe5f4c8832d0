package ru.spobridge.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OgrnTest {

    @ParameterizedTest
    @ValueSource(strings = {"1025900000015", "1027400000022", "1024200000032", "1027700132195"})
    void a_valid_ogrn_is_accepted(String digits) {
        assertThat(Ogrn.parse(digits).digits()).isEqualTo(digits);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1025900000017", "1027400000021", "1024200000034"})
    void a_wrong_check_digit_is_refused_naming_the_field(String digits) {
        assertThatThrownBy(() -> Ogrn.parse(digits)).isInstanceOfSatisfying(InvalidValueException.class, e -> {
            assertThat(e.field()).isEqualTo("ogrn");
            assertThat(e.getMessage()).startsWith("ОГРН: неверная контрольная цифра (ожидается ");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "102590000001", "10259000000150", "10259000000a5"})
    void letters_or_a_wrong_length_are_refused(String digits) {
        assertThatThrownBy(() -> Ogrn.parse(digits)).isInstanceOf(InvalidValueException.class)
                .hasMessage("ОГРН должен состоять из 13 цифр");
    }
}
