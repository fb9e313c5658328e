package io.shopsense.core.campaign.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.shopsense.api.campaign.ContentCategory;
import io.shopsense.api.offer.MessageTemplate;
import io.shopsense.api.offer.TemplateLocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The message templates the ready-made journeys send ({@code ReadyMadeJourneys}), from the YAML resource
 * {@value #RESOURCE} beside this class: English, one per template id a ready-made journey names, in the category its
 * send step declares. A shop saves them through its {@code TemplateStore} like its own (validating each with
 * {@link TemplateEngine#checked}) and may edit them by saving a new version.
 */
public final class ReadyMadeTemplates {
  /** The resource the templates are read from. */
  public static final String RESOURCE = "ready-made-templates.yaml";
  private static final Set<String> FIELDS = Set.of("id", "category", "locale", "subject", "html", "text");

  private ReadyMadeTemplates() {
  }

  /**
   * Every ready-made template, in the order of the resource.
   *
   * @throws IllegalStateException when the resource is missing or malformed (a packaging error, not a user's)
   */
  public static List<MessageTemplate> all() {
    JsonNode root;
    try (InputStream in = ReadyMadeTemplates.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the resource " + RESOURCE + " is missing");
      }
      root = new YAMLMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    JsonNode list = root == null ? null : root.get("templates");
    if (list == null || !list.isArray()) {
      throw new IllegalStateException(RESOURCE + " must hold a list 'templates'");
    }
    List<MessageTemplate> templates = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (JsonNode node : list) {
      MessageTemplate t = template(node);
      if (!ids.add(t.id())) {
        throw new IllegalStateException(RESOURCE + " holds template " + t.id() + " twice");
      }
      templates.add(t);
    }
    return List.copyOf(templates);
  }

  private static MessageTemplate template(JsonNode node) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) { // a misspelt key would otherwise drop a body silently
        throw new IllegalStateException(RESOURCE + ": unknown key '" + name + "' in template " + node.path("id"));
      }
    }
    String id = node.path("id").asText("");
    ContentCategory category = ContentCategory.fromWire(node.path("category").asText(null))
        .orElseThrow(() -> new IllegalStateException(RESOURCE + ": template " + id + " has no valid category"));
    TemplateLocale locale = TemplateLocale.valueOf(node.path("locale").asText("en").toUpperCase(Locale.ROOT));
    try {
      return new MessageTemplate(id, category, locale, node.path("subject").asText(null),
          node.path("html").asText(null), node.path("text").asText(null));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(RESOURCE + ": " + e.getMessage(), e);
    }
  }
}
