package org.minyi.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * HTTP basic credentials checked against the engine's users, through
 * {@link LoginThrottle}: the one place the application's API, engine-rest, the actuator
 * and the webapps' login check a password. Browsers are never asked for basic credentials
 * (no {@code WWW-Authenticate} challenge), so none remembers them for another site's
 * requests to send.
 */
@Component
public class BasicCredentials {

	private static final String BASIC = "Basic ";

	/** The outcome of a password check. */
	public sealed interface Check {

	}

	public record Authenticated(String userId) implements Check {
	}

	public record Refused() implements Check {
	}

	/**
	 * Too many wrong passwords from this address for this user: the password was not even
	 * checked.
	 */
	public record Throttled(Duration delay) implements Check {

		/** Whole seconds, at least one, for {@code Retry-After} and the message. */
		public long seconds() {
			return Math.max(1, (this.delay.toMillis() + 999) / 1000);
		}

		public String message() {
			return "登录失败次数过多，请" + seconds() + "秒后再试";
		}

	}

	private final IdentityService identityService;

	private final LoginThrottle throttle;

	BasicCredentials(IdentityService identityService, LoginThrottle throttle) {
		this.identityService = identityService;
		this.throttle = throttle;
	}

	public static boolean present(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		return header != null && header.regionMatches(true, 0, BASIC, 0, BASIC.length());
	}

	/** The request's basic credentials checked; empty when it carries none. */
	public Optional<Check> check(HttpServletRequest request) {
		if (!present(request)) {
			return Optional.empty();
		}
		String decoded;
		try {
			decoded = new String(
					Base64.getDecoder()
						.decode(request.getHeader(HttpHeaders.AUTHORIZATION).substring(BASIC.length()).trim()),
					StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return Optional.of(new Refused());
		}
		int colon = decoded.indexOf(':');
		if (colon <= 0) {
			return Optional.of(new Refused());
		}
		return Optional.of(check(decoded.substring(0, colon), decoded.substring(colon + 1), request.getRemoteAddr()));
	}

	/** A user's password from this client address. */
	public Check check(String userId, String password, String address) {
		Optional<Duration> wait = this.throttle.wait(userId, address);
		if (wait.isPresent()) {
			return new Throttled(wait.get());
		}
		if (this.identityService.checkPassword(userId, password)) {
			this.throttle.succeeded(userId, address);
			return new Authenticated(userId);
		}
		this.throttle.failed(userId, address);
		return new Refused();
	}

}
