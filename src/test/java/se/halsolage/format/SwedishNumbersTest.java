package se.halsolage.format;

import org.junit.jupiter.api.Test;
import se.halsolage.domain.Unit;

import static org.assertj.core.api.Assertions.assertThat;

class SwedishNumbersTest {
    @Test
    void decimalCommaThinSpaceAndRealMinus() {
        assertThat(SwedishNumbers.number(87.66, 1)).isEqualTo("87,7");
        assertThat(SwedishNumbers.number(1234.5, 1)).isEqualTo("1\u202f234,5"); // four digits grouped too (issue 19)
        assertThat(SwedishNumbers.number(999, 0)).isEqualTo("999");
        assertThat(SwedishNumbers.number(12345.5, 1)).isEqualTo("12\u202f345,5");
        assertThat(SwedishNumbers.number(245000, 0)).isEqualTo("245\u202f000");
        assertThat(SwedishNumbers.number(-3.25, 1)).isEqualTo("\u22123,3");
        assertThat(SwedishNumbers.number(0.04, 1)).isEqualTo("0,0");
    }

    @Test
    void valuesAndChangesWithUnits() {
        assertThat(SwedishNumbers.value(87.7, Unit.PERCENT)).isEqualTo("87,7\u00a0%");
        assertThat(SwedishNumbers.value(81.24, Unit.YEARS)).isEqualTo("81,2\u00a0år");
        assertThat(SwedishNumbers.change(2, Unit.PERCENT)).isEqualTo("+2,0\u00a0p.e.");
        assertThat(SwedishNumbers.change(-5, Unit.PERCENT)).isEqualTo("\u22125,0\u00a0p.e.");
        assertThat(SwedishNumbers.change(0.01, Unit.PERCENT)).isEqualTo("±0,0\u00a0p.e.");
        assertThat(SwedishNumbers.percentChange(0.125)).isEqualTo("+12,5\u00a0%");
    }

    @Test
    void plainOutputStaysParseable() {
        assertThat(SwedishNumbers.plain(83.14)).isEqualTo("83,14");
        assertThat(SwedishNumbers.plain(83.0)).isEqualTo("83");
        assertThat(SwedishNumbers.plain(-1.5)).isEqualTo("-1,5");
        assertThat(SwedishNumbers.plain(0.123456)).isEqualTo("0,1235");
    }
}
