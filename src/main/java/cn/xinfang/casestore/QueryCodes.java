package cn.xinfang.casestore;

import java.security.SecureRandom;
import org.springframework.stereotype.Component;

/**
 * Random query codes (查询码) for petitioners. Drawn from a secure random source, never derived from
 * the case number; 12 symbols of a 31-letter alphabet without look-alikes (0/O, 1/I/L) ≈ 59 bits.
 */
@Component
public class QueryCodes {

  private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
  private static final int LENGTH = 12;

  private final SecureRandom random = new SecureRandom();

  public String next() {
    char[] code = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      code[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new String(code);
  }
}
