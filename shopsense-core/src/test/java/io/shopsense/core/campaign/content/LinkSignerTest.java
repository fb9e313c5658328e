package io.shopsense.core.campaign.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shopsense.api.id.PersonId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class LinkSignerTest {
  static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
  static final PersonId ANNA = PersonId.of("person-anna");

  final LinkSigner signer = new LinkSigner(KEY, Clock.fixed(T0, ZoneOffset.UTC));

  @Test
  void verifiesWhatItSignedWithEveryClaim() {
    String token = signer.sign(LinkPurpose.CLICK, ANNA, "journey-1/step-2/anna", "https://shop.example/p/1?a=b&c",
        Duration.ofDays(30));

    assertThat(token).matches("[A-Za-z0-9_.-]+");
    LinkVerdict verdict = signer.verify(token, LinkPurpose.CLICK);

    assertThat(verdict).isEqualTo(new LinkVerdict.Valid(new LinkClaims(LinkPurpose.CLICK, ANNA,
        "journey-1/step-2/anna", "https://shop.example/p/1?a=b&c", T0.plus(Duration.ofDays(30)))));
  }

  @Test
  void rejectsATamperedPayload() {
    String token = signer.sign(LinkPurpose.UNSUBSCRIBE, ANNA, "m-1", "", Duration.ofDays(1));
    String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
        StandardCharsets.UTF_8);
    String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
        payload.replace("person-anna", "person-bert").getBytes(StandardCharsets.UTF_8))
        + token.substring(token.indexOf('.'));

    assertThat(reason(signer.verify(forged, LinkPurpose.UNSUBSCRIBE))).isEqualTo(LinkVerdict.Reason.BAD_SIGNATURE);
  }

  @Test
  void rejectsATamperedSignatureAndAnotherKeysLink() {
    String token = signer.sign(LinkPurpose.UNSUBSCRIBE, ANNA, "m-1", "", Duration.ofDays(1));
    int at = token.indexOf('.') + 1; // the signature's first character carries six whole bits of it
    String flipped = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
    LinkSigner other = new LinkSigner("another-key-another-key-another-k".getBytes(StandardCharsets.US_ASCII),
        Clock.fixed(T0, ZoneOffset.UTC));

    assertThat(reason(signer.verify(flipped, LinkPurpose.UNSUBSCRIBE))).isEqualTo(LinkVerdict.Reason.BAD_SIGNATURE);
    assertThat(reason(other.verify(token, LinkPurpose.UNSUBSCRIBE))).isEqualTo(LinkVerdict.Reason.BAD_SIGNATURE);
  }

  @Test
  void rejectsAnExpiredLink() {
    String token = signer.sign(LinkPurpose.PREFERENCES, ANNA, "m-1", "", Duration.ofHours(1));
    LinkSigner later = new LinkSigner(KEY, Clock.fixed(T0.plus(Duration.ofHours(1)), ZoneOffset.UTC));
    LinkSigner justBefore = new LinkSigner(KEY, Clock.fixed(T0.plus(Duration.ofMinutes(59)), ZoneOffset.UTC));

    assertThat(reason(later.verify(token, LinkPurpose.PREFERENCES))).isEqualTo(LinkVerdict.Reason.EXPIRED);
    assertThat(justBefore.verify(token, LinkPurpose.PREFERENCES)).isInstanceOf(LinkVerdict.Valid.class);
  }

  @Test
  void rejectsALinkUsedForAnotherPurpose() {
    String click = signer.sign(LinkPurpose.CLICK, ANNA, "m-1", "https://shop.example/", Duration.ofDays(1));

    assertThat(reason(signer.verify(click, LinkPurpose.UNSUBSCRIBE))).isEqualTo(LinkVerdict.Reason.WRONG_PURPOSE);
  }

  @Test
  void rejectsMalformedTokens() {
    for (String bad : new String[] {null, "", "abc", "a.b.c", "!!!.???", ".sig"}) {
      assertThat(reason(signer.verify(bad, LinkPurpose.CLICK))).as(bad).isIn(LinkVerdict.Reason.MALFORMED,
          LinkVerdict.Reason.BAD_SIGNATURE);
    }
    assertThat(reason(signer.verify("a.b.c", LinkPurpose.CLICK))).isEqualTo(LinkVerdict.Reason.MALFORMED);
  }

  @Test
  void fieldsCannotBeShiftedIntoEachOther() {
    String a = signer.sign(LinkPurpose.CLICK, ANNA, "m:1", "x", Duration.ofDays(1));
    String b = signer.sign(LinkPurpose.CLICK, ANNA, "m", "1:x", Duration.ofDays(1));

    assertThat(a.substring(0, a.indexOf('.'))).isNotEqualTo(b.substring(0, b.indexOf('.')));
  }

  @Test
  void refusesAShortKey() {
    assertThatThrownBy(() -> new LinkSigner(new byte[16], Clock.systemUTC()))
        .hasMessageContaining("at least 32 bytes");
  }

  private static LinkVerdict.Reason reason(LinkVerdict v) {
    assertThat(v).isInstanceOf(LinkVerdict.Rejected.class);
    return ((LinkVerdict.Rejected) v).reason();
  }
}
