/**
 * The channels that need libraries or the network: email over SMTP ({@link
 * io.shopsense.platform.delivery.SmtpEmailChannel}, Jakarta Mail) and the signed webhook for SMS, push and messaging
 * providers ({@link io.shopsense.platform.delivery.WebhookChannel}). Both pass the delivery key on as an idempotency
 * key (Message-ID, {@code Idempotency-Key}) and tell retryable failures from permanent ones.
 */
package io.shopsense.platform.delivery;
