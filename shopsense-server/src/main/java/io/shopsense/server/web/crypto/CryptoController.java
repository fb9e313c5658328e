package io.shopsense.server.web.crypto;

import io.shopsense.core.crypto.KeyRotation;
import io.shopsense.platform.Platform;
import io.shopsense.server.web.ApiProblem;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The key ring: its status (no key material, ever) and rotation. Rotating makes a new data key primary and, unless
 * told not to, re-encrypts every sealed value under it before answering; with {@code master} it also re-wraps the
 * ring under a new master key. Admin only.
 */
@RestController
@RequestMapping(path = "/v1/crypto/keys", produces = MediaType.APPLICATION_JSON_VALUE)
public class CryptoController {
  private final Platform platform;

  public CryptoController(Platform platform) {
    this.platform = platform;
  }

  /**
   * @param reseal       re-encrypt the stored values under the new key now (default true)
   * @param master       also rotate the master key (default false)
   * @param newMasterKey the new master key (Base64 of 32 bytes) when it comes from the environment; otherwise absent
   */
  public record RotateRequest(Boolean reseal, Boolean master, String newMasterKey) {}

  @GetMapping
  public KeyRotation.Status status() {
    return rotation().status();
  }

  @PostMapping("/rotate")
  public Map<String, Object> rotate(@RequestBody(required = false) RotateRequest body) {
    RotateRequest r = body == null ? new RotateRequest(null, null, null) : body;
    KeyRotation rotation = rotation();
    Map<String, Object> out = new LinkedHashMap<>();
    if (Boolean.TRUE.equals(r.master())) {
      try {
        out.put("masterKeyId", platform.keys().rotateMasterKey(r.newMasterKey()));
      } catch (IllegalArgumentException e) {
        throw ApiProblem.badRequest("invalid_value", e.getMessage());
      }
    } else if (r.newMasterKey() != null) {
      throw ApiProblem.badRequest("invalid_request", "newMasterKey goes with \"master\": true");
    }
    KeyRotation.Report report = rotation.rotate(r.reseal() == null || r.reseal());
    out.put("primary", report.primary());
    out.put("resealed", report.resealed());
    out.put("millis", report.millis());
    return out;
  }

  private KeyRotation rotation() {
    if (!platform.hasKeys()) {
      throw new ApiProblem(HttpStatus.CONFLICT, "crypto_disabled",
          "no key ring is configured (shopsense.crypto.enabled is false)", Map.of());
    }
    return platform.keyRotation();
  }
}
