package io.shopsense.api.identity;

import io.shopsense.api.id.PersonId;

/** Thrown when an identifier is linked to one person while another person owns it. */
public class IdentityConflictException extends RuntimeException {
  private final transient PersonId owner;

  public IdentityConflictException(Identifier identifier, PersonId owner) {
    super("identifier of kind " + identifier.kind().key() + " already belongs to another person");
    this.owner = owner;
  }

  public PersonId owner() {
    return owner;
  }
}
