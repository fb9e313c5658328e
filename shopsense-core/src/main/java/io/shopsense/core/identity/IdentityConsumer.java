package io.shopsense.core.identity;

import io.shopsense.api.collect.StoredEvent;
import io.shopsense.core.collect.EventDecoder;
import io.shopsense.core.pipeline.LogConsumer;
import java.util.List;

/** Follows the event log and resolves identities (and traits) as the events arrive. */
public final class IdentityConsumer implements LogConsumer {
  private final IdentityResolver resolver;

  public IdentityConsumer(IdentityResolver resolver) {
    this.resolver = resolver;
  }

  @Override
  public String name() {
    return "identity";
  }

  @Override
  public long process(List<StoredEvent> events) {
    for (StoredEvent e : events) {
      resolver.observe(EventDecoder.decode(e));
    }
    return events.get(events.size() - 1).seq();
  }
}
