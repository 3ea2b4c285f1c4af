package cn.xinfang.staff;

import cn.xinfang.calendar.Deadlines;
import cn.xinfang.calendar.StatutoryCalendar;
import cn.xinfang.casestore.Person;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.engine.GroupNames;
import cn.xinfang.engine.PetitionProcess;
import cn.xinfang.engine.PetitionProcess.Clocks;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * The printable 登记回执 (HTML, one A5 page, no script): the case number, the query code with a QR code
 * that opens the case in the portal, the petitioner's name, the channel and the days, how to follow
 * the case and the law's periods. The portal's public address comes from {@code
 * petition.portal.address} (production: the address citizens reach); without it, from the address
 * the clerk's browser used. Every value is escaped.
 */
@Component
class ReceiptPage {

  private static final int QR_MODULES = 29;

  private final Deadlines deadlines;
  private final GroupNames groupNames;
  private final String portalAddress;

  ReceiptPage(
      Deadlines deadlines,
      GroupNames groupNames,
      @Value("${petition.portal.address:}") String portalAddress) {
    this.deadlines = deadlines;
    this.groupNames = groupNames;
    this.portalAddress = checked(portalAddress.strip());
  }

  /** An absolute http(s) address ending in a slash, or empty. */
  private static String checked(String address) {
    if (address.isEmpty()) {
      return address;
    }
    URI uri = URI.create(address);
    if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
        || uri.getHost() == null) {
      throw new IllegalStateException(
          "petition.portal.address must be the portal's absolute http(s) address, e.g. "
              + "https://xinfang.example.gov.cn/portal/; got "
              + address);
    }
    return address.endsWith("/") ? address : address + "/";
  }

  String html(PetitionRecord c, List<Person> persons) {
    String portal =
        portalAddress.isEmpty()
            ? ServletUriComponentsBuilder.fromCurrentContextPath().path("/portal/").toUriString()
            : portalAddress;
    String caseUrl = portal + "case.html";
    String bureau = groupNames.name(PetitionProcess.Group.BUREAU);
    Instant triageDue = deadlines.due(Clocks.TRIAGE, c.receivedAt().toInstant()).toInstant();
    String petitioner =
        persons.isEmpty()
            ? ""
            : persons.get(0).name() + (c.personCount() > 1 ? " 等 " + c.personCount() + " 人" : "");
    Map<String, String> v =
        Map.ofEntries(
            Map.entry("caseNumber", c.caseNumber()),
            Map.entry("queryCode", grouped(c.queryCode())),
            Map.entry("petitioner", petitioner),
            Map.entry("channel", c.channel().label()),
            Map.entry("receivedDay", StatutoryCalendar.chineseDay(c.receivedAt().toInstant())),
            Map.entry("registeredDay", StatutoryCalendar.chineseDay(c.registeredAt().toInstant())),
            Map.entry("title", c.title()),
            Map.entry("bureau", bureau),
            Map.entry("triageDue", StatutoryCalendar.chineseDay(triageDue)),
            Map.entry("caseUrl", caseUrl));
    return fill(TEMPLATE, v, qr(caseUrl + "#code=" + c.queryCode()));
  }

  /** ABCD EFGH JKMN: easier to read out and to type. */
  static String grouped(String code) {
    return code.replaceAll("(.{4})(?!$)", "$1 ");
  }

  /** One pass over the template: a value is never read as a placeholder; {qr} is our own SVG. */
  private static String fill(String template, Map<String, String> values, String qrSvg) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String value = "qr".equals(name) ? qrSvg : HtmlUtils.htmlEscape(values.get(name), "UTF-8");
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

  /** The QR code as inline SVG, one square per dark module (ZXing draws the matrix). */
  static String qr(String text) {
    try {
      BitMatrix m =
          new QRCodeWriter()
              .encode(
                  text,
                  BarcodeFormat.QR_CODE,
                  QR_MODULES,
                  QR_MODULES,
                  Map.of(
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M,
                      EncodeHintType.MARGIN,
                      2));
      StringBuilder path = new StringBuilder();
      for (int y = 0; y < m.getHeight(); y++) {
        for (int x = 0; x < m.getWidth(); x++) {
          if (m.get(x, y)) {
            path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
          }
        }
      }
      return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
          + m.getWidth()
          + " "
          + m.getHeight()
          + "\" role=\"img\" aria-label=\"查询二维码\" shape-rendering=\"crispEdges\">"
          + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\""
          + path
          + "\"/></svg>";
    } catch (WriterException e) {
      throw new IllegalStateException("cannot draw the receipt's QR code", e);
    }
  }

  private static final String TEMPLATE =
      """
      <!doctype html>
      <html lang="zh-CN">
      <head>
      <meta charset="utf-8">
      <title>信访事项登记回执 {caseNumber}</title>
      <style>
        @page { size: A5; margin: 12mm; }
        body { font-family: "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif;
               color: #111; margin: 0 auto; max-width: 150mm; padding: 8mm 0; line-height: 1.6; }
        h1 { text-align: center; font-size: 20pt; letter-spacing: .3em; margin: 0 0 4mm; }
        .top { display: flex; gap: 6mm; align-items: flex-start; }
        table { border-collapse: collapse; flex: 1; font-size: 11pt; }
        th, td { border: 1px solid #333; padding: 1.5mm 2.5mm; text-align: left; vertical-align: top; }
        th { width: 22mm; background: #f2f2f2; white-space: nowrap; }
        .code { font-family: "DejaVu Sans Mono", monospace; font-size: 15pt; font-weight: bold;
                letter-spacing: .08em; }
        .qr { width: 34mm; text-align: center; font-size: 8pt; }
        .qr svg { width: 34mm; height: 34mm; display: block; }
        h2 { font-size: 12pt; margin: 5mm 0 1mm; }
        p, li { font-size: 10pt; margin: 1mm 0; }
        .warn { font-weight: bold; }
        .sign { text-align: right; margin-top: 6mm; }
        .screen { color: #555; font-size: 9pt; text-align: center; }
        @media print { .screen { display: none; } }
      </style>
      </head>
      <body>
      <p class="screen">请使用浏览器的“打印”（Ctrl+P）打印本回执，交给信访人。</p>
      <h1>信访事项登记回执</h1>
      <div class="top">
      <table>
        <tr><th>案件编号</th><td>{caseNumber}</td></tr>
        <tr><th>查询码</th><td class="code">{queryCode}</td></tr>
        <tr><th>信访人</th><td>{petitioner}</td></tr>
        <tr><th>信访形式</th><td>{channel}</td></tr>
        <tr><th>收到日期</th><td>{receivedDay}</td></tr>
        <tr><th>事项</th><td>{title}</td></tr>
      </table>
      <div class="qr">{qr}扫码查询办理进展</div>
      </div>
      <h2>怎样查询</h2>
      <p class="warn">查询码相当于密码，请妥善保管，不要告诉他人。</p>
      <ol>
        <li>网上查询：访问 {caseUrl} ，输入查询码（或用手机扫描二维码），可以查看办理进展和文书，对处理意见作出评价，在规定期限内请求复查、复核。</li>
        <li>当面或电话查询：到{bureau}出示本回执，或告知案件编号。</li>
      </ol>
      <h2>办理时限</h2>
      <p>{bureau}将于{triageDue}前依法作出转送、交办或者告知等处理（《信访工作条例》第二十二条）。有权处理的机关、单位应当自收到之日起 15 日内告知您是否受理；受理的，一般自受理之日起 60 日内办结，并出具书面处理意见（第二十三条、第三十四条）。对处理意见不服的，可以自收到之日起 30 日内请求复查；对复查意见不服的，可以自收到之日起 30 日内请求复核（第三十五条、第三十六条）。</p>
      <p class="sign">{bureau}（登记）<br>{registeredDay}</p>
      </body>
      </html>
      """;
}
