package io.shopsense.demo;

/**
 * Who the events say the person is. A device starts anonymous (its anonymous id only); signing up or logging in sends
 * an identify call that ties the device's anonymous id to the user id, after which the device's events carry both.
 * Now and then a sign-up also sends an alias (previous id: the anonymous id), as older mobile SDKs do; browsers
 * sometimes lose their cookie and start over with a new anonymous id; a second device is anonymous until its first
 * login. Identify calls also carry the traits: in full at sign-up and the first time a known customer shows up in
 * the period, the e-mail at a login, the new level when the loyalty level changes.
 */
final class Identity {
  /** What an identify call carries, in {@link Ev#number}. */
  static final int FULL = 0;
  static final int LOGIN = 1;
  static final int LEVEL = 2;

  private final Simulation sim;

  Identity(Simulation sim) {
    this.sim = sim;
  }

  /** A browser drops its cookie now and then: the device starts over with a new, unlinked anonymous id. */
  void maybeResetCookie(Device d) {
    if (!d.app() && sim.chance(0.012)) {
      d.anonymousId = Draw.uuid(sim.r);
      d.loggedIn = false;
      d.linked = false;
      d.consentSent = false;
    }
  }

  /** What happens as a session starts: a known customer's first appearance, a login, a newsletter sign-up. */
  long start(Visit v, long t) {
    Person p = v.person;
    Device d = v.device;
    if (p.registered && d.loggedIn && !d.linked) {
      // logged in since before the period: the app or site restores the session and identifies the person
      d.linked = true;
      return identify(v, t, p.introduced ? LOGIN : FULL) + sim.gap(1);
    }
    if (p.registered && !d.loggedIn && sim.chance(0.3)) {
      return login(v, t);
    }
    if (!p.registered && p.kind == Person.Kind.NEWCOMER && t > p.acquiredAt + 60_000 && sim.chance(0.12)) {
      return signup(v, t);
    }
    return t;
  }

  /** The person creates an account on this device. */
  long signup(Visit v, long t) {
    Person p = v.person;
    sim.sessions.page(v, t, "Sign Up", "/account/signup");
    t += sim.gap(40);
    p.registered = true;
    p.registeredAt = t;
    v.device.loggedIn = true;
    if (sim.chance(0.1)) {
      Ev alias = sim.emit(Kind.ALIAS, t, v);
      alias.text = v.device.anonymousId;
      t += 5;
    }
    v.device.linked = true;
    identify(v, t, FULL);
    return t + sim.gap(2);
  }

  /** The person logs in on this device. */
  long login(Visit v, long t) {
    sim.sessions.page(v, t, "Log In", "/account/login");
    t += sim.gap(15);
    v.device.loggedIn = true;
    v.device.linked = true;
    identify(v, t, v.person.introduced ? LOGIN : FULL);
    return t + sim.gap(2);
  }

  /** Makes sure the person is logged in on the visit's device (to check out, review, keep a wishlist). */
  long ensureLoggedIn(Visit v, long t) {
    if (!v.person.registered) {
      return signup(v, t);
    }
    return v.device.loggedIn ? t : login(v, t);
  }

  /** The person's loyalty level changed: the shop's backend updates the trait. */
  void levelChanged(Visit v, long t) {
    identify(v, t, LEVEL);
  }

  private long identify(Visit v, long t, int traits) {
    Ev e = sim.emit(Kind.IDENTIFY, t, v);
    e.number = traits;
    e.quantity = v.person.level;
    if (traits == FULL) {
      v.person.introduced = true;
    }
    return t;
  }
}
