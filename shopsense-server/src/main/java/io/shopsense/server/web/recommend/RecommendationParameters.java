package io.shopsense.server.web.recommend;

import io.shopsense.api.id.PersonId;
import io.shopsense.api.identity.Identifier;
import io.shopsense.api.identity.IdentifierKind;
import io.shopsense.core.identity.PersonResolver;
import io.shopsense.core.recommend.serve.RecommendationRequest;
import io.shopsense.core.recommend.serve.Scene;
import io.shopsense.server.web.ApiProblem;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IllformedLocaleException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * The query of {@code GET /v1/recommendations} turned into a {@link RecommendationRequest}, or a 400 problem that
 * names the parameter ({@code parameter}) and says why. The person is resolved through the person directory from
 * {@code user} (a person id), {@code userId} or {@code anonymousId}, at most one of them; an identifier nobody owns is
 * not an error but a visitor nobody knows. Problems never quote the values sent (they may be personal).
 */
public final class RecommendationParameters {
  static final int DEFAULT_N = 10;
  static final int MAX_ITEMS = 100;
  static final int MAX_ID = 200;
  /** Scenes whose list depends on the items shown with it: the product page, the cart, the order, the results. */
  static final Set<Scene> NEED_ITEMS = EnumSet.of(Scene.PRODUCT, Scene.CART, Scene.POST_PURCHASE, Scene.SEARCH);

  private RecommendationParameters() {
  }

  /** The raw parameters as sent; {@code items} holds every {@code item} value (each may be a comma list). */
  public record Raw(String scene, String user, String userId, String anonymousId, String[] items, String n, String locale) {}

  public static RecommendationRequest parse(Raw raw, PersonResolver persons) {
    Scene scene = scene(raw.scene());
    List<String> items = items(raw.items());
    if (items.isEmpty() && NEED_ITEMS.contains(scene)) {
      throw invalid("item", "the " + scene.wireName() + " scene needs the items it is shown with (item=<product id>, "
          + "repeatable or a comma list)");
    }
    return new RecommendationRequest(scene, person(raw, persons), items, n(raw.n()), locale(raw.locale()));
  }

  private static Scene scene(String value) {
    if (value == null || value.isBlank()) {
      throw invalid("scene", "required; one of: " + sceneNames());
    }
    try {
      return Scene.parse(value);
    } catch (IllegalArgumentException e) {
      throw invalid("scene", "not a scene; one of: " + sceneNames());
    }
  }

  private static String sceneNames() {
    return String.join(", ", EnumSet.allOf(Scene.class).stream().map(Scene::wireName).toList());
  }

  private static Optional<PersonId> person(Raw raw, PersonResolver persons) {
    int given = (raw.user() != null ? 1 : 0) + (raw.userId() != null ? 1 : 0) + (raw.anonymousId() != null ? 1 : 0);
    if (given > 1) {
      throw invalid("user", "give at most one of user (a person id), userId, anonymousId");
    }
    if (raw.user() != null) {
      return persons.live(PersonId.of(id("user", raw.user())));
    }
    if (raw.userId() != null) {
      return persons.owner(new Identifier(IdentifierKind.USER_ID, id("userId", raw.userId())));
    }
    if (raw.anonymousId() != null) {
      return persons.owner(new Identifier(IdentifierKind.ANONYMOUS_ID, id("anonymousId", raw.anonymousId())));
    }
    return Optional.empty();
  }

  private static List<String> items(String[] values) {
    if (values == null) {
      return List.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (String value : values) {
      for (String part : value.split(",", -1)) {
        if (!part.isBlank()) {
          out.add(id("item", part));
        }
      }
    }
    if (out.size() > MAX_ITEMS) {
      throw invalid("item", "at most " + MAX_ITEMS + " items");
    }
    return new ArrayList<>(out);
  }

  private static String id(String parameter, String value) {
    String v = value.strip();
    if (v.isEmpty() || v.length() > MAX_ID || v.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw invalid(parameter, "1 to " + MAX_ID + " characters, no control characters");
    }
    return v;
  }

  private static int n(String value) {
    if (value == null) {
      return DEFAULT_N;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= 1 && n <= RecommendationRequest.MAX_N) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw invalid("n", "a whole number from 1 to " + RecommendationRequest.MAX_N);
  }

  private static Locale locale(String value) {
    if (value == null || value.isBlank()) {
      return Locale.ENGLISH;
    }
    try {
      Locale l = new Locale.Builder().setLanguageTag(value.strip()).build();
      if (!l.getLanguage().isEmpty()) {
        return l;
      }
    } catch (IllformedLocaleException e) {
      // answered below
    }
    throw invalid("locale", "a language tag such as en or zh-CN");
  }

  static ApiProblem invalid(String parameter, String why) {
    return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_parameter", parameter + ": " + why,
        Map.of("parameter", parameter));
  }
}
