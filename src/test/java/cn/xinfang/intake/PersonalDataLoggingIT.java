package cn.xinfang.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.support.ApplicationIT;
import cn.xinfang.support.CaseDriver;
import cn.xinfang.support.CaseDriver.Case;
import cn.xinfang.support.Petitions;
import cn.xinfang.support.PublicApi;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Personal data never reaches the logs: registrations over the API and the start form, valid and
 * refused, and the petitioner's view, with ID numbers, phones and addresses that no other test
 * uses; none of them appears in anything the application wrote to its console log.
 */
@ApplicationIT
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataLoggingIT {

  private static final String ID_NUMBER = "440304198001010017";
  private static final String PHONE = "13911112222";
  private static final String BAD_PHONE = "139111122";
  private static final String ADDRESS = "深圳市福田区莲花路九十九号";

  @Autowired PublicApi api;
  @Autowired CaseDriver cases;
  @Autowired FormService formService;
  @Autowired RepositoryService repositoryService;

  @Test
  void neitherValidNorRefusedRegistrationsLogPersonalData(CapturedOutput output) {
    // registered over the API, viewed, and refused for a bad phone
    Map<String, Object> valid = Petitions.with("petitioner.idNumber", ID_NUMBER);
    valid.put(
        "petitioner",
        Map.of("name", "赵九", "idNumber", ID_NUMBER, "phone", PHONE, "address", ADDRESS));
    String code = api.post("/api/petitions", valid).body().path("queryCode").asText();
    assertThat(api.view(code).status()).isEqualTo(200);
    Map<String, Object> refused = Petitions.valid();
    refused.put(
        "petitioner",
        Map.of("name", "赵九", "idNumber", ID_NUMBER, "phone", BAD_PHONE, "address", ADDRESS));
    assertThat(api.post("/api/petitions", refused).status()).isEqualTo(400);

    // registered with the start form, refused for a bad phone (the engine logs the refusal)
    String definition =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey("petition")
            .latestVersion()
            .singleResult()
            .getId();
    Map<String, Object> form = Petitions.startForm("来访：日志检查", BAD_PHONE);
    form.put("petitionerIdNumber", ID_NUMBER);
    form.put("petitionerAddress", ADDRESS);
    try {
      formService.submitStartForm(definition, form);
    } catch (RuntimeException expected) {
      // refused: the phone is invalid
    }
    Case c = cases.accepted();
    assertThat(c.number()).isNotBlank();

    assertThat(output.getAll())
        .doesNotContain(ID_NUMBER)
        .doesNotContain(PHONE)
        .doesNotContain(BAD_PHONE)
        .doesNotContain(ADDRESS)
        .contains("联系电话");
  }
}
