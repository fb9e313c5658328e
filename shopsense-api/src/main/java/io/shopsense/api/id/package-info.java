/** Typed identifiers: one record per kind of id, so that a user id is never passed where a product id belongs. */
package io.shopsense.api.id;
