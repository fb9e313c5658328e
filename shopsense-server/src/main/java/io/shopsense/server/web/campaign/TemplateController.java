package io.shopsense.server.web.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.api.campaign.ContentCategory;
import io.shopsense.api.id.PersonId;
import io.shopsense.api.offer.MessageTemplate;
import io.shopsense.api.offer.TemplateLocale;
import io.shopsense.api.offer.TemplateStore;
import io.shopsense.core.campaign.content.RenderedMessage;
import io.shopsense.core.campaign.content.TemplateException;
import io.shopsense.core.campaign.flow.Recipients;
import io.shopsense.platform.Platform;
import io.shopsense.platform.campaign.Campaigns;
import io.shopsense.server.web.ApiProblem;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Message templates: save one ({@code PUT}; validated by the template engine, every problem listed in the 400), list,
 * read, delete, and preview one as a given person would get it.
 */
@RestController
@RequestMapping(path = "/v1/templates", produces = MediaType.APPLICATION_JSON_VALUE)
public class TemplateController {
  private final Platform platform;

  public TemplateController(Platform platform) {
    this.platform = platform;
  }

  @GetMapping
  public Map<String, Object> list() {
    return Map.of("items", store().list().stream().map(TemplateController::view).toList());
  }

  @GetMapping("/{id}")
  public Map<String, Object> get(@PathVariable String id) {
    return view(template(id));
  }

  @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> save(@PathVariable String id, @RequestBody JsonNode body,
      HttpServletResponse response) {
    Bodies.sameId(id, body);
    ContentCategory category = ContentCategory.fromWire(Bodies.text(body, "category")).orElseThrow(() ->
        ApiProblem.badRequest("invalid_template", "category must be transactional, service or promotional"));
    TemplateLocale locale = locale(Bodies.optional(body, "locale"));
    MessageTemplate template;
    try {
      template = new MessageTemplate(id, category, locale, Bodies.optional(body, "subject"),
          Bodies.optional(body, "html"), Bodies.optional(body, "text"));
      campaigns().templateEngine().checked(template);
    } catch (TemplateException e) {
      throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_template", e.getMessage(),
          Map.of("problems", e.problems()));
    } catch (IllegalArgumentException e) {
      throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_template", e.getMessage(),
          Map.of("problems", List.of(String.valueOf(e.getMessage()))));
    }
    boolean existed = store().find(id).isPresent();
    store().save(template, platform.clock().instant());
    response.setStatus(existed ? HttpStatus.OK.value() : HttpStatus.CREATED.value());
    return view(template);
  }

  @DeleteMapping("/{id}")
  public Map<String, Object> delete(@PathVariable String id) {
    if (!store().delete(id)) {
      throw ApiProblem.notFound("template");
    }
    return Map.of("deleted", id);
  }

  /** The template rendered for the person, as a send would render it (links marked as a preview's). */
  @PostMapping("/{id}/preview")
  public Map<String, Object> preview(@PathVariable String id, @RequestParam String person) {
    MessageTemplate template = template(id);
    PersonId who;
    try {
      who = PersonId.of(person);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("invalid_parameter", "person is not a valid person id");
    }
    Recipients.Recipient recipient = campaigns().flow().recipients().lookup(List.of(who), false).get(who);
    if (recipient == null) {
      throw ApiProblem.notFound("person");
    }
    RenderedMessage rendered;
    try {
      rendered = campaigns().templateEngine().preview(template, recipient.context());
    } catch (TemplateException e) {
      throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_template", e.getMessage(),
          Map.of("problems", e.problems()));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("template", id);
    out.put("person", who.value());
    out.put("subject", rendered.subject());
    out.put("html", rendered.html());
    out.put("text", rendered.text());
    out.put("items", rendered.itemIds());
    return out;
  }

  private static TemplateLocale locale(String wire) {
    if (wire == null) {
      return TemplateLocale.EN;
    }
    return switch (wire.strip().toLowerCase(Locale.ROOT)) {
      case "en" -> TemplateLocale.EN;
      case "zh" -> TemplateLocale.ZH;
      default -> throw ApiProblem.badRequest("invalid_template", "locale must be en or zh");
    };
  }

  static Map<String, Object> view(MessageTemplate t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", t.id());
    m.put("category", t.category().wireName());
    m.put("locale", t.locale().name().toLowerCase(Locale.ROOT));
    m.put("subject", t.subject());
    m.put("html", t.html());
    m.put("text", t.text());
    return m;
  }

  private MessageTemplate template(String id) {
    return store().find(id).orElseThrow(() -> ApiProblem.notFound("template"));
  }

  private TemplateStore store() {
    return campaigns().stores().templates();
  }

  private Campaigns campaigns() {
    return platform.campaigns();
  }
}
