package cn.xinfang.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.support.ApplicationIT;
import cn.xinfang.support.Apps;
import cn.xinfang.support.CaseDriver;
import cn.xinfang.support.CaseDriver.Case;
import cn.xinfang.support.Petitions;
import cn.xinfang.support.SampleFiles;
import cn.xinfang.support.StaffRest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Attachments over HTTP on H2, the ways in and the way out: the petitioner by query code, the
 * registering clerk before triage, the handling unit while it holds the case; staff who read the
 * case in full download it with the safe headers, masked readers see the list only; bad files are
 * refused in Chinese and change nothing; every addition and download is in the audit trail.
 */
@ApplicationIT
class AttachmentsIT {

  @Autowired CaseDriver cases;
  @Autowired StaffRest staff;
  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;

  @Test
  void thePetitionerAddsAScanAndTheBureauDownloadsIt() throws Exception {
    // Given a case registered online, awaiting triage by the bureau
    Case c = cases.register("FUTIAN", "HOUSING", CaseDriver.RECEIVED);
    byte[] scan = SampleFiles.pdf(c.number());

    // When the petitioner adds a scan with a Chinese name by the query code
    ResponseEntity<String> added =
        upload(
            null,
            "/api/petitions/" + c.queryCode() + "/attachments",
            "租赁合同.pdf",
            "application/pdf",
            scan);

    // Then it is stored with its type, size and SHA-256, and the petitioner lists it
    assertThat(added.getStatusCode().value()).as(added.getBody()).isEqualTo(201);
    JsonNode view = StaffRest.json(added);
    assertThat(view.path("fileName").asText()).isEqualTo("租赁合同.pdf");
    assertThat(view.path("contentType").asText()).isEqualTo("application/pdf");
    assertThat(view.path("size").asLong()).isEqualTo(scan.length);
    assertThat(view.path("sha256").asText()).isEqualTo(sha256(scan));
    assertThat(view.path("addedBy").isNull()).isTrue();
    JsonNode own =
        StaffRest.json(
            rest.getForEntity("/api/petitions/" + c.queryCode() + "/attachments", String.class));
    assertThat(own.path("canUpload").asBoolean()).isTrue();
    assertThat(own.path("attachments")).hasSize(1);
    assertThat(own.path("attachments").get(0).path("download").isNull()).isTrue();

    // And clerk1, who triages it (in full), lists and downloads it with the safe headers
    String list = "/api/staff/cases/" + c.number() + "/attachments";
    JsonNode staffList = staff.get("clerk1", list);
    assertThat(staffList.path("canDownload").asBoolean()).isTrue();
    assertThat(staffList.path("canUpload").asBoolean()).isFalse();
    JsonNode first = staffList.path("attachments").get(0);
    assertThat(first.path("addedBy").asText()).isEqualTo("petitioner");
    assertThat(first.path("sourceLabel").asText()).isEqualTo("信访人");
    ResponseEntity<byte[]> download = download("clerk1", first.path("download").asText());
    assertThat(download.getStatusCode().value()).isEqualTo(200);
    assertThat(download.getBody()).isEqualTo(scan);
    HttpHeaders h = download.getHeaders();
    assertThat(h.getContentType()).hasToString("application/pdf");
    assertThat(h.getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .startsWith("attachment;")
        .contains("filename*=UTF-8''%E7%A7%9F%E8%B5%81%E5%90%88%E5%90%8C.pdf");
    assertThat(h.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(h.getFirst("Content-Security-Policy")).contains("default-src 'none'", "sandbox");
    assertThat(h.getCacheControl()).contains("no-store");

    // And the audit trail has the addition by the petitioner and the download by clerk1
    assertThat(auditEntries(c)).contains("petitioner ATTACHMENT", "clerk1 ATTACHMENT_DOWNLOAD");
  }

  @Test
  void theCounterClerkAddsALetterBeforeTriageOnly() throws Exception {
    // Given clerk1 registers a visit at the counter with the start form
    String number = registerAtTheCounter();
    String list = "/api/staff/cases/" + number + "/attachments";

    // When clerk1 adds the scan of the letter the petitioner brought
    ResponseEntity<String> added =
        upload("clerk1", list, "来信扫描.jpg", "image/jpeg", SampleFiles.jpeg());

    // Then it is the registrar's
    assertThat(added.getStatusCode().value()).as(added.getBody()).isEqualTo(201);
    assertThat(StaffRest.json(added).path("source").asText()).isEqualTo("REGISTRAR");
    assertThat(StaffRest.json(added).path("addedBy").asText()).isEqualTo("clerk1");

    // When the case is triaged, it is no longer clerk1's to add to
    Case c = cases.existing(number);
    cases.complete(
        c, CaseDriver.TRIAGE, Petitions.triage("CLAIM", "NONE", false, false, false, true));
    ResponseEntity<String> late = upload("clerk1", list, "补充.png", "image/png", SampleFiles.png());
    assertThat(late.getStatusCode().value()).isEqualTo(403);
    assertThat(StaffRest.json(late).path("error").asText()).contains("登记人员", "承办单位");
    assertThat(staff.get("demo", list).path("attachments")).hasSize(1);
  }

  @Test
  void theHandlingUnitAddsWhileItHoldsTheCaseAndReadsMaskedAfterwards() throws Exception {
    // Given a housing case accepted by the housing bureau
    Case c = cases.accepted();
    String list = "/api/staff/cases/" + c.number() + "/attachments";

    // When housing1 adds a photo of the site
    ResponseEntity<String> added =
        upload("housing1", list, "现场照片.png", "image/png", SampleFiles.png());
    assertThat(added.getStatusCode().value()).as(added.getBody()).isEqualTo(201);
    assertThat(StaffRest.json(added).path("source").asText()).isEqualTo("HANDLING_UNIT");
    assertThat(StaffRest.json(added).path("addedBy").asText()).isEqualTo("housing1（unit-housing）");

    // Then housing1 may upload and download; another unit finds nothing
    JsonNode mine = staff.get("housing1", list);
    assertThat(mine.path("canUpload").asBoolean()).isTrue();
    assertThat(mine.path("uploadAs").asText()).isEqualTo("HANDLING_UNIT");
    String link = mine.path("attachments").get(0).path("download").asText();
    assertThat(download("housing1", link).getBody()).isEqualTo(SampleFiles.png());
    assertThat(staff.status("hrss1", HttpMethod.GET, list, null)).isEqualTo(404);
    assertThat(download("hrss1", link).getStatusCode().value()).isEqualTo(404);

    // When its opinion is delivered, the unit reads the case masked: the list, no download
    cases.replied(c, "SUPPORTED");
    JsonNode masked = staff.get("housing1", list);
    assertThat(masked.path("canDownload").asBoolean()).isFalse();
    assertThat(masked.path("canUpload").asBoolean()).isFalse();
    assertThat(masked.path("attachments").get(0).path("download").isNull()).isTrue();
    ResponseEntity<byte[]> refused = download("housing1", link);
    assertThat(refused.getStatusCode().value()).isEqualTo(403);
    assertThat(new String(refused.getBody(), StandardCharsets.UTF_8)).contains("个人信息");
    assertThat(
            upload("housing1", list, "晚了.png", "image/png", SampleFiles.png())
                .getStatusCode()
                .value())
        .isEqualTo(403);
    assertThat(auditEntries(c)).contains("housing1 ATTACHMENT", "housing1 ATTACHMENT_REFUSED");
  }

  @Test
  void badFilesAreRefusedInChineseAndChangeNothing() throws Exception {
    Case c = cases.register("FUTIAN", "HOUSING", CaseDriver.RECEIVED);
    String path = "/api/petitions/" + c.queryCode() + "/attachments";

    // a web page named .pdf, an SVG, a PNG declared as PDF, a PNG named .pdf, nothing at all
    assertRefused(
        upload(null, path, "合同.pdf", "application/pdf", SampleFiles.html()), 400, "PDF、JPEG 或 PNG");
    assertRefused(
        upload(null, path, "图.svg", "image/svg+xml", SampleFiles.svg()), 400, "PDF、JPEG 或 PNG");
    assertRefused(
        upload(null, path, "图.png", "application/pdf", SampleFiles.png()), 400, "声明的类型不符");
    assertRefused(upload(null, path, "图.pdf", "image/png", SampleFiles.png()), 400, "扩展名");
    assertRefused(upload(null, path, "空.pdf", "application/pdf", new byte[0]), 400, "请选择");
    // one byte over the per-file limit (10 MB)
    assertRefused(
        upload(null, path, "大.pdf", "application/pdf", SampleFiles.pdfOfSize(10 * 1024 * 1024 + 1)),
        413,
        "10 MB");
    // JSON instead of a form
    ResponseEntity<String> json =
        rest.exchange(path, HttpMethod.POST, jsonEntity(Map.of("file", "x")), String.class);
    assertRefused(json, 400, "multipart/form-data");
    assertThat(count(c)).isZero();

    // a name with directories and control characters is only a label; a NUL never gets that far
    assertThat(
            upload(null, path, "a\u0000.pdf", "application/pdf", SampleFiles.pdf("x"))
                .getStatusCode()
                .value())
        .isEqualTo(400);
    ResponseEntity<String> traversal =
        upload(
            null,
            path,
            "../../etc/passwd\u202Egpj\t<script>.pdf",
            "application/pdf",
            SampleFiles.pdf("x"));
    assertThat(traversal.getStatusCode().value()).as(traversal.getBody()).isEqualTo(201);
    assertThat(StaffRest.json(traversal).path("fileName").asText())
        .isEqualTo("passwdgpjscript.pdf");
    ResponseEntity<String> windows =
        upload(null, path, "C:\\Users\\张三\\身份证.exe.jpg", "image/jpeg", SampleFiles.jpeg());
    assertThat(StaffRest.json(windows).path("fileName").asText()).isEqualTo("身份证_exe.jpg");
    assertThat(count(c)).isEqualTo(2);

    // a wrong query code is the same 404 as every other
    assertRefused(
        upload(
            null,
            "/api/petitions/WRONGCODE123/attachments",
            "a.pdf",
            "application/pdf",
            SampleFiles.pdf("x")),
        404,
        "查询码");
  }

  // --- helpers

  private ResponseEntity<String> upload(
      String user, String path, String fileName, String contentType, byte[] content) {
    HttpHeaders partHeaders = new HttpHeaders();
    partHeaders.setContentType(MediaType.parseMediaType(contentType));
    ByteArrayResource resource =
        new ByteArrayResource(content) {
          @Override
          public String getFilename() {
            return fileName;
          }
        };
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("file", new HttpEntity<>(resource, partHeaders));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    if (user != null) {
      headers.set(HttpHeaders.AUTHORIZATION, Apps.basic(user, "demo"));
    }
    return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
  }

  private ResponseEntity<byte[]> download(String user, String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.AUTHORIZATION, Apps.basic(user, "demo"));
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
  }

  private static HttpEntity<Object> jsonEntity(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  private static void assertRefused(ResponseEntity<String> answer, int status, String message) {
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
    assertThat(StaffRest.json(answer).path("error").asText()).contains(message);
  }

  private long count(Case c) {
    return jdbc.sql("select count(*) from attachment where petition_id = ?")
        .param(c.id())
        .query(Long.class)
        .single();
  }

  private List<String> auditEntries(Case c) {
    JsonNode audit = staff.get("demo", "/api/audit/cases/" + c.number());
    return StreamSupport.stream(audit.path("entries").spliterator(), false)
        .map(e -> e.path("actor").asText() + " " + e.path("action").asText())
        .toList();
  }

  private String registerAtTheCounter() {
    Map<String, Object> form = Petitions.startForm("来访反映噪音扰民", "13912345678");
    Map<String, Object> variables = new HashMap<>();
    form.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    ResponseEntity<String> started =
        staff.exchange(
            "clerk1",
            HttpMethod.POST,
            "/engine-rest/process-definition/key/petition/submit-form",
            Map.of("variables", variables));
    assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
    String instance = StaffRest.json(started).path("id").asText();
    return jdbc.sql("select case_number from petition where process_instance_id = ?")
        .param(instance)
        .query(String.class)
        .single();
  }

  private static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }
}
