/**
 * The way every campaign and journey message goes out: a {@link io.shopsense.core.campaign.flow.SendRequest} is given
 * a channel, passes the one contact-pressure policy, is rendered and lands in the outbox with its contact recorded —
 * or is suppressed, held or found unsendable, each with a reason ({@link io.shopsense.core.campaign.flow.MessageFlow}).
 * A held message is checked again by the same policy when the dispatcher releases it.
 */
package io.shopsense.core.campaign.flow;
