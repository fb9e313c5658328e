package io.shopsense.core.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.privacy.LawfulBasis;
import io.shopsense.api.privacy.Purpose;
import io.shopsense.core.json.JsonCodec;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The properties of the storefront's {@code Consent Updated} event: what is valid, what it declares. */
class ConsentUpdatedTest {

  private static com.fasterxml.jackson.databind.JsonNode json(String singleQuoted) {
    return JsonCodec.parse(singleQuoted.replace('\'', '"'));
  }

  @Test
  void readsWhatAValidEventDeclaresWithDefaults() {
    var props = json("{'purposes':{'analytics':true,'Marketing_Email':false},'notice_version':' 2026-05 '}");
    assertThat(ConsentUpdated.check(props)).isEmpty();
    ConsentUpdated.Declared d = ConsentUpdated.read(props);
    assertThat(d.purposes()).isEqualTo(Map.of(Purpose.ANALYTICS, true, Purpose.MARKETING_EMAIL, false));
    assertThat(d.noticeVersion()).isEqualTo("2026-05");
    assertThat(d.source()).isEqualTo("storefront");
    assertThat(d.basis()).isEqualTo(LawfulBasis.CONSENT);
  }

  @Test
  void namesEveryProblemByPathWithoutEchoingValues() {
    var props = json("{'purposes':{'analytics':'yes','fishing':true,'<script>':true},'notice_version':7,"
        + "'source':'','basis':'because'}");
    assertThat(ConsentUpdated.check(props)).extracting(Violation::path).containsExactly(
        "properties.purposes.analytics", "properties.purposes.fishing", "properties.purposes.?script?",
        "properties.notice_version", "properties.source", "properties.basis");
    assertThat(ConsentUpdated.check(props)).extracting(v -> v.reason().code()).containsExactly("invalid_type",
        "invalid_value", "invalid_value", "invalid_type", "invalid_value", "invalid_value");
    assertThat(ConsentUpdated.check(props).toString()).doesNotContain("because", "yes");
  }

  @Test
  void needsPurposesAndTheNoticeVersion() {
    assertThat(ConsentUpdated.check(null)).extracting(Violation::path)
        .containsExactly("properties.purposes", "properties.notice_version");
    assertThat(ConsentUpdated.check(json("{'purposes':{},'notice_version':'v1'}"))).extracting(Violation::reason)
        .containsExactly(RejectReason.MISSING_FIELD);
    assertThat(ConsentUpdated.check(json("{'purposes':[true],'notice_version':'v1'}"))).extracting(Violation::reason)
        .containsExactly(RejectReason.INVALID_TYPE);
  }
}
