/**
 * Message content: templates validated on save and rendered with a person's data ({@link
 * io.shopsense.core.campaign.content.TemplateEngine}, logic-less Mustache with HTML escaping), and the signed links a
 * message carries for unsubscribing, the preference centre and click tracking ({@link
 * io.shopsense.core.campaign.content.LinkSigner}).
 */
package io.shopsense.core.campaign.content;
