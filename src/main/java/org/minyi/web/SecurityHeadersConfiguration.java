package org.minyi.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers for the application's own pages and API, and for engine-rest, on every
 * answer, refusals included (first of all filters). The Camunda webapps under
 * {@code /camunda} keep the Content-Security-Policy they are built for (Camunda's default
 * of camunda.bpm.webapp.header-security: a nonce with {@code 'strict-dynamic'},
 * {@code frame-ancestors 'none'}) and their {@code nosniff}; they get only the frame and
 * referrer headers that Camunda does not send.
 */
@Configuration(proxyBeanMethods = false)
class SecurityHeadersConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
			+ "style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; "
			+ "base-uri 'self'; form-action 'self'";

	/** engine-rest answers only JSON and files: nothing in it may run or be framed. */
	static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> securityHeadersFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {

					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						apply(request, response);
						chain.doFilter(request, response);
					}

				});
		registration.setName("security-headers");
		registration.addUrlPatterns("/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/** Also after a filter has reset a response to answer an error in its place. */
	static void apply(HttpServletRequest request, HttpServletResponse response) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/engine-rest/")) {
			response.setHeader("Content-Security-Policy", API_CONTENT_SECURITY_POLICY);
		}
		else if (!path.startsWith("/camunda/")) {
			response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		}
		if (!path.startsWith("/camunda/")) {
			response.setHeader("X-Content-Type-Options", "nosniff");
		}
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Referrer-Policy", "same-origin");
	}

}
