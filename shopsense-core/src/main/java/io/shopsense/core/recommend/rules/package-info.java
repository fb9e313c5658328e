/**
 * Business rules over recommendations: {@link io.shopsense.core.recommend.rules.Rerank} turns a model's candidate
 * list into what a scene shows, by dropping items a composable
 * {@link io.shopsense.core.recommend.rules.ItemPolicy} rejects (out of stock, blocked, already bought), boosting
 * margin and new items, diversifying (MMR or per-category caps) and reserving exploration slots for new and long-tail
 * items. Item data come through the narrow {@link io.shopsense.core.recommend.rules.ItemFacts} port. Pure Java,
 * deterministic for a given request key; nothing here is wired into the server yet.
 */
package io.shopsense.core.recommend.rules;
