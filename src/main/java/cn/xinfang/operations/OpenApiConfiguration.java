package cn.xinfang.operations;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the platform's own HTTP API (springdoc, /v3/api-docs, Swagger UI at
 * /swagger-ui.html, administrators only): the public /api/petitions, the staff /api/staff, the
 * leaders' /api/metrics, /api/warnings and /api/dashboard, and /api/audit; not the engine's REST
 * API (/engine-rest, Camunda's own documentation describes it). Summaries in Chinese, by method and
 * path here, so that the controllers stay as they are; an operation without one keeps springdoc's
 * generated name.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static final Map<String, String> SUMMARIES =
      Map.ofEntries(
          Map.entry("POST /api/petitions", "登记信访事项（公开）"),
          Map.entry("GET /api/petitions/{queryCode}", "信访人凭查询码查询办理进展（公开）"),
          Map.entry("POST /api/petitions/{queryCode}/evaluation", "信访人评价答复意见（公开）"),
          Map.entry("POST /api/petitions/{queryCode}/review-requests", "信访人申请复查（公开）"),
          Map.entry("POST /api/petitions/{queryCode}/re-review-requests", "信访人申请复核（公开）"),
          Map.entry("GET /api/petitions/{queryCode}/attachments", "信访人查看本人提交的附件（公开）"),
          Map.entry("POST /api/petitions/{queryCode}/attachments", "信访人补充附件（公开）"),
          Map.entry("GET /api/staff/cases/{caseNumber}", "工作人员查阅案卷"),
          Map.entry("GET /api/staff/cases/{caseNumber}/receipt", "打印登记回执"),
          Map.entry("GET /api/staff/registrations", "本人近 30 日登记的信访事项"),
          Map.entry("POST /api/staff/cases/{caseNumber}/supervision", "人工督办"),
          Map.entry("POST /api/staff/cases/{caseNumber}/evaluation", "录入回访评价"),
          Map.entry("POST /api/staff/cases/{caseNumber}/review-requests", "录入书面或来访的复查申请"),
          Map.entry("POST /api/staff/cases/{caseNumber}/re-review-requests", "录入书面或来访的复核申请"),
          Map.entry("GET /api/staff/cases/{caseNumber}/attachments", "案卷附件列表"),
          Map.entry("POST /api/staff/cases/{caseNumber}/attachments", "上传案卷附件"),
          Map.entry("GET /api/staff/cases/{caseNumber}/attachments/{id}", "下载案卷附件"),
          Map.entry("GET /api/audit/cases/{caseNumber}", "案件审计记录（系统管理员）"),
          Map.entry("GET /api/audit/users/{userId}", "用户操作记录（系统管理员）"),
          Map.entry("GET /api/metrics", "考核指标：按市、单位、区、月统计（领导、督查督办、管理员）"),
          Map.entry("GET /api/warnings", "预警：重复信访、群体信访、激增、超期（领导、督查督办、管理员）"),
          Map.entry("POST /api/warnings/{id}/acknowledgement", "确认预警（已研判、已部署化解措施）"),
          Map.entry("GET /api/dashboard/heatmap", "态势分析：问题类别 × 地区热力图"),
          Map.entry("GET /api/dashboard/overdue", "态势分析：各单位超期待办任务数"));

  @Bean
  OpenAPI xinfangOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("信访事项办理平台 API")
                .version("1")
                .description(
                    "公开接口 /api/petitions 无需登录；工作人员接口 /api/staff、/api/metrics、"
                        + "/api/warnings、/api/dashboard 使用 HTTP Basic 或 Camunda 网页登录会话；"
                        + "/api/audit 仅限系统管理员（HTTP Basic）。错误统一为 4xx "
                        + "{\"error\": \"中文说明\", \"field\": \"出错字段\"}。"
                        + "流程引擎接口 /engine-rest 见 Camunda 7 的 REST API 文档，不在此列。"))
        .components(
            new Components()
                .addSecuritySchemes(
                    "basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")));
  }

  /** Operations grouped by who calls them, rather than by controller class. */
  static final Map<String, String> TAGS =
      Map.of(
          "/api/petitions", "信访人（公开接口）",
          "/api/staff", "工作人员",
          "/api/metrics", "考核与态势",
          "/api/warnings", "考核与态势",
          "/api/dashboard", "考核与态势",
          "/api/audit", "审计（系统管理员）");

  @Bean
  OpenApiCustomizer chineseSummaries() {
    return api -> {
      if (api.getPaths() == null) {
        return;
      }
      api.setTags(null);
      api.getPaths()
          .forEach(
              (path, item) ->
                  item.readOperationsMap()
                      .forEach((method, operation) -> describe(method, path, operation)));
    };
  }

  private static void describe(PathItem.HttpMethod method, String path, Operation operation) {
    String summary = SUMMARIES.get(method.name() + " " + path);
    if (summary != null) {
      operation.setSummary(summary);
    }
    TAGS.entrySet().stream()
        .filter(t -> path.equals(t.getKey()) || path.startsWith(t.getKey() + "/"))
        .findFirst()
        .ifPresent(t -> operation.setTags(List.of(t.getValue())));
  }
}
