package io.shopsense.server.web.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.api.offer.Allocation;
import io.shopsense.api.offer.Offer;
import io.shopsense.api.offer.OfferStore;
import io.shopsense.api.offer.VariantStats;
import io.shopsense.platform.Platform;
import io.shopsense.server.web.ApiProblem;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Offers tested in variants: create or change one ({@code variants}: a list of {@code {id, pool}}; each pool must
 * exist), read one with each variant's exposures and conversions, and page through its allocation log (which names
 * persons, so it is personal data).
 */
@RestController
@RequestMapping(path = "/v1/offers", produces = MediaType.APPLICATION_JSON_VALUE)
public class OfferController {
  private final Platform platform;

  public OfferController(Platform platform) {
    this.platform = platform;
  }

  @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> save(@PathVariable String id, @RequestBody JsonNode body,
      HttpServletResponse response) {
    Bodies.sameId(id, body);
    JsonNode variants = body.get("variants");
    if (variants == null || !variants.isArray()) {
      throw ApiProblem.badRequest("invalid_offer", "'variants' must be a list of {id, pool}");
    }
    List<Offer.Variant> list = new ArrayList<>();
    Offer offer;
    try {
      for (JsonNode v : variants) {
        String pool = Bodies.optional(v, "pool");
        if (pool != null && platform.campaigns().stores().coupons().pool(pool).isEmpty()) {
          throw ApiProblem.badRequest("invalid_offer", "variant " + Bodies.optional(v, "id")
              + " names coupon pool '" + pool + "', which does not exist");
        }
        list.add(new Offer.Variant(Bodies.optional(v, "id"), pool));
      }
      offer = new Offer(id, list);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("invalid_offer", e.getMessage());
    }
    boolean existed = store().offer(id).isPresent();
    store().saveOffer(offer);
    response.setStatus(existed ? HttpStatus.OK.value() : HttpStatus.CREATED.value());
    return view(offer);
  }

  @GetMapping("/{id}")
  public Map<String, Object> get(@PathVariable String id) {
    return view(store().offer(id).orElseThrow(() -> ApiProblem.notFound("offer")));
  }

  /** The allocation log after entry {@code after} (0: from the start), oldest first; {@code next} pages on. */
  @GetMapping("/{id}/allocations")
  public Map<String, Object> allocations(@PathVariable String id, @RequestParam(defaultValue = "0") long after,
      @RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > 1_000) {
      throw ApiProblem.badRequest("invalid_parameter", "limit must be between 1 and 1000");
    }
    if (after < 0) {
      throw ApiProblem.badRequest("invalid_parameter", "after must not be negative");
    }
    store().offer(id).orElseThrow(() -> ApiProblem.notFound("offer"));
    List<Allocation> page = store().allocations(id, after, limit);
    List<Map<String, Object>> items = new ArrayList<>();
    for (Allocation a : page) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("seq", a.seq());
      m.put("person", a.person().value());
      m.put("variant", a.variantId());
      m.put("sampled", a.sampled());
      m.put("at", a.at());
      items.add(m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("offer", id);
    out.put("items", items);
    out.put("next", page.size() < limit ? null : page.get(page.size() - 1).seq());
    return out;
  }

  /**
   * Hands a person a variant of the offer with its coupon (body {@code {"personId": ..}}): the bandit's allocation,
   * the same one when asked again; 409 when every variant's budget is spent.
   */
  @org.springframework.web.bind.annotation.PostMapping(path = "/{id}/allocations",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> allocate(@PathVariable String id, @RequestBody JsonNode body) {
    store().offer(id).orElseThrow(() -> ApiProblem.notFound("offer"));
    io.shopsense.api.id.PersonId person = io.shopsense.api.id.PersonId.of(Bodies.text(body, "personId"));
    io.shopsense.platform.campaign.Campaigns.OfferGrant given = platform.campaigns().offerFor(id, person)
        .orElseThrow(() -> new ApiProblem(HttpStatus.CONFLICT, "offer_budget_spent",
            "every variant of offer " + id + " has spent its coupon budget"));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("offer", id);
    m.put("person", person.value());
    m.put("variant", given.allocation().variantId());
    if (given.grant() instanceof io.shopsense.api.offer.GrantResult.Granted g) {
      m.put("coupon", g.grant().code());
    } else if (given.grant() instanceof io.shopsense.api.offer.GrantResult.Refused r) {
      m.put("couponRefused", r.reason().name().toLowerCase(java.util.Locale.ROOT) + ": " + r.detail());
    }
    return m;
  }

  private Map<String, Object> view(Offer o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", o.id());
    Map<String, VariantStats> stats = new LinkedHashMap<>();
    for (VariantStats s : store().stats(o.id())) {
      stats.put(s.variantId(), s);
    }
    List<Map<String, Object>> variants = new ArrayList<>();
    for (Offer.Variant v : o.variants()) {
      VariantStats s = stats.get(v.id());
      Map<String, Object> vm = new LinkedHashMap<>();
      vm.put("id", v.id());
      vm.put("pool", v.poolId());
      vm.put("exposures", s == null ? 0 : s.exposures());
      vm.put("conversions", s == null ? 0 : s.conversions());
      variants.add(vm);
    }
    m.put("variants", variants);
    return m;
  }

  private OfferStore store() {
    return platform.campaigns().stores().offers();
  }
}
