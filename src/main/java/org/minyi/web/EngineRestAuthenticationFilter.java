package org.minyi.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.http.MediaType;

/**
 * engine-rest's authentication filter with the application's password check
 * ({@link BasicCredentials}: throttled per user and address) and no basic challenge, so
 * that browsers never remember the password.
 */
class EngineRestAuthenticationFilter extends ProcessEngineAuthenticationFilter {

	private final BasicCredentials credentials;

	EngineRestAuthenticationFilter(BasicCredentials credentials) {
		this.credentials = credentials;
	}

	@Override
	public void init(FilterConfig filterConfig) throws ServletException {
		super.init(filterConfig);
		this.authenticationProvider = new Provider();
	}

	private final class Provider implements AuthenticationProvider {

		@Override
		public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
			return EngineRestAuthenticationFilter.this.credentials.check(request)
				.filter(BasicCredentials.Authenticated.class::isInstance)
				.map((check) -> AuthenticationResult.successful(((BasicCredentials.Authenticated) check).userId()))
				.orElseGet(AuthenticationResult::unsuccessful);
		}

		@Override
		public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			try {
				response.getWriter()
					.write("{\"type\":\"Unauthenticated\",\"message\":\"[UNAUTHENTICATED] 请先登录（用户名或密码错误，"
							+ "或登录失败次数过多，请稍后再试）\",\"errorCode\":\"UNAUTHENTICATED\"}");
			}
			catch (IOException ex) {
				// The client has gone; the status says it all.
			}
		}

	}

}
