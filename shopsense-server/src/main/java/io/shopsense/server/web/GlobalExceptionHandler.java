package io.shopsense.server.web;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure into problem details with a machine-readable {@code code}: client mistakes into 4xx, and only
 * our own faults into a 500 (logged, with no request content).
 */
@RestControllerAdvice
public class GlobalExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(GlobalExceptionHandler.class);

  @ExceptionHandler(ApiProblem.class)
  ResponseEntity<ProblemDetail> apiProblem(ApiProblem e) {
    return ResponseEntity.status(e.status()).body(e.toProblemDetail());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    return problem(HttpStatus.BAD_REQUEST, "malformed_json", "the request body is not valid JSON of the expected shape");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
    return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
        "this endpoint takes " + e.getSupportedMediaTypes());
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
    return problem(HttpStatus.NOT_ACCEPTABLE, "not_acceptable", "this endpoint answers in JSON");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
    return problem(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed",
        "this endpoint does not take " + e.getMethod());
  }

  @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
  ResponseEntity<ProblemDetail> parameter(Exception e) {
    String name = e instanceof MissingServletRequestParameterException m ? m.getParameterName()
        : ((MethodArgumentTypeMismatchException) e).getName();
    return problem(HttpStatus.BAD_REQUEST, "invalid_parameter", "parameter '" + name + "' is missing or invalid");
  }

  @ExceptionHandler({MaxUploadSizeExceededException.class})
  ResponseEntity<ProblemDetail> tooLarge(Exception e) {
    return problem(HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large", "the upload is larger than allowed");
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ProblemDetail> multipart(MultipartException e) {
    return problem(HttpStatus.BAD_REQUEST, "invalid_multipart", "the multipart body could not be read");
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "not_found", "no such endpoint");
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException e) {
    return problem(HttpStatus.BAD_REQUEST, "invalid_request", e.getMessage());
  }

  @ExceptionHandler(IllegalStateException.class)
  ResponseEntity<ProblemDetail> conflict(IllegalStateException e) {
    return problem(HttpStatus.CONFLICT, "conflict", e.getMessage());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    LOG.error("unexpected failure", RedactedFailure.of(e)); // messages may quote personal data
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "an unexpected error; see the server log");
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
    return ResponseEntity.status(status).body(ApiProblem.problem(status, code, detail, Map.of()));
  }
}
