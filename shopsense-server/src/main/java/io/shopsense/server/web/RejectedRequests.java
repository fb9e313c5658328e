package io.shopsense.server.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Requests Spring Security's firewall refuses before any controller (an encoded {@code ;}, {@code %}, {@code /} or
 * {@code \} in the path, a traversal, a non-printable character) get the same problem JSON as every other client
 * mistake, instead of the framework's default error body.
 */
@Configuration(proxyBeanMethods = false)
public class RejectedRequests {

  /** Tomcat's host answers its own errors with {@link ProblemErrorReportValve}. */
  @Bean
  org.springframework.boot.web.server.WebServerFactoryCustomizer<
      org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory> problemErrorReports() {
    return factory -> factory.addContextCustomizers(context -> {
      if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
        host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
      }
    });
  }

  @Bean
  RequestRejectedHandler requestRejectedHandler(ProblemWriter problems) {
    return (request, response, rejected) -> problems.write(response, HttpStatus.BAD_REQUEST, "rejected_request",
        "the request URL holds characters that are not allowed here (such as an encoded ';', '%', '/' or '\\\\', "
            + "or '..'); send ids as query parameters if they contain such characters");
  }
}
