package cn.xinfang.intake;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.calendar.Deadlines;
import cn.xinfang.calendar.StatutoryCalendar;
import cn.xinfang.casestore.CaseMetricStore;
import cn.xinfang.casestore.NewPetition;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.engine.AsSystem;
import cn.xinfang.engine.CurrentUser;
import cn.xinfang.engine.PetitionProcess.Clocks;
import cn.xinfang.engine.RegistrationObserver;
import cn.xinfang.web.InvalidInputException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Task_RegisterPetition, the first step of every petition process. A case registered over the API
 * arrives with its case number and is linked to this process. Otherwise a clerk registered a visit,
 * letter or call with the start form in Tasklist: the same validation as the API applies, the case
 * row is written in the transaction that starts the process, and the personal data leaves the
 * engine for the case store. The registering clerk is the user the request authenticated as, never
 * a variable (a DISCIPLINE case is later confined to that clerk and 纪检监察).
 */
@Component
public class RegisterPetitionDelegate implements JavaDelegate {

  /** Start-form fields that hold personal data or the full text: kept in the case store only. */
  private static final List<String> CASE_STORE_ONLY =
      List.of(Var.PETITIONER_ID_NUMBER, Var.PETITIONER_PHONE, Var.PETITIONER_ADDRESS, Var.CONTENT);

  private final RegistrationValidator validator;
  private final IntakeService intake;
  private final PetitionStore store;
  private final CurrentUser currentUser;
  private final Deadlines deadlines;
  private final CaseMetricStore metrics;
  private final List<RegistrationObserver> observers;

  public RegisterPetitionDelegate(
      RegistrationValidator validator,
      IntakeService intake,
      PetitionStore store,
      CurrentUser currentUser,
      Deadlines deadlines,
      CaseMetricStore metrics,
      List<RegistrationObserver> observers) {
    this.observers = observers;
    this.deadlines = deadlines;
    this.metrics = metrics;
    this.validator = validator;
    this.intake = intake;
    this.store = store;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = (String) execution.getVariable(Var.CASE_NUMBER);
    if (caseNumber == null) {
      caseNumber = registerFromStartForm(execution);
    }
    // Registered over the API in this same transaction, or just now from the start form: either way
    // the case must be this process's own. A process started with someone else's case number is
    // refused.
    if (!caseNumber.equals(execution.getProcessBusinessKey())
        || !store.linkProcess(caseNumber, execution.getProcessInstanceId())) {
      throw new InvalidInputException(Var.CASE_NUMBER, "案件 " + caseNumber + " 不存在或已在办理中，不能另行发起流程");
    }
    // the bureau triages within 15 days of receipt (Art. 22), from the case store's receipt
    PetitionRecord record = store.get(caseNumber);
    Date triageDue = deadlines.dueDate(Clocks.TRIAGE, Date.from(record.receivedAt().toInstant()));
    execution.setVariable(Var.TRIAGE_DUE, triageDue);
    metrics.registered(
        record,
        store.persons(record.id()).get(0),
        OffsetDateTime.ofInstant(triageDue.toInstant(), ZoneOffset.UTC));
    // the early warning (REPEAT, GROUP) reads the case_metric row just written; the triage form
    // shows what it found
    List<String> warnings = new ArrayList<>();
    observers.forEach(o -> warnings.addAll(o.registered(record)));
    execution.setVariable(
        Var.CASE_WARNINGS, warnings.isEmpty() ? null : String.join("\n", warnings));
  }

  private String registerFromStartForm(DelegateExecution execution) {
    RegistrationRequest request =
        new RegistrationRequest(
            null,
            text(execution, Var.CHANNEL),
            receivedAt(execution.getVariable(Var.RECEIVED_AT)),
            new PersonRequest(
                text(execution, Var.PETITIONER_NAME),
                text(execution, Var.PETITIONER_ID_NUMBER),
                text(execution, Var.PETITIONER_PHONE),
                text(execution, Var.PETITIONER_ADDRESS)),
            personCount(execution.getVariable(Var.PERSON_COUNT)),
            text(execution, Var.DISTRICT),
            text(execution, Var.CATEGORY),
            text(execution, Var.TITLE),
            text(execution, Var.CONTENT),
            null);
    NewPetition petition = validator.validate(request, currentUser.id().orElse(null));
    PetitionRecord record = intake.record(petition);
    execution.setProcessBusinessKey(record.caseNumber());
    CASE_STORE_ONLY.forEach(execution::removeVariable);
    execution.setVariables(intake.processVariables(record, petition));
    forgetHistoryAfterCommit(execution);
    return record.caseNumber();
  }

  /**
   * The start form's personal data was written to the history as variable updates. Once the
   * registration has committed, those historic variables (and their details) are deleted, so that
   * Cockpit and /engine-rest/history never show them; the case store is their only home.
   */
  private static void forgetHistoryAfterCommit(DelegateExecution execution) {
    String processInstanceId = execution.getProcessInstanceId();
    HistoryService history = execution.getProcessEngineServices().getHistoryService();
    IdentityService identity = execution.getProcessEngineServices().getIdentityService();
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            // system housekeeping: the clerk who registered need not hold DELETE_HISTORY
            AsSystem.run(
                identity,
                () ->
                    history
                        .createHistoricVariableInstanceQuery()
                        .processInstanceIdIn(processInstanceId)
                        .includeDeleted()
                        .variableNameIn(CASE_STORE_ONLY.toArray(String[]::new))
                        .list()
                        .forEach(v -> history.deleteHistoricVariableInstance(v.getId())));
          }
        });
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }

  /** form-js sends a date as text; the engine or a REST client may send a Date. */
  private static String receivedAt(Object value) {
    if (value instanceof Date date) {
      return date.toInstant().atZone(StatutoryCalendar.ZONE).toOffsetDateTime().toString();
    }
    return value == null ? null : value.toString();
  }

  private static Integer personCount(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.intValue();
    }
    throw new InvalidInputException(Var.PERSON_COUNT, "信访人数应为正整数");
  }
}
