package io.shopsense.core.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.api.collect.EventEnvelope;
import io.shopsense.api.event.Alias;
import io.shopsense.api.event.Event;
import io.shopsense.api.event.Identify;
import io.shopsense.api.event.OrderCompleted;
import io.shopsense.api.id.SourceId;
import io.shopsense.core.collect.internal.EventPreparer;
import io.shopsense.core.json.JsonCodec;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventDecoderTest {
  static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

  static EventEnvelope envelope(String json) {
    return new EventPreparer(IngestSettings.defaults()).prepare(JsonCodec.parse(json.replace('\'', '"')),
        IngestRequest.live(SourceId.of("web"), NOW)).envelope();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{'type':'track','event':'Order Completed','messageId':'m1','userId':'u1','anonymousId':'a1','timestamp':'2026-11-20T11:00:00Z','properties':{'order_id':'o1'}}",
      "{'type':'page','name':'Home','messageId':'m2','anonymousId':'a1','timestamp':'2026-11-20T11:00:00+08:00'}",
      "{'type':'screen','name':'Cart','messageId':'m3','userId':'u1'}",
      "{'type':'identify','messageId':'m4','userId':'u1','anonymousId':'a2','traits':{'email':'x@example.com'}}",
      "{'type':'alias','messageId':'m5','userId':'u1','previousId':'old'}"})
  void theEnvelopeOnlyEventHasTheSameIdsTimeAndTypeAsTheFullOne(String json) {
    EventEnvelope e = envelope(json);
    Event full = EventDecoder.decode(e);
    Event light = EventDecoder.decodeEnvelope(e);

    assertThat(light.type()).isEqualTo(full.type());
    assertThat(light.name()).isEqualTo(full.name());
    assertThat(light.meta().messageId()).isEqualTo(full.meta().messageId());
    assertThat(light.meta().userId()).isEqualTo(full.meta().userId());
    assertThat(light.meta().anonymousId()).isEqualTo(full.meta().anonymousId());
    assertThat(light.meta().timestamp()).isEqualTo(full.meta().timestamp());
    assertThat(light.meta().source()).isEqualTo(full.meta().source());
  }

  @Test
  void identifyAndAliasAreDecodedWholeForTheirTraitsAndPreviousId() {
    assertThat(EventDecoder.decodeEnvelope(envelope("{'type':'identify','userId':'u','traits':{'city':'Xi an'}}")))
        .isInstanceOfSatisfying(Identify.class, i -> assertThat(i.traits().text("city")).contains("Xi an"));
    assertThat(EventDecoder.decodeEnvelope(envelope("{'type':'alias','userId':'u','previousId':'p'}")))
        .isInstanceOfSatisfying(Alias.class, a -> assertThat(a.previousId()).isEqualTo("p"));
    assertThat(EventDecoder.decode(envelope("{'type':'track','event':'Order Completed','userId':'u',"
        + "'properties':{'order_id':'o1','revenue':5}}"))).isInstanceOf(OrderCompleted.class);
  }
}
