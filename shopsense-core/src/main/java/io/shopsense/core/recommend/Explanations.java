package io.shopsense.core.recommend;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns every {@link Reason} into a short sentence a person understands, in English or Chinese ("Because you viewed
 * X", "Often bought with Y", "Popular in Z this week", "New in Z", "Time to stock up on X").
 *
 * <p>Product ids become names through the given lookup; when a name is missing the sentence goes without it ("Because
 * of items you viewed") rather than show an id, which means nothing to a person. Scopes of {@link Reason.PopularIn}
 * ({@code category:}, {@code region:}, {@code segment:}) and {@link Reason.NewIn} categories are shown as they are.
 * Any locale whose language is {@code zh} gets Chinese; every other gets English. Thread-safe when the lookup is.
 */
public final class Explanations {
  private final Function<String, Optional<String>> itemNames;

  /** @param itemNames product id → display name, empty when unknown */
  public Explanations(Function<String, Optional<String>> itemNames) {
    this.itemNames = Objects.requireNonNull(itemNames, "itemNames");
  }

  /** The sentence for one recommended item's reason. */
  public String explain(ScoredItem item, Locale locale) {
    return explain(item.reason(), locale);
  }

  /** The sentence for {@code reason} in {@code locale}'s language. */
  public String explain(Reason reason, Locale locale) {
    Objects.requireNonNull(reason, "reason");
    boolean zh = "zh".equals(Objects.requireNonNull(locale, "locale").getLanguage());
    if (reason instanceof Reason.Because because) {
      return named(because.item(), zh ? "因为您浏览过%s" : "Because you viewed %s",
          zh ? "根据您的浏览记录" : "Because of items you viewed");
    }
    if (reason instanceof Reason.SimilarTo similar) {
      return named(similar.item(), zh ? "与%s相似" : "Similar to %s",
          zh ? "与您看过的商品相似" : "Similar to items you looked at");
    }
    if (reason instanceof Reason.OftenBoughtWith with) {
      return named(with.item(), zh ? "常与%s一起购买" : "Often bought with %s",
          zh ? "常被一起购买" : "Often bought together");
    }
    if (reason instanceof Reason.DueAgain due) {
      return named(due.item(), zh ? "是时候补充%s了" : "Time to stock up on %s",
          zh ? "是时候补货了" : "Time to stock up again");
    }
    if (reason instanceof Reason.NewIn fresh) {
      return String.format(zh ? "%s新品" : "New in %s", fresh.category());
    }
    Reason.PopularIn popular = (Reason.PopularIn) reason;   // the last variant of the sealed interface
    if (Reason.PopularIn.GLOBAL.equals(popular.scope())) {
      return zh ? "本周热门" : "Popular this week";
    }
    return String.format(zh ? "%s本周热门" : "Popular in %s this week", scopeName(popular.scope()));
  }

  private String named(String item, String withName, String withoutName) {
    return itemNames.apply(item).filter(name -> !name.isBlank())
        .map(name -> String.format(withName, name)).orElse(withoutName);
  }

  /** {@code category:tea} → {@code tea}; a scope without a known prefix is shown whole. */
  private static String scopeName(String scope) {
    for (String prefix : new String[] {"category:", "region:", "segment:"}) {
      if (scope.startsWith(prefix)) {
        return scope.substring(prefix.length());
      }
    }
    return scope;
  }
}
