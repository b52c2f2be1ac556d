package org.minyi.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates calls to the application's own API: HTTP basic against the engine's users (for other
 * programs, with the engine's login throttling), or the session of a user logged in to the Camunda
 * webapps (for the pages and Cockpit plugins the application serves). While the request runs, the
 * engine's authorization checks apply to that user.
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

	static final String CURRENT_USER = CurrentUser.class.getName();

	private static final String BASIC = "Basic ";


	private final IdentityService identityService;

	ApiAuthenticationFilter(IdentityService identityService) {
		this.identityService = identityService;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String userId = authenticate(request);
		if (userId != null && !hasBasicCredentials(request) && !isSafe(request) && !csrfTokenMatches(request)) {
			// A browser session alone may not change anything: the page must prove it is ours.
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.getWriter().write("{\"code\":\"CSRF_TOKEN_INVALID\",\"message\":\"页面已过期，请刷新后重试\"}");
			return;
		}
		if (userId == null) {
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"minyi\"");
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.getWriter().write("{\"code\":\"UNAUTHENTICATED\",\"message\":\"请先登录\"}");
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

	private static boolean hasBasicCredentials(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		return header != null && header.regionMatches(true, 0, BASIC, 0, BASIC.length());
	}

	private static boolean isSafe(HttpServletRequest request) {
		return Set.of("GET", "HEAD", "OPTIONS").contains(request.getMethod());
	}

	/** The webapps' own CSRF token (cookie XSRF-TOKEN, header X-XSRF-TOKEN), as Camunda keeps it in the session. */
	private static boolean csrfTokenMatches(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		Object expected = (session != null) ? session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME) : null;
		return expected != null && expected.equals(request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME));
	}

	private String authenticate(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header != null && header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
			String decoded;
			try {
				decoded = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).trim()),
						StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
			int colon = decoded.indexOf(':');
			if (colon <= 0) {
				return null;
			}
			String userId = decoded.substring(0, colon);
			return this.identityService.checkPassword(userId, decoded.substring(colon + 1)) ? userId : null;
		}
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
