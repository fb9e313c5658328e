package io.shopsense.server.web.campaign;

import static io.shopsense.server.web.campaign.LinkPages.e;

import io.shopsense.api.campaign.Channel;
import io.shopsense.api.campaign.ContactPreferences.Frequency;
import io.shopsense.api.delivery.Engagement;
import io.shopsense.core.campaign.content.LinkPurpose;
import io.shopsense.platform.Platform;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The preference centre a message links to ({@code /s/p?t=}): a plain server-rendered form (no script) with the
 * channels the person accepts, their preferred channel, how often they want promotional messages, muted topics and
 * "unsubscribe from all marketing". Public: the signed token is the credential. A POST saves and shows the saved
 * state; a choice that cannot be saved gets the page again with the reason and 400.
 */
@RestController
public class PreferenceCentreController {
  static final String SOURCE = "preference-centre";
  private static final Map<Channel, String> CHANNEL_LABELS = Map.of(Channel.EMAIL, "Email",
      Channel.IN_APP, "In the app and on the website", Channel.SMS, "Text messages (SMS)",
      Channel.PUSH, "Push notifications", Channel.MESSAGING_APP, "Messaging apps");
  private static final Map<Frequency, String> FREQUENCY_LABELS = Map.of(Frequency.ANY, "Whenever there is news",
      Frequency.DAILY, "At most once a day", Frequency.WEEKLY, "At most once a week");

  private final Platform platform;
  private final Clock clock;

  public PreferenceCentreController(Platform platform, Clock clock) {
    this.platform = platform;
    this.clock = clock;
  }

  @GetMapping("/s/p")
  public ResponseEntity<String> page(@RequestParam(name = "t", required = false) String token) {
    LinkPages.Check check = LinkPages.check(platform, token, LinkPurpose.PREFERENCES);
    if (check instanceof LinkPages.Refused r) {
      return r.answer();
    }
    PreferenceChoices current = PreferenceChoices.load(platform, ((LinkPages.Checked) check).person());
    return LinkPages.page(HttpStatus.OK, "Your preferences", form(token, current, ""));
  }

  /** Saves the form (field names as {@link #form} writes them). */
  @PostMapping("/s/p")
  public ResponseEntity<String> save(@RequestParam(name = "t", required = false) String token,
      @RequestParam(name = "channel", required = false) List<String> channels,
      @RequestParam(name = "preferred", required = false) String preferred,
      @RequestParam(name = "frequency", required = false) String frequency,
      @RequestParam(name = "muted", required = false) String muted,
      @RequestParam(name = "unsubscribe_all", required = false) String unsubscribeAll) {
    LinkPages.Check check = LinkPages.check(platform, token, LinkPurpose.PREFERENCES);
    if (check instanceof LinkPages.Refused r) {
      return r.answer();
    }
    LinkPages.Checked checked = (LinkPages.Checked) check;
    if (LinkController.PREVIEW_KEY.equals(checked.claims().messageKey())) {
      return LinkPages.page(HttpStatus.OK, "Preview", "<p>This link comes from a preview: nothing was changed.</p>");
    }
    PreferenceChoices choices;
    try {
      // an unticked checkbox sends nothing: no channel parameter at all means none was ticked
      choices = PreferenceChoices.parse(channels == null ? List.of() : channels, preferred, frequency,
          PreferenceChoices.splitTopics(muted), unsubscribeAll != null);
    } catch (IllegalArgumentException invalid) {
      PreferenceChoices current = PreferenceChoices.load(platform, checked.person());
      return LinkPages.page(HttpStatus.BAD_REQUEST, "Your preferences",
          "<p class=\"error\">Not saved: " + e(invalid.getMessage()) + ".</p>\n" + form(token, current, ""));
    }
    Instant now = clock.instant();
    if (choices.save(platform, checked.person(), SOURCE, now)) {
      LinkPages.message(checked.claims())
          .ifPresent(key -> platform.campaigns().stores().outbox().track(key, Engagement.UNSUBSCRIBED, now));
    }
    PreferenceChoices saved = PreferenceChoices.load(platform, checked.person());
    return LinkPages.page(HttpStatus.OK, "Your preferences", form(token, saved,
        "<p class=\"saved\" role=\"status\">Your preferences are saved.</p>\n"));
  }

  /** The form showing the choices; {@code notice} (HTML) above it. Every value written is escaped. */
  static String form(String token, PreferenceChoices c, String notice) {
    StringBuilder h = new StringBuilder(4096).append(notice);
    if (c.unsubscribedAll()) {
      h.append("<p><strong>You are unsubscribed from all marketing messages.</strong> Untick the box at the bottom "
          + "to receive them again.</p>\n");
    }
    h.append("<form method=\"post\" action=\"").append(e(LinkPages.sibling("p", token))).append("\">\n")
        .append("<fieldset><legend>Where may we reach you?</legend>\n");
    for (Channel ch : Channel.values()) {
      h.append("<label><input type=\"checkbox\" name=\"channel\" value=\"").append(e(ch.wireName())).append('"')
          .append(c.channels().contains(ch) ? " checked" : "").append("> ").append(e(CHANNEL_LABELS.get(ch)))
          .append("</label>\n");
    }
    h.append("</fieldset>\n<fieldset><legend>Preferred channel</legend>\n<label><select name=\"preferred\">")
        .append("<option value=\"\"").append(c.preferred() == null ? " selected" : "").append(">No preference</option>");
    for (Channel ch : Channel.values()) {
      h.append("<option value=\"").append(e(ch.wireName())).append('"')
          .append(ch == c.preferred() ? " selected" : "").append('>').append(e(CHANNEL_LABELS.get(ch)))
          .append("</option>");
    }
    h.append("</select></label>\n</fieldset>\n<fieldset><legend>How often</legend>\n");
    for (Frequency f : Frequency.values()) {
      String wire = f.name().toLowerCase(Locale.ROOT);
      h.append("<label><input type=\"radio\" name=\"frequency\" value=\"").append(wire).append('"')
          .append(f == c.frequency() ? " checked" : "").append("> ").append(e(FREQUENCY_LABELS.get(f)))
          .append("</label>\n");
    }
    h.append("</fieldset>\n<fieldset><legend>Topics you do not want</legend>\n")
        .append("<label>Separate topics with commas: <input type=\"text\" name=\"muted\" size=\"40\" value=\"")
        .append(e(String.join(", ", c.mutedTopics()))).append("\"></label>\n</fieldset>\n")
        .append("<fieldset><legend>Unsubscribe</legend>\n<label><input type=\"checkbox\" name=\"unsubscribe_all\" ")
        .append("value=\"on\"").append(c.unsubscribedAll() ? " checked" : "")
        .append("> Unsubscribe from all marketing (messages about your orders and account still reach you)")
        .append("</label>\n</fieldset>\n<button type=\"submit\">Save</button>\n</form>");
    return h.toString();
  }
}
