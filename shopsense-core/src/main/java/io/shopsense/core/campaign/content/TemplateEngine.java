package io.shopsense.core.campaign.content;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import io.shopsense.api.campaign.ContentCategory;
import io.shopsense.api.offer.ItemSlot;
import io.shopsense.api.offer.MessageTemplate;
import io.shopsense.api.offer.SlotItem;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates and renders message templates: logic-less Mustache (jmustache), HTML-escaped in the HTML body, plain in
 * the subject and text body.
 *
 * <p>The variables a template may use: {@code person.name}, {@code person.stage}, {@code person.rfm},
 * {@code person.traits.<name>} (all optional: absent ones render empty), {@code coupon.code} (required: rendering
 * without a coupon fails — unless the template guards it with a {@code {{#coupon}}...{{/coupon}}} section, for a
 * journey whose A/B arm or refused grant leaves some people without one), {@code links.unsubscribe} and
 * {@code links.preferences} (signed, always present), and the section {@code items} (the recommended items, each
 * with {@code name}, {@code price}, {@code link} — a signed click-tracking redirect — and {@code explanation}).
 * {@link #validate} refuses anything else, unbalanced tags and a promotional template without an unsubscribe link in
 * each body; so a saved template fails at send time only when a required value is missing. Thread-safe.
 */
public final class TemplateEngine {
  /** The fields of one recommended item inside the {@code items} section (and Mustache's own names). */
  private static final Set<String> ITEM_FIELDS = Set.of("name", "price", "link", "explanation", ".", "this",
      "-first", "-last", "-index");
  private static final Set<String> PERSON_FIELDS = Set.of("person.name", "person.stage", "person.rfm");
  private static final Set<String> LINKS = Set.of("links.unsubscribe", "links.preferences");
  private static final Set<String> SECTIONS = Set.of("items", "coupon", "person.name", "person.stage", "person.rfm");
  private static final String TRAITS = "person.traits.";
  private static final String COUPON_CODE = "coupon.code";

  private final LinkSigner signer;
  private final ItemSlot slot;
  private final String linkBase;
  private final Duration linkTtl;
  private final int slotSize;
  /** HTML escaping of the five characters that matter (jmustache's own also escapes '=' and '`', mangling URLs). */
  private static final Mustache.Escaper HTML = Escapers.simple(new String[][] {
      {"&", "&amp;"}, {"<", "&lt;"}, {">", "&gt;"}, {"\"", "&quot;"}, {"'", "&#39;"}});
  private final Mustache.Compiler html = Mustache.compiler().withEscaper(HTML).defaultValue("");
  private final Mustache.Compiler plain = Mustache.compiler().escapeHTML(false).defaultValue("");

  /**
   * @param signer   signs the links
   * @param slot     fills the recommended items
   * @param linkBase the public base URL of the link endpoints, e.g. {@code https://shop.example/s}; links are
   *                 {@code <base>/u?t=..} (unsubscribe), {@code /p} (preferences) and {@code /c} (click)
   * @param linkTtl  how long the links of a message hold
   * @param slotSize how many items the slot is asked for
   */
  public TemplateEngine(LinkSigner signer, ItemSlot slot, String linkBase, Duration linkTtl, int slotSize) {
    if (linkBase == null || !(linkBase.startsWith("https://") || linkBase.startsWith("http://"))) {
      throw new IllegalArgumentException("the link base must be an http(s) URL, not " + linkBase);
    }
    if (slotSize < 0) {
      throw new IllegalArgumentException("the slot size must not be negative, not " + slotSize);
    }
    this.signer = signer;
    this.slot = slot;
    this.linkBase = linkBase.endsWith("/") ? linkBase.substring(0, linkBase.length() - 1) : linkBase;
    this.linkTtl = linkTtl;
    this.slotSize = slotSize;
  }

  /** The template's problems, empty when it may be saved. */
  public List<String> validate(MessageTemplate template) {
    List<String> problems = new ArrayList<>();
    Map<String, Set<String>> used = new HashMap<>();
    for (var part : parts(template).entrySet()) {
      try {
        used.put(part.getKey(), variables(plain.compile(part.getValue()), part.getKey(), problems));
      } catch (MustacheException e) {
        problems.add(part.getKey() + ": " + e.getMessage());
      }
    }
    if (template.category() == ContentCategory.PROMOTIONAL) {
      for (String body : List.of("html", "text")) {
        if (!parts(template).get(body).isBlank() && !used.getOrDefault(body, Set.of()).contains("links.unsubscribe")) {
          problems.add(body + ": a promotional message must carry {{links.unsubscribe}}");
        }
      }
    }
    return problems;
  }

  /** Validates the template for saving; throws a {@link TemplateException} listing its problems. */
  public MessageTemplate checked(MessageTemplate template) {
    List<String> problems = validate(template);
    if (!problems.isEmpty()) {
      throw new TemplateException(template.id(), problems);
    }
    return template;
  }

  /**
   * Renders the template for the person and message ({@code messageKey} goes into the signed links, so that an
   * unsubscribe or click is traced to this message).
   *
   * @throws TemplateException when the template is invalid or uses a coupon code the context lacks
   */
  public RenderedMessage render(MessageTemplate template, PersonContext person, String messageKey) {
    Compiled c = compiled(template);
    // a {{#coupon}} section says the template reads without a coupon (the section then shows nothing)
    boolean couponRequired = c.used().contains(COUPON_CODE) && !c.used().contains("coupon");
    if (couponRequired && (person.couponCode() == null || person.couponCode().isBlank())) {
      throw new TemplateException(template.id(), List.of("uses {{coupon.code}} but no coupon was granted for "
          + person.person()));
    }
    List<SlotItem> items = c.used().contains("items") ? slot.fill(person.person(), slotSize) : List.of();
    Map<String, Object> context = context(template, person, messageKey, items, c.used());
    String html = c.html().execute(context);
    if (!html.isBlank() && !"preview".equals(messageKey)) {
      // the open pixel: an email client that loads images reports the open through it
      html = html + "<img src=\"" + link(LinkPurpose.OPEN, person.person(), messageKey, "")
          + "\" width=\"1\" height=\"1\" alt=\"\">";
    }
    return new RenderedMessage(c.subject().execute(context), html, c.text().execute(context),
        items.stream().map(SlotItem::itemId).toList());
  }

  /** The signed one-click unsubscribe link of the message (for a List-Unsubscribe header). */
  public String unsubscribeUrl(io.shopsense.api.id.PersonId person, String messageKey) {
    return link(LinkPurpose.UNSUBSCRIBE, person, messageKey, "");
  }

  /** The signed link to the person's preference centre. */
  public String preferencesUrl(io.shopsense.api.id.PersonId person, String messageKey) {
    return link(LinkPurpose.PREFERENCES, person, messageKey, "");
  }

  /** A validated template, compiled once: a campaign renders one template for many people. */
  private record Compiled(Template subject, Template html, Template text, Set<String> used) {
  }

  private final Map<MessageTemplate, Compiled> cache = new java.util.concurrent.ConcurrentHashMap<>();

  private Compiled compiled(MessageTemplate template) {
    Compiled c = cache.get(template);
    if (c != null) {
      return c;
    }
    checked(template);
    Set<String> used = new LinkedHashSet<>();
    parts(template).values().forEach(p -> used.addAll(variables(plain.compile(p), "", new ArrayList<>())));
    c = new Compiled(plain.compile(template.subject()), html.compile(template.html()), plain.compile(template.text()),
        Set.copyOf(used));
    if (cache.size() >= 1_000) { // templates are few; an edited one is a new key, so drop the old ones now and then
      cache.clear();
    }
    cache.put(template, c);
    return c;
  }

  /** A preview of the template for the person, as a send would render it (links marked as a preview's). */
  public RenderedMessage preview(MessageTemplate template, PersonContext person) {
    PersonContext p = person.couponCode() == null ? person.withCoupon("PREVIEWCODE") : person;
    return render(template, p, "preview");
  }

  private Map<String, Object> context(MessageTemplate template, PersonContext p, String messageKey,
      List<SlotItem> items, Set<String> used) {
    Map<String, Object> person = new HashMap<>();
    putIfPresent(person, "name", p.name());
    putIfPresent(person, "stage", p.stage());
    putIfPresent(person, "rfm", p.rfmSegment());
    person.put("traits", p.traits());
    Map<String, Object> links = new HashMap<>(); // only the links the template shows: each costs an HMAC
    if (used.contains("links.unsubscribe")) {
      links.put("unsubscribe", link(LinkPurpose.UNSUBSCRIBE, p, messageKey, ""));
    }
    if (used.contains("links.preferences")) {
      links.put("preferences", link(LinkPurpose.PREFERENCES, p, messageKey, ""));
    }
    List<Map<String, Object>> shown = new ArrayList<>();
    for (SlotItem item : items) {
      NumberFormat money = money(template, item);
      shown.add(Map.of("name", item.name(), "price", money.format(item.price()),
          "link", link(LinkPurpose.CLICK, p, messageKey, item.link()), "explanation", item.explanation()));
    }
    Map<String, Object> context = new HashMap<>();
    context.put("person", person);
    context.put("links", links);
    context.put("items", shown);
    if (p.couponCode() != null) {
      context.put("coupon", Map.of("code", p.couponCode()));
    }
    return context;
  }

  /** Currency formats per thread, by locale and currency (a {@code NumberFormat} is costly and not thread-safe). */
  private final ThreadLocal<Map<String, NumberFormat>> formats = ThreadLocal.withInitial(HashMap::new);

  private NumberFormat money(MessageTemplate template, SlotItem item) {
    return formats.get().computeIfAbsent(template.locale() + "/" + item.currency(), k -> {
      NumberFormat money = NumberFormat.getCurrencyInstance(template.locale().locale());
      try {
        money.setCurrency(Currency.getInstance(item.currency()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("item " + item.itemId() + " has an unknown currency " + item.currency());
      }
      return money;
    });
  }

  private String link(LinkPurpose purpose, PersonContext p, String messageKey, String target) {
    return link(purpose, p.person(), messageKey, target);
  }

  private String link(LinkPurpose purpose, io.shopsense.api.id.PersonId person, String messageKey, String target) {
    String token = signer.sign(purpose, person, messageKey, target, linkTtl);
    return linkBase + "/" + purpose.code() + "?t=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
  }

  private static void putIfPresent(Map<String, Object> map, String key, String value) {
    if (value != null && !value.isEmpty()) {
      map.put(key, value);
    }
  }

  private static Map<String, String> parts(MessageTemplate t) {
    Map<String, String> parts = new java.util.LinkedHashMap<>();
    parts.put("subject", t.subject());
    parts.put("html", t.html());
    parts.put("text", t.text());
    return parts;
  }

  /** The variables and sections the template uses; unknown ones are added to {@code problems}. */
  private static Set<String> variables(Template template, String part, List<String> problems) {
    Set<String> used = new LinkedHashSet<>();
    Deque<String> sections = new ArrayDeque<>();
    template.visit(new Mustache.Visitor() {
      @Override
      public void visitText(String text) {
        // jmustache keeps a tag it cannot close as text: a "{{" left in the text is a tag left open
        int open = text.indexOf("{{");
        if (open >= 0 || text.contains("}}")) {
          int at = Math.max(open, 0);
          problems.add(part + ": an unclosed or stray tag near '" + text.substring(at, Math.min(text.length(),
              at + 30)) + "'");
        }
      }

      @Override
      public void visitVariable(String name) {
        check(name, false);
      }

      @Override
      public boolean visitInclude(String name) {
        problems.add(part + ": partials ({{> " + name + "}}) are not supported");
        return false;
      }

      @Override
      public boolean visitSection(String name) {
        return section(name);
      }

      @Override
      public boolean visitInvertedSection(String name) {
        return section(name);
      }

      private boolean section(String name) {
        check(name, true);
        if ("items".equals(name)) {
          sections.push(name);
          // the visitor walks the section's body next; items' fields are checked against ITEM_FIELDS there
        }
        return true;
      }

      private void check(String name, boolean section) {
        used.add(name);
        // the visitor reports no section's end, so item fields are accepted anywhere after {{#items}} opens (outside
        // it they render empty)
        boolean known = (section ? SECTIONS.contains(name) : PERSON_FIELDS.contains(name) || LINKS.contains(name)
            || COUPON_CODE.equals(name)) || name.startsWith(TRAITS) && name.length() > TRAITS.length()
            || !sections.isEmpty() && ITEM_FIELDS.contains(name);
        if (!known) {
          problems.add(part + ": unknown " + (section ? "section" : "variable") + " '" + name + "' (known: "
              + "person.name, person.stage, person.rfm, person.traits.<name>, coupon.code, links.unsubscribe, "
              + "links.preferences, items with name/price/link/explanation)");
        }
      }
    });
    return used;
  }
}
