package io.shopsense.server.web;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A client error the API reports as RFC 9457 problem details ({@code application/problem+json}) with a stable,
 * machine-readable {@code code}. Messages name fields and limits, never the values a client sent.
 */
public class ApiProblem extends RuntimeException {
  private final HttpStatus status;
  private final String code;
  private final transient Map<String, Object> extra;

  public ApiProblem(HttpStatus status, String code, String detail) {
    this(status, code, detail, Map.of());
  }

  public ApiProblem(HttpStatus status, String code, String detail, Map<String, Object> extra) {
    super(detail);
    this.status = status;
    this.code = code;
    this.extra = Map.copyOf(extra);
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }

  public ProblemDetail toProblemDetail() {
    return problem(status, code, getMessage(), extra);
  }

  public static ProblemDetail problem(HttpStatus status, String code, String detail, Map<String, Object> extra) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setType(URI.create("https://shopsense.io/problems/" + code));
    p.setTitle(status.getReasonPhrase());
    p.setProperty("code", code);
    extra.forEach(p::setProperty);
    return p;
  }

  public static ApiProblem notFound(String what) {
    return new ApiProblem(HttpStatus.NOT_FOUND, "not_found", what + " not found");
  }

  public static ApiProblem badRequest(String code, String detail) {
    return new ApiProblem(HttpStatus.BAD_REQUEST, code, detail);
  }
}
