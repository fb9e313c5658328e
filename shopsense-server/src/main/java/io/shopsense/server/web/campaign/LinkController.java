package io.shopsense.server.web.campaign;

import static io.shopsense.server.web.campaign.LinkPages.e;

import io.shopsense.api.campaign.ContactBlock;
import io.shopsense.api.delivery.DeliveryKey;
import io.shopsense.api.delivery.Engagement;
import io.shopsense.core.campaign.content.LinkClaims;
import io.shopsense.core.campaign.content.LinkPurpose;
import io.shopsense.platform.Platform;
import io.shopsense.platform.campaign.CampaignStores;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The links a message carries, signed by the platform's {@code LinkSigner}: the open pixel ({@code /s/o}), the
 * click-tracking redirect ({@code /s/c}) and the unsubscribe page ({@code /s/u}). Public: the signed token {@code t}
 * is the credential, and it acts only for its person, message, target and purpose. A bad, expired or wrong-purpose
 * token gets a short page with 400 (410 once expired), never a redirect.
 */
@RestController
public class LinkController {
  /** The smallest transparent GIF (1×1). */
  private static final byte[] PIXEL = Base64.getDecoder()
      .decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
  static final String UNSUBSCRIBE_SOURCE = "unsubscribe-link";
  /** The message key a template preview signs into its links: such a link changes nothing. */
  static final String PREVIEW_KEY = "preview";

  private final Platform platform;
  private final Clock clock;

  public LinkController(Platform platform, Clock clock) {
    this.platform = platform;
    this.clock = clock;
  }

  /** The open pixel: the message was opened (an email client loaded its images). */
  @GetMapping("/s/o")
  public ResponseEntity<?> open(@RequestParam(name = "t", required = false) String token) {
    LinkPages.Check check = LinkPages.check(platform, token, LinkPurpose.OPEN);
    if (check instanceof LinkPages.Refused r) {
      return r.answer();
    }
    LinkClaims claims = ((LinkPages.Checked) check).claims();
    Instant now = clock.instant();
    track(claims, now, Engagement.OPENED);
    return ResponseEntity.ok().contentType(MediaType.IMAGE_GIF).cacheControl(CacheControl.noStore())
        .header("Referrer-Policy", "no-referrer").body(PIXEL);
  }

  /**
   * A click: recorded as a click and an open (a click implies the message was seen, even when images were off), then
   * a redirect to the target signed into the token, never to a URL from the request (no open redirect).
   */
  @GetMapping("/s/c")
  public ResponseEntity<?> click(@RequestParam(name = "t", required = false) String token) {
    LinkPages.Check check = LinkPages.check(platform, token, LinkPurpose.CLICK);
    if (check instanceof LinkPages.Refused r) {
      return r.answer();
    }
    LinkClaims claims = ((LinkPages.Checked) check).claims();
    Optional<URI> target = webTarget(claims.target());
    if (target.isEmpty()) {
      // signed by us, yet not a web address: better a page than a redirect to a javascript: or data: URL
      return LinkPages.page(HttpStatus.BAD_REQUEST, "Invalid link", "<p>This link leads nowhere.</p>");
    }
    Instant now = clock.instant();
    track(claims, now, Engagement.CLICKED, Engagement.OPENED);
    return ResponseEntity.status(HttpStatus.FOUND).location(target.get()).cacheControl(CacheControl.noStore())
        .header("Referrer-Policy", "no-referrer").build();
  }

  /** The unsubscribe page: what the button does, and the button (a GET changes nothing: mail scanners follow links). */
  @GetMapping("/s/u")
  public ResponseEntity<String> unsubscribePage(@RequestParam(name = "t", required = false) String token) {
    LinkPages.Check check = LinkPages.check(platform, token, LinkPurpose.UNSUBSCRIBE);
    if (check instanceof LinkPages.Refused r) {
      return r.answer();
    }
    return LinkPages.page(HttpStatus.OK, "Unsubscribe",
        "<p>Unsubscribe from all marketing messages from us, on every channel (email, in-app, SMS, push)? Messages "
            + "about your orders and your account still reach you.</p>\n<form method=\"post\" action=\""
            + e(LinkPages.sibling("u", token)) + "\"><button type=\"submit\">Unsubscribe</button></form>\n"
            + "<p>Or <a href=\"" + e(LinkPages.sibling("p", preferencesToken(((LinkPages.Checked) check).claims())))
            + "\">choose what you receive</a> instead.</p>");
  }

  /**
   * Unsubscribes the person from all marketing: the page's button, and the RFC 8058 one-click POST a mail client
   * sends for the {@code List-Unsubscribe} header (body {@code List-Unsubscribe=One-Click}, which needs no reading).
   * Repeating it changes nothing.
   */
  @PostMapping("/s/u")
  public ResponseEntity<String> unsubscribe(@RequestParam(name = "t", required = false) String token) {
    LinkPages.Check check = LinkPages.check(platform, token, LinkPurpose.UNSUBSCRIBE);
    if (check instanceof LinkPages.Refused r) {
      return r.answer();
    }
    LinkPages.Checked checked = (LinkPages.Checked) check;
    String preferences = e(LinkPages.sibling("p", preferencesToken(checked.claims())));
    if (PREVIEW_KEY.equals(checked.claims().messageKey())) {
      return LinkPages.page(HttpStatus.OK, "Preview", "<p>This link comes from a preview: nothing was changed.</p>");
    }
    Instant now = clock.instant();
    CampaignStores stores = platform.campaigns().stores();
    stores.blocks().add(ContactBlock.all(checked.person(), ContactBlock.Kind.UNSUBSCRIBED, UNSUBSCRIBE_SOURCE, now));
    track(checked.claims(), now, Engagement.UNSUBSCRIBED);
    return LinkPages.page(HttpStatus.OK, "You are unsubscribed",
        "<p>You will no longer receive marketing messages from us. Messages about your orders and your account "
            + "still reach you.</p>\n<p>Changed your mind, or want only some messages? <a href=\"" + preferences
            + "\">Open your preferences</a>.</p>");
  }

  /** Records the engagements on the message the link came from (a preview's links name no message). */
  private void track(LinkClaims claims, Instant now, Engagement... engagements) {
    Optional<DeliveryKey> message = LinkPages.message(claims);
    if (message.isEmpty()) {
      return;
    }
    DeliveryKey key = message.get();
    CampaignStores stores = platform.campaigns().stores();
    for (Engagement engagement : engagements) {
      stores.outbox().track(key, engagement, now);
      if (engagement == Engagement.OPENED) {
        // the contact log's open resets the person's unopened streak, which the fatigue rule counts
        stores.contactLog().markOpened(claims.messageKey(), now);
      }
    }
  }

  /** A preference-centre token for the same person and message, as long-lived as the message's own links. */
  private String preferencesToken(LinkClaims claims) {
    return platform.campaigns().links().sign(LinkPurpose.PREFERENCES, claims.person(), claims.messageKey(), "",
        platform.campaigns().settings().linkTtl());
  }

  /** The target when it is an absolute http(s) URL with a host. */
  static Optional<URI> webTarget(String target) {
    try {
      URI uri = new URI(target);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return Optional.of(uri);
      }
    } catch (java.net.URISyntaxException | NullPointerException e) {
      // not a URL
    }
    return Optional.empty();
  }
}
