package io.shopsense.server.web.ops;

import io.shopsense.platform.Platform;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Where the pipeline stands: the log's size and each consumer's position, lag and health. */
@RestController
public class PipelineController {
  private final Platform platform;

  public PipelineController(Platform platform) {
    this.platform = platform;
  }

  @GetMapping(path = "/v1/pipeline", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> status() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("store", platform.stores().backend());
    out.put("events", platform.stores().eventLog().count());
    out.put("lastSeq", platform.stores().eventLog().lastSeq());
    out.put("persons", platform.stores().identityGraph().persons());
    out.put("products", platform.stores().catalog().count());
    out.put("consumers", platform.pipeline().status());
    return out;
  }
}
