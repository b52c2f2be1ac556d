package org.minyi.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing per user and client address, never locking a user out for
 * everyone. The engine's own throttling locks the account itself, so anyone who knows a
 * user's id could keep that user out (ten wrong passwords lock it until an administrator
 * unlocks it); here a wrong password delays only further attempts from the same address:
 * after three failures in a row, 2 s, doubling with every further failure up to
 * {@code minyi.security.login-max-delay}, and a user logging in from elsewhere is not
 * affected. An address that fails for many users is slowed down for all of them. Kept in
 * memory per node, for a bounded number of addresses.
 */
@Component
public class LoginThrottle {

	private static final int FREE_ATTEMPTS_PER_USER = 3;

	/**
	 * Failures from one address across users before that address is slowed for every
	 * user.
	 */
	private static final int FREE_ATTEMPTS_PER_ADDRESS = 100;

	private static final Duration BASE_DELAY = Duration.ofSeconds(2);

	/** Entries untouched this long are forgotten. */
	private static final Duration FORGET_AFTER = Duration.ofMinutes(15);

	private static final int MAX_ENTRIES = 100_000;

	private final Duration maxDelay;

	private final Clock clock;

	private final Map<String, Failures> failures = new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
			return size() > MAX_ENTRIES;
		}

	};

	@Autowired
	LoginThrottle(SecuritySettings settings) {
		this(settings.loginMaxDelay(), Clock.systemUTC());
	}

	LoginThrottle(Duration maxDelay, Clock clock) {
		this.maxDelay = maxDelay;
		this.clock = clock;
	}

	/**
	 * How long this address must wait before trying this user's password again; empty
	 * when it may try now.
	 */
	public synchronized Optional<Duration> wait(String userId, String address) {
		Instant now = this.clock.instant();
		Duration wait = max(remaining(userKey(userId, address), now), remaining(addressKey(address), now));
		return wait.isZero() ? Optional.empty() : Optional.of(wait);
	}

	public synchronized void failed(String userId, String address) {
		Instant now = this.clock.instant();
		fail(userKey(userId, address), FREE_ATTEMPTS_PER_USER, now);
		fail(addressKey(address), FREE_ATTEMPTS_PER_ADDRESS, now);
	}

	public synchronized void succeeded(String userId, String address) {
		this.failures.remove(userKey(userId, address));
	}

	private void fail(String key, int freeAttempts, Instant now) {
		Failures previous = this.failures.get(key);
		int count = (previous == null || previous.lastAt().plus(FORGET_AFTER).isBefore(now)) ? 1 : previous.count() + 1;
		Instant until = now;
		if (count >= freeAttempts) {
			long factor = 1L << Math.min(count - freeAttempts, 20);
			Duration delay = BASE_DELAY.multipliedBy(factor);
			until = now.plus(delay.compareTo(this.maxDelay) > 0 ? this.maxDelay : delay);
		}
		this.failures.put(key, new Failures(count, now, until));
	}

	private Duration remaining(String key, Instant now) {
		Failures entry = this.failures.get(key);
		if (entry == null || !entry.lockedUntil().isAfter(now)) {
			return Duration.ZERO;
		}
		return Duration.between(now, entry.lockedUntil());
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	private static String userKey(String userId, String address) {
		return String.valueOf(userId).toLowerCase(Locale.ROOT) + "@" + address;
	}

	private static String addressKey(String address) {
		return "*@" + address;
	}

	private record Failures(int count, Instant lastAt, Instant lockedUntil) {
	}

}
