package io.shopsense.platform.campaign;

import io.shopsense.api.campaign.ContactBlocks;
import io.shopsense.api.campaign.ContactLog;
import io.shopsense.api.campaign.PreferenceStore;
import io.shopsense.api.campaign.SuppressionLog;
import io.shopsense.api.delivery.Inbox;
import io.shopsense.api.delivery.Leases;
import io.shopsense.api.delivery.Outbox;
import io.shopsense.api.journey.BroadcastStore;
import io.shopsense.api.journey.JourneyStore;
import io.shopsense.api.offer.CouponStore;
import io.shopsense.api.offer.OfferStore;
import io.shopsense.api.offer.TemplateStore;

/**
 * The stores of campaigns and journeys in one backend. The contact log and the outbox join the backend's units of
 * work, so that a queued message and its contact commit together.
 */
public record CampaignStores(ContactLog contactLog, ContactBlocks blocks, PreferenceStore preferences,
    SuppressionLog suppressions, Outbox outbox, Leases leases, Inbox inbox, JourneyStore journeys,
    BroadcastStore broadcasts, TemplateStore templates, CouponStore coupons, OfferStore offers) {
}
