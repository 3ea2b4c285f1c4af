package cn.xinfang.notice;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The wording of every notice and opinion: {@value #FILE} in the jar, and, when {@code
 * petition.notices.directory} names a folder, the administrator's {@value #FILE} there, whose
 * templates replace the packaged ones of the same key; no rebuild, a restart. The administrator's
 * file is checked when the application starts, and the start fails with a message naming the file,
 * the key and what is wrong: a key the packaged file does not have (a typo would otherwise be
 * ignored), or a value in braces that the step does not provide (the step would otherwise fail when
 * it issues the notice).
 */
@Component
public class NoticeTemplates {

  static final String FILE = "notices.properties";

  /** What every template may name (Notices.caseValues), besides what its packaged version names. */
  static final Set<String> CASE_VALUES =
      Set.of("caseNumber", "title", "receivedDay", "unit", "channel");

  static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
  private static final Logger LOG = LoggerFactory.getLogger(NoticeTemplates.class);

  private final Map<String, String> templates;

  @Autowired
  public NoticeTemplates(@Value("${petition.notices.directory:}") String directory) {
    this(load(directory));
  }

  NoticeTemplates(Map<String, String> templates) {
    this.templates = templates;
  }

  public String get(String key) {
    String template = templates.get(key);
    if (template == null) {
      throw new IllegalStateException(FILE + " has no template " + key);
    }
    return template;
  }

  boolean has(String key) {
    return templates.containsKey(key);
  }

  static Map<String, String> load(String directory) {
    Map<String, String> templates = new HashMap<>();
    try (InputStream in = NoticeTemplates.class.getResourceAsStream("/" + FILE)) {
      read(new InputStreamReader(in, StandardCharsets.UTF_8), "classpath:" + FILE)
          .forEach(templates::put);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the packaged " + FILE, e);
    }
    if (directory == null || directory.isBlank()) {
      return templates;
    }
    Path folder = Path.of(directory.strip()).toAbsolutePath().normalize();
    if (!Files.isDirectory(folder)) {
      throw new NoticeTemplateException(
          "文书模板目录 " + folder + "（petition.notices.directory）不存在或不是目录");
    }
    Path file = folder.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      LOG.info("no {} in {}: the packaged wording is used", FILE, folder);
      return templates;
    }
    Map<String, String> overrides;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      overrides = read(reader, file.toString());
    } catch (IOException e) {
      throw new NoticeTemplateException("文书模板文件 " + file + " 无法读取：" + e.getMessage());
    }
    overrides.forEach(
        (key, text) -> {
          String packaged = templates.get(key);
          if (packaged == null) {
            throw new NoticeTemplateException(
                "文书模板文件 " + file + " 中的 " + key + " 不是已有的模板名称（拼写有误？），" + "可替换的名称见随附的 " + FILE);
          }
          Set<String> allowed = new TreeSet<>(CASE_VALUES);
          allowed.addAll(placeholders(packaged));
          if (allowed.contains("appealUntil")) {
            // the same day without brackets, which templates written before appealUntil name
            allowed.add("appealDue");
          }
          for (String name : placeholders(text)) {
            if (!allowed.contains(name)) {
              throw new NoticeTemplateException(
                  "文书模板文件 "
                      + file
                      + " 中的 "
                      + key
                      + " 使用了 {"
                      + name
                      + "}，出具这份文书时没有这项内容；可以使用："
                      + String.join("、", allowed));
            }
          }
        });
    templates.putAll(overrides);
    LOG.info("{} templates of {} replace the packaged ones", overrides.size(), file);
    return templates;
  }

  private static Map<String, String> read(Reader reader, String source) throws IOException {
    Properties properties = new Properties();
    try {
      properties.load(reader);
    } catch (IllegalArgumentException e) {
      throw new NoticeTemplateException("文书模板文件 " + source + " 格式有误：" + e.getMessage());
    }
    Map<String, String> map = new HashMap<>();
    properties.stringPropertyNames().forEach(k -> map.put(k, properties.getProperty(k)));
    return map;
  }

  static Set<String> placeholders(String template) {
    Set<String> names = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /**
   * The administrator's template file is wrong: the message names the file, the key and the fault.
   */
  public static class NoticeTemplateException extends IllegalStateException {

    NoticeTemplateException(String message) {
      super(message);
    }
  }
}
