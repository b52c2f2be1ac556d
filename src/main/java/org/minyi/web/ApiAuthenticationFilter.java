package org.minyi.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.minyi.identity.CurrentUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates calls to the application's own API: HTTP basic against the engine's users
 * (for other programs, with the engine's login throttling), or the session of a user
 * logged in to the Camunda webapps (for the pages and Cockpit plugins the application
 * serves). While the request runs, the engine's authorization checks apply to that user.
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

	static final String CURRENT_USER = CurrentUser.class.getName();

	private final IdentityService identityService;

	private final BasicCredentials credentials;

	ApiAuthenticationFilter(IdentityService identityService, BasicCredentials credentials) {
		this.identityService = identityService;
		this.credentials = credentials;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<BasicCredentials.Check> basic = this.credentials.check(request);
		if (basic.isPresent() && basic.get() instanceof BasicCredentials.Throttled throttled) {
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.seconds()));
			write(response, 429, "LOGIN_THROTTLED", throttled.message());
			return;
		}
		String userId = basic.isPresent() ? authenticatedUser(basic.get()) : sessionUser(request);
		if (userId != null && basic.isEmpty() && !isSafe(request) && !csrfTokenMatches(request)) {
			// A browser session alone may not change anything: the page must prove it is
			// ours.
			write(response, HttpServletResponse.SC_FORBIDDEN, "CSRF_TOKEN_INVALID", "页面已过期，请刷新后重试");
			return;
		}
		if (userId == null) {
			// No basic challenge: a browser would remember the password and send it with
			// any site's requests.
			write(response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHENTICATED", "请先登录");
			return;
		}
		List<String> groups = this.identityService.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(Group::getId)
			.toList();
		request.setAttribute(CURRENT_USER, new CurrentUser(userId, groups));
		try {
			this.identityService.setAuthentication(userId, groups);
			chain.doFilter(request, response);
		}
		finally {
			this.identityService.clearAuthentication();
		}
	}

	private static boolean isSafe(HttpServletRequest request) {
		return Set.of("GET", "HEAD", "OPTIONS").contains(request.getMethod());
	}

	/**
	 * The webapps' own CSRF token (cookie XSRF-TOKEN, header X-XSRF-TOKEN), as Camunda
	 * keeps it in the session.
	 */
	private static boolean csrfTokenMatches(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		Object expected = (session != null) ? session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME) : null;
		return expected != null && expected.equals(request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME));
	}

	private static String authenticatedUser(BasicCredentials.Check check) {
		return (check instanceof BasicCredentials.Authenticated authenticated) ? authenticated.userId() : null;
	}

	private static void write(HttpServletResponse response, int status, String code, String message)
			throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write("{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}");
	}

	/** The user logged in to the Camunda webapps in this session, if any. */
	static String sessionUser(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return null;
		}
		Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
		if (authentications == null) {
			return null;
		}
		return authentications.getAuthentications()
			.stream()
			.filter(UserAuthentication.class::isInstance)
			.map((authentication) -> authentication.getIdentityId())
			.findFirst()
			.orElse(null);
	}

}
