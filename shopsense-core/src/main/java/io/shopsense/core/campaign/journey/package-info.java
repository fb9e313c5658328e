/**
 * Journeys and broadcasts: definitions as data, JSON or YAML
 * ({@link io.shopsense.core.campaign.journey.JourneyParser}), validated on save with path-named problems; the
 * {@link io.shopsense.core.campaign.journey.JourneyEngine} that enrols people on triggers and advances them step by
 * step (waits scheduled in the store, so a restart resumes); the ready-made lifecycle journeys
 * ({@link io.shopsense.core.campaign.journey.ReadyMadeJourneys}); and the expansion of a one-off broadcast into
 * per-person sends at a local time ({@link io.shopsense.core.campaign.journey.BroadcastPlanner}).
 */
package io.shopsense.core.campaign.journey;
