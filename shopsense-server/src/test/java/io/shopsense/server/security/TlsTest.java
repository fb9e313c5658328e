package io.shopsense.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.shopsense.server.ShopSenseApplication;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * HTTPS as docs/security.md configures it: a self-signed certificate made at test time with the JDK's keytool, served
 * through a Spring Boot SSL bundle limited to TLS 1.2 and 1.3; a client that trusts it negotiates TLS 1.2 or newer, a
 * client that offers only TLS 1.1 is refused, and plain HTTP to the HTTPS port gets no answer of the API.
 */
@SpringBootTest(classes = ShopSenseApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TlsTest {
  private static final String PASSWORD = "test-keystore-pass";
  private static Path keystore;

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void tls(DynamicPropertyRegistry registry) throws Exception {
    Path dir = Files.createTempDirectory("shopsense-tls-test-");
    keystore = dir.resolve("server.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "shopsense", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
        "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
        "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
        .redirectErrorStream(true).start();
    String out = new String(keytool.getInputStream().readAllBytes());
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).as(out).isZero();
    registry.add("shopsense.store.data-dir", () -> dir.resolve("data").toString());
    registry.add("spring.ssl.bundle.jks.shopsense.keystore.location", () -> "file:" + keystore);
    registry.add("spring.ssl.bundle.jks.shopsense.keystore.password", () -> PASSWORD);
    registry.add("spring.ssl.bundle.jks.shopsense.keystore.type", () -> "PKCS12");
    registry.add("spring.ssl.bundle.jks.shopsense.options.enabled-protocols", () -> "TLSv1.3,TLSv1.2");
    registry.add("server.ssl.bundle", () -> "shopsense");
  }

  private static SSLContext trusting() throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      trust.load(in, PASSWORD.toCharArray());
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx;
  }

  private HttpResponse<String> health(HttpClient client, String scheme) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(scheme + "://127.0.0.1:" + port + "/actuator/health"))
        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void negotiatesTls12OrNewerWithAClientThatTrustsTheCertificate() throws Exception {
    HttpClient client = HttpClient.newBuilder().sslContext(trusting()).connectTimeout(Duration.ofSeconds(5)).build();

    HttpResponse<String> r = health(client, "https");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.sslSession()).isPresent();
    assertThat(r.sslSession().get().getProtocol()).isIn("TLSv1.2", "TLSv1.3");
    assertThat(r.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v)
        .contains("max-age="));
  }

  @Test
  void aClientThatDoesNotTrustTheCertificateIsRefused() {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> health(client, "https")))
        .isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void refusesAClientOfferingOnlyTls11() throws Exception {
    SSLParameters old = new SSLParameters();
    old.setProtocols(new String[] {"TLSv1.1"});
    HttpClient client = HttpClient.newBuilder().sslContext(trusting()).sslParameters(old)
        .connectTimeout(Duration.ofSeconds(5)).build();

    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> health(client, "https")))
        .isInstanceOf(IOException.class);
  }

  @Test
  void plainHttpToTheHttpsPortGetsNoAnswerOfTheApi() throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    try {
      HttpResponse<String> r = health(client, "http");
      // Tomcat answers a plain request on a TLS port with a bare 400, never with the API's answer
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(r.body()).doesNotContain("UP");
    } catch (IOException closed) {
      assertThat(closed).isNotInstanceOf(SSLHandshakeException.class); // the server hung up on plain HTTP
    }
  }
}
