/**
 * Journeys and one-off broadcasts: the stored definitions and enrolments
 * ({@link io.shopsense.api.journey.JourneyStore}), the side effects a journey step asks for
 * ({@link io.shopsense.api.journey.JourneyActions}) and the facts about a person a condition step reads
 * ({@link io.shopsense.api.journey.PersonFacts}). What a definition means lives in core
 * ({@code io.shopsense.core.campaign.journey}).
 */
package io.shopsense.api.journey;
