package org.minyi.web;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.minyi.identity.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is logged in, and the session's CSRF token for the application's own pages: the
 * webapps' token cookie is scoped to {@code /camunda}, so pages outside it ask here
 * (same-origin only, as any read).
 */
@RestController
class SessionApiController {

	record SessionView(String userId, List<String> groups, String csrfToken) {
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	@GetMapping("/api/session")
	SessionView session(CurrentUser user, HttpSession session) {
		Object token = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
		if (token == null) {
			byte[] bytes = new byte[16];
			RANDOM.nextBytes(bytes);
			token = HexFormat.of().withUpperCase().formatHex(bytes);
			session.setAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME, token);
		}
		return new SessionView(user.id(), user.groupIds(), token.toString());
	}

}
