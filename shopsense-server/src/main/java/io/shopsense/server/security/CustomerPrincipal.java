package io.shopsense.server.security;

import io.shopsense.api.id.PersonId;

/** The shop's customer behind a customer token: the one person whose data {@code /v1/me/**} shows. */
public record CustomerPrincipal(PersonId person) {
  public CustomerPrincipal {
    if (person == null) {
      throw new IllegalArgumentException("a customer principal needs a person");
    }
  }
}
