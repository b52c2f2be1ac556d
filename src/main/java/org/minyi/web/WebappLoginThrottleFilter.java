package org.minyi.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps' login form ({@code POST
 * /camunda/api/admin/auth/user/{engine}/login/{app}}) under the same throttle as basic
 * authentication: Camunda checks the password itself, so this only refuses an address
 * that must wait and counts the outcome.
 */
class WebappLoginThrottleFilter extends OncePerRequestFilter {

	private final LoginThrottle throttle;

	WebappLoginThrottleFilter(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String userId = isLogin(request) ? request.getParameter("username") : null;
		if (userId == null) {
			chain.doFilter(request, response);
			return;
		}
		String address = request.getRemoteAddr();
		Optional<Duration> wait = this.throttle.wait(userId, address);
		if (wait.isPresent()) {
			BasicCredentials.Throttled throttled = new BasicCredentials.Throttled(wait.get());
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.seconds()));
			response.setStatus(429);
			response.setContentType("application/json;charset=UTF-8");
			response.getWriter()
				.write("{\"type\":\"LoginThrottled\",\"message\":\"" + throttled.message()
						+ "\",\"errorCode\":\"LOGIN_THROTTLED\"}");
			return;
		}
		chain.doFilter(request, response);
		if (response.getStatus() == HttpServletResponse.SC_OK) {
			this.throttle.succeeded(userId, address);
		}
		else if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
			this.throttle.failed(userId, address);
		}
	}

	private static boolean isLogin(HttpServletRequest request) {
		String path = request.getRequestURI().toLowerCase(Locale.ROOT);
		return "POST".equalsIgnoreCase(request.getMethod()) && path.contains("/auth/user/") && path.contains("/login/");
	}

}
