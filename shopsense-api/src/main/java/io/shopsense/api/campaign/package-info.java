/**
 * Campaigns and journeys, the ports of the contact-pressure policy: what was sent to whom ({@link
 * io.shopsense.api.campaign.ContactLog}), who may not be contacted ({@link io.shopsense.api.campaign.ContactBlocks}),
 * what each person chose in the preference centre ({@link io.shopsense.api.campaign.PreferenceStore}) and every
 * message the policy held back, with its reason ({@link io.shopsense.api.campaign.SuppressionLog}).
 */
package io.shopsense.api.campaign;
