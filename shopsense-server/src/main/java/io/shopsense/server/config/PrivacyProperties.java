package io.shopsense.server.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code shopsense.privacy.*}: what the privacy summary says about the shop, and the customer tokens.
 *
 * @param controllerName      the shop as customers know it (the data controller)
 * @param controllerContact   where customers write about their data
 * @param necessaryBasis      the lawful basis of the strictly necessary purposes, in plain words
 * @param recipients          the processors and third parties that receive personal data
 * @param customerTokenTtl    how long a customer token is valid
 * @param customerTokenSecret the HMAC key of customer tokens, base64, at least 32 bytes; empty: a key generated once
 *                            and kept in {@code <data-dir>/customer-token-key}
 */
@Validated
@ConfigurationProperties("shopsense.privacy")
public record PrivacyProperties(
    @DefaultValue("This shop") @NotBlank String controllerName,
    @DefaultValue("the shop's customer service") @NotBlank String controllerContact,
    @DefaultValue("to provide the service you asked for") @NotBlank String necessaryBasis,
    @DefaultValue @Valid List<Recipient> recipients,
    @DefaultValue("15m") @NotNull Duration customerTokenTtl,
    String customerTokenSecret) {

  /**
   * One recipient of personal data.
   *
   * @param processor true if it acts only on the shop's instructions (a mail service), false for a third party
   * @param purposes  the purposes (wire names) it receives data for
   * @param country   where it processes the data; may be empty
   */
  public record Recipient(@NotBlank String name, @DefaultValue("true") boolean processor,
      @DefaultValue List<String> purposes, String country) {}
}
