package cn.xinfang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.casestore.Channel;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStatus;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.engine.PetitionProcess;
import cn.xinfang.support.ApplicationIT;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A petitioner at the counter: {@code clerk1} is refused a wrong ID number in one Chinese sentence,
 * then registers a visit with Tasklist's start form, is sent to 登记回执 by the success message, opens
 * the printable receipt from there (with the Tasklist login, no second password) and the query code
 * on it opens the case in the portal; driven by {@code src/test/browser/counter-receipt.mjs}, see
 * {@link BrowserScript} for what it needs.
 */
@ApplicationIT
class CounterReceiptIT {

  @LocalServerPort int port;

  @Autowired PetitionStore store;

  @Autowired RuntimeService runtimeService;

  @BeforeEach
  void requireBrowserTooling() {
    BrowserScript.requireTooling();
  }

  @Test
  void clerkRegistersVisitAndPrintsReceiptWhoseQueryCodeOpensTheCase() throws Exception {
    // ASCII only through the environment (BrowserScript); unique, to find this registration
    String title = "lift out of order " + UUID.randomUUID().toString().substring(0, 8);
    long instances = petitions();

    JsonNode result =
        BrowserScript.named("counter-receipt")
            .run(
                port,
                Map.of("TITLE", title),
                List.of(
                    "receipt-0-refused.png",
                    "receipt-1-start-form.png",
                    "receipt-2-registered.png",
                    "receipt-3-list.png",
                    "receipt-4-receipt.png",
                    "receipt-5-portal.png",
                    "receipt-failure.png"))
            .assertSucceeded()
            .result();

    // the registration refused for its ID number left nothing behind
    assertThat(petitions()).isEqualTo(instances + 1);
    String caseNumber = result.path("caseNumber").asText();
    PetitionRecord registered = store.findByCaseNumber(caseNumber).orElseThrow();
    assertThat(registered.title()).isEqualTo(title);
    assertThat(registered.channel()).isEqualTo(Channel.VISIT);
    assertThat(registered.registeredBy()).isEqualTo("clerk1");
    assertThat(registered.status()).isEqualTo(PetitionStatus.REGISTERED);
    // the code the receipt printed is the case's
    assertThat(result.path("queryCode").asText()).isEqualTo(registered.queryCode());
    for (String screenshot :
        List.of(
            "receipt-0-refused.png",
            "receipt-1-start-form.png",
            "receipt-2-registered.png",
            "receipt-3-list.png",
            "receipt-4-receipt.png",
            "receipt-5-portal.png")) {
      assertThat(BrowserScript.SCREENSHOTS.resolve(screenshot)).isRegularFile().isNotEmptyFile();
    }
  }

  private long petitions() {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(PetitionProcess.PROCESS_KEY)
        .count();
  }
}
