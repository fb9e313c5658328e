package io.shopsense.server.web.campaign;

import io.shopsense.api.delivery.DeliveryKey;
import io.shopsense.api.id.PersonId;
import io.shopsense.core.campaign.content.LinkClaims;
import io.shopsense.core.campaign.content.LinkPurpose;
import io.shopsense.core.campaign.content.LinkVerdict;
import io.shopsense.core.identity.PersonView;
import io.shopsense.platform.Platform;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriUtils;

/**
 * What the signed-link pages ({@code /s/**}) share: checking a link's token and the plain HTML around their content.
 * The token is the only credential of these pages, so every answer is uncacheable and sends no Referer on: a token in
 * a cache or in another site's logs would act for the person.
 */
final class LinkPages {
  private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
  /** No script, no outside resources; forms post only back here. */
  private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self';"
      + " base-uri 'none'; frame-ancestors 'none'";

  private LinkPages() {}

  /** What checking a link's token gave. */
  sealed interface Check permits Checked, Refused {}

  /** A good link: its claims and the person it acts for now (the survivor, when that person was merged since). */
  record Checked(LinkClaims claims, PersonId person) implements Check {}

  /** A rejected link and the page that answers it. */
  record Refused(ResponseEntity<String> answer) implements Check {}

  /** The link's token checked for the purpose. */
  static Check check(Platform platform, String token, LinkPurpose purpose) {
    LinkVerdict verdict = platform.campaigns().links().verify(token, purpose);
    if (verdict instanceof LinkVerdict.Rejected r) {
      return new Refused(rejected(r));
    }
    LinkClaims claims = ((LinkVerdict.Valid) verdict).claims();
    PersonId person = platform.persons().find(claims.person()).map(PersonView::id).orElse(claims.person());
    return new Checked(claims, person);
  }

  /**
   * The answer to a rejected link: 410 Gone for an expired one (it was good once), 400 for anything else. Never a
   * redirect, and nothing of the token's claims (an unsigned token's claims are not to be trusted or echoed).
   */
  static ResponseEntity<String> rejected(LinkVerdict.Rejected r) {
    boolean expired = r.reason() == LinkVerdict.Reason.EXPIRED;
    String why = switch (r.reason()) {
      case EXPIRED -> "This link has expired. Use the link in a more recent message.";
      case WRONG_PURPOSE -> "This link is not meant for this page.";
      case MALFORMED, BAD_SIGNATURE -> "This link is not valid. It may have been cut off or changed; copy the whole "
          + "link from the message.";
    };
    return page(expired ? HttpStatus.GONE : HttpStatus.BAD_REQUEST, expired ? "Link expired" : "Invalid link",
        "<p>" + e(why) + "</p>");
  }

  /** The message a link came from; empty for a preview's links, which name none. */
  static Optional<DeliveryKey> message(LinkClaims claims) {
    try {
      return Optional.of(DeliveryKey.parse(claims.messageKey()));
    } catch (IllegalArgumentException notAMessage) {
      return Optional.empty();
    }
  }

  /** A page with the title and the body (HTML the caller escaped). */
  static ResponseEntity<String> page(HttpStatus status, String title, String bodyHtml) {
    String html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<meta name=\"robots\" content=\"noindex\"><title>" + e(title) + "</title>"
        + "<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;"
        + "line-height:1.5}fieldset{border:1px solid #ddd;margin:1rem 0}label{display:block;margin:.2rem 0}"
        + "button{padding:.4rem 1rem}.error{color:#a00}.saved{color:#070}</style></head><body>\n<h1>" + e(title)
        + "</h1>\n" + bodyHtml + "\n</body></html>\n";
    return ResponseEntity.status(status).contentType(HTML).cacheControl(CacheControl.noStore())
        .header("Referrer-Policy", "no-referrer").header("Content-Security-Policy", CSP)
        .header("X-Robots-Tag", "noindex").body(html);
  }

  /** The relative URL of a sibling link page ({@code p}, {@code u}) with the token, for forms and links. */
  static String sibling(String page, String token) {
    return page + "?t=" + UriUtils.encodeQueryParam(token, StandardCharsets.UTF_8);
  }

  static String e(String s) {
    return s == null ? "" : HtmlUtils.htmlEscape(s, "UTF-8");
  }
}
