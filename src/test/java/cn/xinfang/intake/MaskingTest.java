package cn.xinfang.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

  @Test
  void idNumberKeepsRegionAndLastFour() {
    assertThat(Masking.idNumber("11010519491231002X")).isEqualTo("110105********002X");
    assertThat(Masking.idNumber(null)).isNull();
  }

  @Test
  void mobileKeepsPrefixAndLastFour() {
    assertThat(Masking.phone("13800138000")).isEqualTo("138****8000");
    assertThat(Masking.phone("+86 13800138000")).isEqualTo("138****8000");
  }

  @Test
  void landlineKeepsAreaCodeAndLastTwo() {
    assertThat(Masking.phone("0755-12345678")).isEqualTo("0755******78");
  }

  @Test
  void addressKeepsOnlyTheBeginning() {
    assertThat(Masking.address("深圳市福田区福华路1号")).isEqualTo("深圳市福田区******");
    assertThat(Masking.address("福田区")).isEqualTo("******");
  }
}
