package io.shopsense.server.web.campaign;

import io.shopsense.api.delivery.DeliveryKey;
import io.shopsense.api.delivery.Engagement;
import io.shopsense.api.delivery.Inbox;
import io.shopsense.api.delivery.InboxMessage;
import io.shopsense.api.id.PersonId;
import io.shopsense.core.identity.PersonView;
import io.shopsense.platform.Platform;
import io.shopsense.platform.campaign.CampaignStores;
import io.shopsense.server.security.CustomerPrincipal;
import io.shopsense.server.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer's in-app inbox, authenticated by a customer token: the messages the in-app channel posted for them,
 * newest first, which the storefront lists, marks read and deletes. Another person's message is 404, as if it did not
 * exist.
 */
@RestController
@RequestMapping(path = "/v1/me/inbox", produces = MediaType.APPLICATION_JSON_VALUE)
public class InboxController {
  static final int MAX_LIMIT = 200;

  private final Platform platform;
  private final Clock clock;

  public InboxController(Platform platform, Clock clock) {
    this.platform = platform;
    this.clock = clock;
  }

  /** The messages ({@code unread=true}: only unread ones), at most {@code limit}, and how many are unread. */
  @GetMapping
  public Map<String, Object> list(@AuthenticationPrincipal CustomerPrincipal me,
      @RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "50") int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ApiProblem.badRequest("invalid_parameter", "limit must be 1 to " + MAX_LIMIT);
    }
    PersonId person = person(me);
    Inbox inbox = platform.campaigns().stores().inbox();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("messages", inbox.list(person, unread, limit).stream().map(InboxController::view).toList());
    out.put("unread", inbox.unreadCount(person));
    return out;
  }

  /**
   * Marks the message read (again: keeps the first time), and counts it opened for the campaign's report and the
   * contact-pressure policy (an in-app message reports its opens this way, there is no pixel).
   */
  @PostMapping("/{id}/read")
  public ResponseEntity<Void> read(@AuthenticationPrincipal CustomerPrincipal me, @PathVariable long id) {
    PersonId person = person(me);
    CampaignStores stores = platform.campaigns().stores();
    Instant now = clock.instant();
    if (!stores.inbox().markRead(person, id, now)) {
      throw ApiProblem.notFound("message");
    }
    // the inbox answers by person, not by id: find the key among the person's newest messages
    stores.inbox().list(person, false, MAX_LIMIT).stream().filter(m -> m.id() == id).findFirst()
        .ifPresent(m -> opened(stores, m.key(), now));
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping("/{id}")
  public ResponseEntity<Void> delete(@AuthenticationPrincipal CustomerPrincipal me, @PathVariable long id) {
    if (!platform.campaigns().stores().inbox().delete(person(me), id)) {
      throw ApiProblem.notFound("message");
    }
    return ResponseEntity.noContent().build();
  }

  private static void opened(CampaignStores stores, String messageKey, Instant now) {
    DeliveryKey key;
    try {
      key = DeliveryKey.parse(messageKey);
    } catch (IllegalArgumentException notACampaignMessage) {
      return;
    }
    stores.outbox().track(key, Engagement.OPENED, now);
    stores.contactLog().markOpened(messageKey, now);
  }

  static Map<String, Object> view(InboxMessage m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", m.id());
    out.put("subject", m.subject());
    out.put("text", m.text());
    out.put("html", m.html());
    out.put("link", m.link());
    out.put("postedAt", m.postedAt().toString());
    out.put("read", m.read());
    out.put("readAt", m.readAt() == null ? null : m.readAt().toString());
    return out;
  }

  /** The token's person, or the survivor it was merged into. */
  private PersonId person(CustomerPrincipal me) {
    return platform.persons().find(me.person()).map(PersonView::id).orElse(me.person());
  }
}
