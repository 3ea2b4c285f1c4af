package cn.xinfang.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdNumberTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "11010519491231002X",
        "11010519491231002x",
        "44030519900101123X",
        "110101200001010010"
      })
  void acceptsNumbersWithCorrectCheckCharacter(String id) {
    assertThat(ResidentIdNumber.Validator.isValid(id)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "110105194912310021", // wrong check character
        "11010519491231002", // 17 characters
        "1101051949123100211", // 19 characters
        "010105194912310021", // region cannot start with 0
        "110105194902300020", // 30 February (check character correct)
        "110105209901010012", // born in the future (check character correct)
        "11010519491231002Y", // check character must be a digit or X
        "ABCDEFGHIJKLMNOPQR"
      })
  void rejectsMalformedNumbers(String id) {
    assertThat(ResidentIdNumber.Validator.isValid(id)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void blankMeansNotGiven(String id) {
    assertThat(new ResidentIdNumber.Validator().isValid(id, null)).isTrue();
  }
}
