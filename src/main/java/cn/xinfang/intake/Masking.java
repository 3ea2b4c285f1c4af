package cn.xinfang.intake;

/**
 * Masks personal data for anyone who does not handle the case (docs/domain.md, "Protection and
 * order").
 */
public final class Masking {

  private Masking() {}

  /** 110105********1234: region and last four kept. */
  public static String idNumber(String id) {
    return id == null ? null : id.substring(0, 6) + "********" + id.substring(14);
  }

  /** 138****5678 for mobiles; landlines keep the area code and the last two digits. */
  public static String phone(String phone) {
    if (phone == null) {
      return null;
    }
    String digits = phone.replaceAll("\\D", "");
    if (digits.length() >= 11 && digits.charAt(digits.length() - 11) == '1') {
      String mobile = digits.substring(digits.length() - 11);
      return mobile.substring(0, 3) + "****" + mobile.substring(7);
    }
    int keep = Math.min(4, Math.max(0, digits.length() - 6));
    return digits.substring(0, keep)
        + "*".repeat(Math.max(0, digits.length() - keep - 2))
        + digits.substring(digits.length() - 2);
  }

  /** The first six characters (city, district) and a mask. */
  public static String address(String address) {
    if (address == null) {
      return null;
    }
    return address.length() <= 6 ? "******" : address.substring(0, 6) + "******";
  }
}
