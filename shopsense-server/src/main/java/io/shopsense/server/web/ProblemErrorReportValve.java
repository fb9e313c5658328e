package io.shopsense.server.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own error answers (a request it refuses before any servlet sees it, such as an encoded backslash in the
 * path) as problem JSON like every other client mistake, instead of Tomcat's HTML page. Installed on the host by
 * {@link RejectedRequests}.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    String code = status >= 500 ? "internal_error" : "rejected_request";
    String detail = status >= 500 ? "an unexpected error; see the server log"
        : "the server refused the request before reading it (a malformed URL or header)";
    try {
      response.setContentType("application/problem+json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      Writer w = response.getReporter();
      if (w != null) {
        w.write("{\"type\":\"about:blank\",\"title\":\"" + (status >= 500 ? "Internal Server Error" : "Bad Request")
            + "\",\"status\":" + status + ",\"code\":\"" + code + "\",\"detail\":\"" + detail + "\"}");
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the client is gone or the response is committed: nothing more to say
    }
  }
}
