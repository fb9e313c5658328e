package io.shopsense.server.web.privacy;

import io.shopsense.core.notice.NoticeSettings;
import io.shopsense.core.notice.PrivacySummary;
import io.shopsense.core.notice.PrivacySummaryWriter;
import io.shopsense.core.notice.PrivacySummaryWriter.Language;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The plain-language privacy summary, public: as JSON ({@code GET /v1/privacy/summary}) and as a page ({@code GET
 * /privacy}), in English or Chinese ({@code ?lang=zh}, else the Accept-Language header).
 */
@RestController
public class PrivacySummaryController {
  private final PrivacySummaryWriter writer;

  public PrivacySummaryController(NoticeSettings settings) {
    this.writer = new PrivacySummaryWriter(settings);
  }

  @GetMapping(path = "/v1/privacy/summary", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<PrivacySummary> summary(@RequestParam(required = false) String lang,
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
    PrivacySummary s = writer.write(Language.of(lang != null ? lang : acceptLanguage));
    return ResponseEntity.ok().header(HttpHeaders.CONTENT_LANGUAGE, s.language()).body(s);
  }

  @GetMapping(path = "/privacy", produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<String> page(@RequestParam(required = false) String lang,
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
    PrivacySummary s = writer.write(Language.of(lang != null ? lang : acceptLanguage));
    return ResponseEntity.ok().header(HttpHeaders.CONTENT_LANGUAGE, s.language())
        .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8)).body(html(s));
  }

  /** The page: everything configured is escaped, since the settings are text an operator typed. */
  static String html(PrivacySummary s) {
    boolean zh = "zh".equals(s.language());
    StringBuilder h = new StringBuilder(4096);
    h.append("<!DOCTYPE html>\n<html lang=\"").append(s.language()).append("\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").append(e(s.title()))
        .append("</title><style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;"
            + "line-height:1.5}table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;padding:.3rem .6rem;"
            + "text-align:left}</style></head><body>\n<h1>").append(e(s.title())).append("</h1>\n<p>")
        .append(zh ? "联系方式：" : "Contact: ").append(e(s.contact())).append("</p>\n<h2>")
        .append(zh ? "我们如何使用您的数据" : "How we use your data").append("</h2>\n<table><tr><th>")
        .append(zh ? "用途" : "Purpose").append("</th><th>").append(zh ? "依据" : "On what basis").append("</th></tr>\n");
    for (PrivacySummary.PurposeLine p : s.purposes()) {
      h.append("<tr><td>").append(e(p.description())).append("</td><td>").append(e(p.basis())).append("</td></tr>\n");
    }
    h.append("</table>\n<h2>").append(zh ? "常见问题" : "Questions").append("</h2>\n");
    for (PrivacySummary.Faq f : s.faq()) {
      h.append("<h3>").append(e(f.question())).append("</h3>\n<p>").append(e(f.answer())).append("</p>\n");
    }
    return h.append("</body></html>\n").toString();
  }

  private static String e(String s) {
    return s == null ? "" : HtmlUtils.htmlEscape(s, "UTF-8");
  }
}
