package io.shopsense.api.offer;

/**
 * What a message is for, which decides the rules it is held to: promotional messages must carry an unsubscribe link
 * and count against contact caps; transactional ones (receipts) and service ones (password, delivery) do not.
 */
public enum ContentCategory {
  TRANSACTIONAL, SERVICE, PROMOTIONAL
}
