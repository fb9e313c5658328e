package io.shopsense.server.web.access;

import io.shopsense.api.access.ConsoleRole;
import io.shopsense.api.access.ConsoleUser;
import io.shopsense.core.access.ConsoleUserService;
import io.shopsense.core.access.ConsoleUserService.NoSuchUserException;
import io.shopsense.server.web.ApiProblem;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Console users (admins only): create, list, change roles or password, disable, delete. Answers never carry a
 * password or its hash.
 */
@RestController
@RequestMapping(path = "/v1/users", produces = MediaType.APPLICATION_JSON_VALUE)
public class UserController {
  private final ConsoleUserService users;

  public UserController(ConsoleUserService users) {
    this.users = users;
  }

  /** A new user. */
  public record NewUser(String username, String password, List<String> roles) {}

  /** New roles. */
  public record Roles(List<String> roles) {}

  /** A new password. */
  public record Password(String password) {}

  @PostMapping
  public ResponseEntity<Map<String, Object>> create(@RequestBody NewUser body) {
    if (body.username() == null || body.password() == null) {
      throw ApiProblem.badRequest("invalid_user", "send username, password and roles");
    }
    ConsoleUser user = users.create(body.username(), roles(body.roles()), body.password());
    return ResponseEntity.status(HttpStatus.CREATED).body(view(user));
  }

  @GetMapping
  public Map<String, Object> list() {
    return Map.of("items", users.all().stream().map(UserController::view).toList());
  }

  @GetMapping("/{username}")
  public Map<String, Object> get(@PathVariable String username) {
    return view(users.find(username).orElseThrow(() -> ApiProblem.notFound("user")));
  }

  @PutMapping("/{username}/roles")
  public Map<String, Object> roles(@PathVariable String username, @RequestBody Roles body) {
    return view(existing(() -> users.changeRoles(username, roles(body.roles()))));
  }

  @PutMapping("/{username}/password")
  public Map<String, Object> password(@PathVariable String username, @RequestBody Password body) {
    if (body.password() == null) {
      throw ApiProblem.badRequest("invalid_password", "send {\"password\": ...}");
    }
    return view(existing(() -> users.changePassword(username, body.password())));
  }

  @PostMapping("/{username}/disable")
  public Map<String, Object> disable(@PathVariable String username) {
    return view(existing(() -> users.setEnabled(username, false)));
  }

  @PostMapping("/{username}/enable")
  public Map<String, Object> enable(@PathVariable String username) {
    return view(existing(() -> users.setEnabled(username, true)));
  }

  @DeleteMapping("/{username}")
  public ResponseEntity<Void> delete(@PathVariable String username) {
    if (!users.delete(username)) {
      throw ApiProblem.notFound("user");
    }
    return ResponseEntity.noContent().build();
  }

  private static ConsoleUser existing(Supplier<ConsoleUser> change) {
    try {
      return change.get();
    } catch (NoSuchUserException e) {
      throw ApiProblem.notFound("user");
    }
  }

  private static Set<ConsoleRole> roles(List<String> names) {
    if (names == null || names.isEmpty()) {
      throw ApiProblem.badRequest("invalid_roles", "a user needs at least one role: admin, marketer, analyst, "
          + "privacy_officer");
    }
    Set<ConsoleRole> out = EnumSet.noneOf(ConsoleRole.class);
    names.forEach(n -> out.add(ConsoleRole.fromWire(n)));
    return out;
  }

  static Map<String, Object> view(ConsoleUser u) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("username", u.username());
    out.put("roles", u.roles().stream().map(ConsoleRole::wireName).sorted().toList());
    out.put("enabled", u.enabled());
    out.put("createdAt", u.createdAt().toString());
    out.put("passwordChangedAt", u.passwordChangedAt().toString());
    out.put("disabledAt", u.disabledAt() == null ? null : u.disabledAt().toString());
    return out;
  }
}
