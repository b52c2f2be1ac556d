package org.minyi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The delays of {@link LoginThrottle}, on a clock of the test's own. */
class LoginThrottleTest {

	private final MovableClock clock = new MovableClock();

	private final LoginThrottle throttle = new LoginThrottle(Duration.ofSeconds(60), this.clock);

	@Test
	void shouldWaitAfterThreeWrongPasswordsAndDoubleTheDelayUpToTheMaximum() {
		for (int attempt = 0; attempt < 3; attempt++) {
			assertThat(this.throttle.wait("wangfang", "10.0.0.9")).isEmpty();
			this.throttle.failed("wangfang", "10.0.0.9");
		}
		assertThat(this.throttle.wait("wangfang", "10.0.0.9")).contains(Duration.ofSeconds(2));

		for (long expected : new long[] { 4, 8, 16, 32, 60, 60 }) {
			this.clock.advance(Duration.ofSeconds(61));
			this.throttle.failed("wangfang", "10.0.0.9");
			assertThat(this.throttle.wait("wangfang", "10.0.0.9")).contains(Duration.ofSeconds(expected));
		}
	}

	@Test
	void shouldNeverMakeTheUserWaitAtAnotherAddress() {
		for (int attempt = 0; attempt < 50; attempt++) {
			this.throttle.failed("wangfang", "203.0.113.7");
		}
		assertThat(this.throttle.wait("wangfang", "203.0.113.7")).isPresent();
		assertThat(this.throttle.wait("wangfang", "10.0.0.9")).isEmpty();
		assertThat(this.throttle.wait("WangFang", "203.0.113.7")).as("user ids ignore letter case").isPresent();
	}

	@Test
	void shouldForgetTheFailuresAfterARightPasswordOrAQuarterOfAnHour() {
		for (int attempt = 0; attempt < 5; attempt++) {
			this.throttle.failed("wangfang", "10.0.0.9");
		}
		this.throttle.succeeded("wangfang", "10.0.0.9");
		assertThat(this.throttle.wait("wangfang", "10.0.0.9")).isEmpty();

		for (int attempt = 0; attempt < 5; attempt++) {
			this.throttle.failed("zhaolei", "10.0.0.9");
		}
		this.clock.advance(Duration.ofMinutes(16));
		this.throttle.failed("zhaolei", "10.0.0.9");
		assertThat(this.throttle.wait("zhaolei", "10.0.0.9")).as("counting starts again").isEmpty();
	}

	@Test
	void shouldSlowDownAnAddressThatTriesManyUsers() {
		for (int user = 0; user < 99; user++) {
			this.throttle.failed("user" + user, "203.0.113.7");
		}
		assertThat(this.throttle.wait("someone-else", "203.0.113.7")).isEmpty();
		this.throttle.failed("user99", "203.0.113.7");
		assertThat(this.throttle.wait("someone-else", "203.0.113.7")).isPresent();
		assertThat(this.throttle.wait("someone-else", "10.0.0.9")).isEmpty();
	}

	private static final class MovableClock extends Clock {

		private Instant now = Instant.parse("2026-12-03T08:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
