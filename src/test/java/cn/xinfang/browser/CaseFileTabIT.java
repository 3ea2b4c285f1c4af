package cn.xinfang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.support.ApplicationIT;
import cn.xinfang.support.CaseDriver;
import cn.xinfang.support.CaseDriver.Case;
import cn.xinfang.support.SampleFiles;
import cn.xinfang.support.StaffRest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The 案卷 tab in Camunda Tasklist: the housing bureau, confirming the delivery of an opinion to a
 * letter petitioner, reads the case file in its task (timeline, opinion, the petitioner's scan,
 * downloaded with the Tasklist session), uploads the signed delivery receipt and sees a web page
 * named .pdf refused; driven by {@code src/test/browser/tasklist-casefile.mjs}, see {@link
 * BrowserScript} for what it needs.
 */
@ApplicationIT
class CaseFileTabIT {

  private static final List<String> SCREENSHOTS =
      List.of("casefile-1-tab.png", "casefile-2-uploaded.png", "casefile-3-refused.png");

  @LocalServerPort int port;

  @Autowired CaseDriver cases;
  @Autowired StaffRest staff;
  @Autowired TestRestTemplate rest;

  @BeforeEach
  void requireBrowserTooling() {
    BrowserScript.requireTooling();
  }

  @Test
  void theUnitReadsTheCaseFileInItsTaskAndAddsTheDeliveryReceipt() throws Exception {
    // Given a letter petitioner's case whose opinion is issued, waiting at 确认送达 for unit-housing,
    // and a scan the petitioner added with the query code
    Case c = cases.replied(cases.acceptedVia("LETTER"), "SUPPORTED");
    ResponseEntity<String> scan = petitionerUploads(c, "来信原件.pdf", SampleFiles.pdf(c.number()));
    assertThat(scan.getStatusCode().value()).as(scan.getBody()).isEqualTo(201);

    // When housing1 opens the task's 案卷 tab in Tasklist and uploads the delivery receipt
    List<String> stale =
        Stream.concat(SCREENSHOTS.stream(), Stream.of("casefile-failure.png")).toList();
    BrowserScript.Outcome outcome =
        BrowserScript.named("tasklist-casefile").run(port, c.number(), stale).assertSucceeded();

    // Then the tab showed the case in full with its timeline, the opinion and the scan
    JsonNode result = outcome.result();
    assertThat(result.path("personalData").asText()).isEqualTo("FULL");
    assertThat(result.path("opinions").asInt()).isEqualTo(1);
    assertThat(result.path("attachmentsBefore"))
        .extracting(JsonNode::asText)
        .containsExactly("来信原件.pdf");
    assertThat(result.path("refusal").asText()).contains("只能上传");

    // And the receipt is the unit's attachment, the web page is not stored
    String uploaded = result.path("uploaded").asText();
    JsonNode list = staff.get("demo", "/api/staff/cases/" + c.number() + "/attachments");
    assertThat(list.path("attachments"))
        .extracting(a -> a.path("fileName").asText() + " " + a.path("source").asText())
        .containsExactly("来信原件.pdf PETITIONER", uploaded + " HANDLING_UNIT");

    // And the audit trail names housing1 for the download and the upload
    JsonNode audit = staff.get("demo", "/api/audit/cases/" + c.number());
    assertThat(
            StreamSupport.stream(audit.path("entries").spliterator(), false)
                .map(e -> e.path("actor").asText() + " " + e.path("action").asText()))
        .contains(
            "housing1 ATTACHMENT_DOWNLOAD", "housing1 ATTACHMENT", "housing1 ATTACHMENT_REFUSED");

    assertThat(SCREENSHOTS)
        .allSatisfy(
            name ->
                assertThat(BrowserScript.SCREENSHOTS.resolve(name))
                    .isRegularFile()
                    .isNotEmptyFile());
  }

  private ResponseEntity<String> petitionerUploads(Case c, String name, byte[] content) {
    HttpHeaders part = new HttpHeaders();
    part.setContentType(MediaType.APPLICATION_PDF);
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add(
        "file",
        new HttpEntity<>(
            new ByteArrayResource(content) {
              @Override
              public String getFilename() {
                return name;
              }
            },
            part));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.postForEntity(
        "/api/petitions/" + c.queryCode() + "/attachments",
        new HttpEntity<>(form, headers),
        String.class);
  }
}
