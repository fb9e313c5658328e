package io.shopsense.server.web.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import io.shopsense.api.offer.CouponPool;
import io.shopsense.api.offer.PoolUsage;
import io.shopsense.platform.Platform;
import io.shopsense.server.web.ApiProblem;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Coupon pools: create or change one (its budget keeps what it has granted) and read one with how much of its budget
 * is granted. Fields as {@link CouponPool}: {@code codes} fixed|unique, {@code fixedCode}, {@code valueKind}
 * amount|percent, {@code value}, {@code maxDiscount}, {@code minimumSpend}, {@code expiresAt} (ISO instant),
 * {@code budgetCount}, {@code budgetMoney}, {@code perPersonLimit} (1 when absent).
 */
@RestController
@RequestMapping(path = "/v1/coupon-pools", produces = MediaType.APPLICATION_JSON_VALUE)
public class CouponPoolController {
  private final Platform platform;

  public CouponPoolController(Platform platform) {
    this.platform = platform;
  }

  @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> save(@PathVariable String id, @RequestBody JsonNode body,
      HttpServletResponse response) {
    Bodies.sameId(id, body);
    if (money(body, "value") == null) {
      throw ApiProblem.badRequest("invalid_coupon_pool", "'value' is required");
    }
    CouponPool pool;
    try {
      pool = new CouponPool(id, kind(CouponPool.CodeKind.class, body, "codes"), Bodies.optional(body, "fixedCode"),
          kind(CouponPool.ValueKind.class, body, "valueKind"), money(body, "value"), money(body, "maxDiscount"),
          money(body, "minimumSpend"), Instant.parse(Bodies.text(body, "expiresAt")), count(body, "budgetCount"),
          money(body, "budgetMoney"), Bodies.integer(body, "perPersonLimit", 1));
    } catch (DateTimeParseException e) {
      throw ApiProblem.badRequest("invalid_coupon_pool", "expiresAt must be an ISO-8601 instant");
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("invalid_coupon_pool", e.getMessage());
    }
    boolean existed = platform.campaigns().stores().coupons().pool(id).isPresent();
    platform.campaigns().coupons().savePool(pool);
    response.setStatus(existed ? HttpStatus.OK.value() : HttpStatus.CREATED.value());
    return view(pool);
  }

  @GetMapping("/{id}")
  public Map<String, Object> get(@PathVariable String id) {
    return view(platform.campaigns().stores().coupons().pool(id)
        .orElseThrow(() -> ApiProblem.notFound("coupon pool")));
  }

  private Map<String, Object> view(CouponPool p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", p.id());
    m.put("codes", p.codes().name().toLowerCase(Locale.ROOT));
    m.put("fixedCode", p.fixedCode());
    m.put("valueKind", p.valueKind().name().toLowerCase(Locale.ROOT));
    m.put("value", p.value());
    m.put("maxDiscount", p.maxDiscount());
    m.put("minimumSpend", p.minimumSpend());
    m.put("expiresAt", p.expiresAt());
    m.put("budgetCount", p.budgetCount());
    m.put("budgetMoney", p.budgetMoney());
    m.put("perPersonLimit", p.perPersonLimit());
    PoolUsage usage = platform.campaigns().stores().coupons().usage(p.id());
    m.put("usage", Map.of("granted", usage.granted(), "grantedMoney", usage.grantedMoney()));
    return m;
  }

  private static <E extends Enum<E>> E kind(Class<E> type, JsonNode body, String field) {
    String v = Bodies.text(body, field);
    try {
      return Enum.valueOf(type, v.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("invalid_coupon_pool", "'" + field + "' must be one of "
          + java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
    }
  }

  private static BigDecimal money(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    try {
      return n.isNumber() ? n.decimalValue() : new BigDecimal(n.asText());
    } catch (NumberFormatException e) {
      throw ApiProblem.badRequest("invalid_coupon_pool", "'" + field + "' must be a number");
    }
  }

  private static Long count(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isIntegralNumber()) {
      throw ApiProblem.badRequest("invalid_coupon_pool", "'" + field + "' must be an integer");
    }
    return n.asLong();
  }
}
