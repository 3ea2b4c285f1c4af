package cn.xinfang.casestore;

import java.time.Instant;
import java.util.List;

/**
 * A validated petition about to be registered (登记, Art. 19, 21). The first person is the
 * petitioner.
 */
public record NewPetition(
    String requestId,
    Channel channel,
    Instant receivedAt,
    int personCount,
    String district,
    String category,
    String title,
    String content,
    List<Person> persons,
    String registeredBy) {

  /** 集体访: five people or more (docs/domain.md, "Glossary"). */
  public static final int GROUP_THRESHOLD = 5;

  public boolean groupPetition() {
    return personCount >= GROUP_THRESHOLD;
  }

  public Person petitioner() {
    return persons.get(0);
  }
}
