package io.shopsense.server.web.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shopsense.api.Slice;
import io.shopsense.api.catalog.Product;
import io.shopsense.api.id.ProductId;
import io.shopsense.core.catalog.ProductOutcome;
import io.shopsense.core.json.JsonCodec;
import io.shopsense.platform.Platform;
import io.shopsense.server.web.ApiProblem;
import io.shopsense.server.web.BodyReader;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The catalog: upsert one product or many (accepted partially, each rejection with its reasons), read them. */
@RestController
@RequestMapping(path = "/v1/products", produces = MediaType.APPLICATION_JSON_VALUE)
public class ProductController {
  private static final long MAX_BODY = 32L * 1024 * 1024;
  private final Platform platform;

  public ProductController(Platform platform) {
    this.platform = platform;
  }

  @PutMapping("/{id}")
  public Map<String, Object> put(@PathVariable String id, HttpServletRequest request) throws IOException {
    JsonNode body = json(request);
    if (!body.isObject()) {
      throw ApiProblem.badRequest("not_an_object", "the body must be a product, a JSON object");
    }
    ((ObjectNode) body).put("id", id);
    ProductOutcome outcome = platform.catalog().upsert(List.of(body)).get(0);
    if (!outcome.stored()) {
      throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, outcome.violations().get(0).reason().code(),
          "the product was rejected", Map.of("violations", outcome.violations().stream().map(Object::toString)
              .toList()));
    }
    return view(platform.stores().catalog().find(ProductId.of(id)).orElseThrow());
  }

  /** Upserts a JSON array of products (or {@code {"products": [...]}}); answers per product. */
  @PostMapping
  public Map<String, Object> upsertMany(HttpServletRequest request) throws IOException {
    JsonNode body = json(request);
    JsonNode array = body.isArray() ? body : body.get("products");
    if (array == null || !array.isArray()) {
      throw ApiProblem.badRequest("invalid_batch", "send a JSON array of products, or {\"products\": [...]}");
    }
    List<JsonNode> products = new ArrayList<>();
    array.forEach(products::add);
    List<ProductOutcome> outcomes = platform.catalog().upsert(products);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("stored", outcomes.stream().filter(ProductOutcome::stored).count());
    out.put("rejected", outcomes.stream().filter(o -> !o.stored()).count());
    out.put("results", outcomes.stream().map(o -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("index", o.index());
      m.put("id", o.productId());
      m.put("status", o.stored() ? "stored" : "rejected");
      if (!o.stored()) {
        m.put("reason", o.violations().get(0).reason().code());
        m.put("violations", o.violations().stream().map(Object::toString).toList());
      }
      return m;
    }).toList());
    return out;
  }

  @GetMapping("/{id}")
  public Map<String, Object> get(@PathVariable String id) {
    return view(platform.stores().catalog().find(ProductId.of(id))
        .orElseThrow(() -> ApiProblem.notFound("product")));
  }

  @GetMapping
  public Map<String, Object> list(@RequestParam(required = false) String after,
      @RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > 1000) {
      throw ApiProblem.badRequest("invalid_parameter", "limit must be between 1 and 1000");
    }
    Slice<Product> slice = platform.stores().catalog().list(after, limit);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("items", slice.items().stream().map(ProductController::view).toList());
    out.put("next", slice.next());
    out.put("total", platform.stores().catalog().count());
    return out;
  }

  static Map<String, Object> view(Product p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", p.id().value());
    m.put("name", p.name());
    m.put("category", p.categoryPath());
    m.put("brand", p.brand());
    m.put("price", p.price());
    m.put("cost", p.cost());
    m.put("currency", p.currency());
    m.put("stock", p.stock());
    m.put("attributes", p.attributes().values());
    m.put("created_at", p.createdAt());
    m.put("updated_at", p.updatedAt());
    m.put("active", p.active());
    return m;
  }

  private static JsonNode json(HttpServletRequest request) throws IOException {
    BodyReader.requireJson(request);
    try {
      return JsonCodec.parse(BodyReader.read(request, MAX_BODY));
    } catch (UncheckedIOException e) {
      throw ApiProblem.badRequest("malformed_json", "the body is not valid JSON");
    }
  }
}
