package cn.xinfang.intake;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.calendar.StatutoryCalendar;
import cn.xinfang.casestore.MilestoneType;
import cn.xinfang.casestore.NewPetition;
import cn.xinfang.casestore.OpinionKind;
import cn.xinfang.casestore.OpinionStore;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.engine.PetitionProcess;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registration (登记, Art. 19, 21). The case row, its timeline and its process instance are written
 * in one database transaction: the engine joins the Spring transaction and runs to the first wait
 * state (triagePetition), so a 201 is only ever sent for a case that is committed together with its
 * process.
 */
@Service
public class IntakeService {

  private static final Logger LOG = LoggerFactory.getLogger(IntakeService.class);

  /** Longest a request waits for a racing twin with the same requestId to commit. */
  private static final Duration RACE_WAIT = Duration.ofSeconds(10);

  /**
   * String variables are limited to 4000 characters in the engine; the full text stays in the case
   * store.
   */
  static final int EXCERPT_LENGTH = 3000;

  private static final DateTimeFormatter RECEIVED_ON =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final PetitionStore store;
  private final OpinionStore opinions;
  private final RuntimeService runtimeService;
  private final TransactionTemplate transaction;

  public IntakeService(
      PetitionStore store,
      OpinionStore opinions,
      RuntimeService runtimeService,
      TransactionTemplate transaction) {
    this.store = store;
    this.opinions = opinions;
    this.runtimeService = runtimeService;
    this.transaction = transaction;
  }

  /**
   * Registers a petition received over the API; the same requestId always answers the same case.
   */
  public Registration register(NewPetition petition) {
    String requestId = petition.requestId();
    if (requestId != null) {
      Optional<PetitionRecord> existing = store.findByRequestId(requestId);
      if (existing.isPresent()) {
        return new Registration(existing.get(), true);
      }
    }
    try {
      return new Registration(transaction.execute(tx -> registerAndStart(petition)), false);
    } catch (DataAccessException e) {
      if (requestId == null) {
        throw e;
      }
      // A twin request with the same key won the unique constraint on petition.request_id.
      return new Registration(awaitTwin(requestId, e), true);
    }
  }

  private PetitionRecord registerAndStart(NewPetition petition) {
    PetitionRecord record = record(petition);
    runtimeService
        .createProcessInstanceByKey(PetitionProcess.PROCESS_KEY)
        .businessKey(record.caseNumber())
        .setVariables(processVariables(record, petition))
        .execute();
    return record;
  }

  /**
   * Stores the case with its REGISTERED milestone; used by the API and by the registration service
   * task behind the clerk's start form. Must run inside a transaction.
   */
  public PetitionRecord record(NewPetition petition) {
    PetitionRecord record = store.insert(petition);
    store.addMilestone(
        record.caseNumber(),
        MilestoneType.REGISTERED,
        true,
        "信访事项已登记（" + record.channel().label() + "）",
        null);
    return record;
  }

  /** What the engine needs to show the case on the triage form and to route it. */
  public Map<String, Object> processVariables(PetitionRecord record, NewPetition petition) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(Var.CASE_NUMBER, record.caseNumber());
    vars.put(Var.CHANNEL, record.channel().name());
    vars.put(Var.RECEIVED_AT, Date.from(petition.receivedAt()));
    vars.put(
        Var.RECEIVED_ON, RECEIVED_ON.format(petition.receivedAt().atZone(StatutoryCalendar.ZONE)));
    vars.put(Var.TITLE, record.title());
    vars.put(Var.CONTENT_EXCERPT, excerpt(record.content()));
    vars.put(Var.PETITIONER_NAME, petition.petitioner().name());
    vars.put(Var.PERSON_COUNT, record.personCount());
    vars.put(Var.GROUP_PETITION, record.groupPetition());
    vars.put(Var.DISTRICT, record.district());
    vars.put(Var.CATEGORY, record.category());
    vars.put(Var.TERMINATED_CASES, terminatedCases(record, petition));
    return vars;
  }

  /**
   * The petitioner's earlier cases concluded by 复核, one line each, for the triage form: the clerk
   * decides whether the new petition brings the same facts and reasons (reviewConcluded, Art. 36).
   * Null when there are none, so the form hides the field.
   */
  private String terminatedCases(PetitionRecord record, NewPetition petition) {
    List<String> lines =
        store.terminatedCasesOf(petition.petitioner(), record.caseNumber()).stream()
            .map(
                c ->
                    c.caseNumber()
                        + "　“"
                        + c.title()
                        + "”　"
                        + opinions
                            .latest(c.id(), OpinionKind.RE_REVIEW)
                            .map(
                                o ->
                                    StatutoryCalendar.chineseDay(o.issuedAt().toInstant()) + "复核终结")
                            .orElse("复核终结"))
            .toList();
    return lines.isEmpty() ? null : String.join("\n", lines);
  }

  static String excerpt(String content) {
    return content.length() <= EXCERPT_LENGTH
        ? content
        : content.substring(0, EXCERPT_LENGTH) + "……（全文见案件库）";
  }

  private PetitionRecord awaitTwin(String requestId, DataAccessException cause) {
    Instant giveUp = Instant.now().plus(RACE_WAIT);
    do {
      Optional<PetitionRecord> twin = store.findByRequestId(requestId);
      if (twin.isPresent()) {
        return twin.get();
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    } while (Instant.now().isBefore(giveUp));
    LOG.warn("registration with requestId {} failed and no twin committed", requestId);
    throw cause;
  }
}
