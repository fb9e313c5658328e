/**
 * Delivery of campaign and journey messages: the {@link io.shopsense.core.campaign.delivery.OutboxDispatcher} that
 * claims due messages from the outbox, hands each to its channel and records the outcome with retries
 * ({@link io.shopsense.core.campaign.delivery.RetryPolicy}); the in-app channel
 * ({@link io.shopsense.core.campaign.delivery.InboxChannel}); the choice of a channel per person
 * ({@link io.shopsense.core.campaign.delivery.PreferredChannelResolver}). Channels that need libraries (SMTP, the
 * webhook) live in the platform.
 *
 * <p>Delivery guarantees, honestly: a message is enqueued at most once per (campaign or journey, step, person) — the
 * outbox's unique key — so re-running a step never sends again. Between a dispatcher's claim and the record of the
 * outcome the guarantee is at-least-once: a dispatcher that crashes after the provider accepted a message but before
 * the outcome was written leaves the claim to expire, and the next claimer delivers again. The channels close that
 * window where the provider can: email carries the key as its Message-ID (receiving systems and our provider
 * de-duplicate on it), the webhook sends it as {@code Idempotency-Key}, and the in-app inbox stores one message per
 * key. A provider that ignores the key may show the message twice in that window (one lease long, after a crash only).
 * Conversely a message whose outcome the dispatcher could not record because its lease ran out is not lost: the
 * taker-over's outcome stands.
 */
package io.shopsense.core.campaign.delivery;
