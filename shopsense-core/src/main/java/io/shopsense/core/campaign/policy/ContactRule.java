package io.shopsense.core.campaign.policy;

/** One rule of the policy: {@link Verdict#ALLOW}, or a reject or hold naming the rule and the reason. */
interface ContactRule {

  /** The rule's code, as verdicts and suppressions carry it. */
  String name();

  Verdict check(Candidate candidate, PersonContext person, Moment moment);
}
