package io.shopsense.core.profile;

import io.shopsense.api.event.Properties;
import io.shopsense.api.profile.ProfileFacts;
import io.shopsense.core.segment.ProfileFields;
import io.shopsense.core.segment.SegmentSubject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** One person's profile as segment rules see it, at one instant. */
public final class ProfileSubject implements SegmentSubject {
  private final ProfileState state;
  private final BehaviourView view;
  private final ProfileFacts facts;
  private final Properties traits;
  private final Instant now;
  private Map<String, Double> interests;

  public ProfileSubject(ProfileState state, BehaviourView view, ProfileFacts facts, Properties traits, Instant now) {
    this.state = state;
    this.view = view;
    this.facts = facts;
    this.traits = traits == null ? Properties.EMPTY : traits;
    this.now = now;
  }

  @Override
  public Object field(String path) {
    if (path.startsWith(ProfileFields.TRAITS_PREFIX)) {
      return traits.get(path.substring(ProfileFields.TRAITS_PREFIX.length()));
    }
    return switch (path) {
      case "lifecycle" -> facts.lifecycleStage();
      case "intent" -> {
        SessionIntent intent = SessionIntent.currentOf(state.recent(), now);
        yield intent == null ? null : intent.key();
      }
      case "rfm.recency" -> facts.recency();
      case "rfm.frequency" -> facts.frequency();
      case "rfm.monetary" -> facts.monetary();
      case "rfm.segment" -> facts.rfmSegment();
      case "behaviour.firstSeen" -> view.firstSeen();
      case "behaviour.lastSeen" -> view.lastSeen();
      case "behaviour.lastOrder" -> view.lastOrder();
      case "behaviour.events" -> view.events();
      case "behaviour.sessions" -> view.sessions();
      case "behaviour.activeDays" -> view.activeDays();
      case "behaviour.views" -> view.views();
      case "behaviour.searches" -> view.searches();
      case "behaviour.cartAdds" -> view.cartAdds();
      case "behaviour.orders" -> view.orders();
      case "behaviour.units" -> view.units();
      case "behaviour.revenue" -> view.revenue();
      case "behaviour.refunds" -> view.refunds();
      case "behaviour.refunded" -> view.refunded();
      case "behaviour.netRevenue" -> view.netRevenue();
      case "behaviour.averageOrderValue" -> view.averageOrderValue();
      case "behaviour.daysBetweenOrders" -> view.daysBetweenOrders();
      case "behaviour.discountShare" -> view.discountShare();
      case "behaviour.favouriteCategories" -> view.favouriteCategories();
      case "behaviour.favouriteBrands" -> view.favouriteBrands();
      case "behaviour.activeHours" -> view.activeHours().stream().map(String::valueOf).toList();
      case "behaviour.activeWeekdays" -> view.activeWeekdays().stream().map(String::valueOf).toList();
      case "behaviour.devices" -> List.copyOf(view.devices().keySet());
      case "behaviour.channels" -> List.copyOf(view.channels().keySet());
      default -> throw new IllegalArgumentException("no profile field " + path);
    };
  }

  @Override
  public double interest(String tag) {
    if (interests == null) {
      interests = state.interests().scores(now);
    }
    return interests.getOrDefault(tag, 0d);
  }

  @Override
  public long count(String event, Integer days) {
    return totals(event, days).count();
  }

  @Override
  public BigDecimal sum(String measure, String event, Integer days) {
    EventWindows.Totals t = totals(event, days);
    return switch (measure) {
      case "revenue" -> t.revenue();
      case "units" -> BigDecimal.valueOf(t.units());
      default -> throw new IllegalArgumentException("no measure " + measure);
    };
  }

  private EventWindows.Totals totals(String event, Integer days) {
    long today = LocalDate.ofInstant(now, ZoneOffset.UTC).toEpochDay();
    long from = days == null ? Long.MIN_VALUE : today - days + 1;
    return state.windows().totals(event, from, today);
  }

  @Override
  public Long daysSince(Instant instant) {
    return instant == null ? null : Duration.between(instant, now).toDays();
  }
}
