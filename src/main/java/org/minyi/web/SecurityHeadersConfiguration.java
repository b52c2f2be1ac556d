package org.minyi.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers for the application's own pages and API. The Camunda webapps under {@code /camunda}
 * set their own (camunda.bpm.webapp.header-security) and are left alone.
 */
@Configuration(proxyBeanMethods = false)
class SecurityHeadersConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
			+ "style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; "
			+ "base-uri 'self'; form-action 'self'";

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> securityHeadersFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {

					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						if (!request.getRequestURI().startsWith(request.getContextPath() + "/camunda/")
								&& !request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest/")) {
							response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
							response.setHeader("X-Content-Type-Options", "nosniff");
							response.setHeader("X-Frame-Options", "DENY");
							response.setHeader("Referrer-Policy", "same-origin");
						}
						chain.doFilter(request, response);
					}

				});
		registration.setName("security-headers");
		registration.addUrlPatterns("/*");
		return registration;
	}

}
