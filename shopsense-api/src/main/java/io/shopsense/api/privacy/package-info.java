/** Privacy: the purposes data is used for, consent, data-subject requests, usage transparency and audit. */
package io.shopsense.api.privacy;
