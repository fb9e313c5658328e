/**
 * Consent: the ledger's meaning (latest decision per purpose wins, nothing pre-ticked but what the shop declares
 * strictly necessary), the one enforcement port {@link io.shopsense.api.privacy.ConsentCheck} answered from memory
 * ({@link io.shopsense.core.consent.LedgerConsentCheck}) and kept current by a follower, consent set through the API
 * ({@link io.shopsense.core.consent.ConsentService}) and by {@code Consent Updated} events, and the enforcement at
 * collection ({@link io.shopsense.core.consent.ConsentGate}).
 */
package io.shopsense.core.consent;
