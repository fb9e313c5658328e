/**
 * The contact-pressure policy: one {@link io.shopsense.core.campaign.policy.ContactPolicy} that every campaign and
 * journey message passes before it is sent — consent, unsubscribes and do-not-contact, quiet hours, the person's
 * preferences, frequency caps, priority and fatigue, each a small rule answering allow, reject or hold with a reason;
 * every rejection and hold recorded as a {@link io.shopsense.api.campaign.MessageSuppressed}. Also the send-time
 * helper ({@link io.shopsense.core.campaign.policy.SendTime}). Rules are internal; the policy, its settings, the
 * candidate and the verdict are the public face.
 */
package io.shopsense.core.campaign.policy;
