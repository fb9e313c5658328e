/**
 * Identity: who a person is. Stitches anonymous ids, user ids and trait identifiers into persons as events show
 * them ({@link io.shopsense.core.identity.IdentityResolver}), with guards against over-merging and a merge history,
 * and answers who someone is and what they did ({@link io.shopsense.core.identity.PersonDirectory}).
 */
package io.shopsense.core.identity;
