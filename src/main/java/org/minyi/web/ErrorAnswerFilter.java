package org.minyi.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Outside the authentication filters of {@code /api} and {@code /engine-rest}: they check
 * the password in the database before any error handler runs, so while the database is
 * out of reach they would end in the container's 500 page. This answers such failures as
 * the API and engine-rest answer everything else: 503 with {@code Retry-After} and a JSON
 * body.
 */
class ErrorAnswerFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(ErrorAnswerFilter.class);

	private final ObjectMapper objectMapper;

	ErrorAnswerFilter(ObjectMapper objectMapper) {
		this.objectMapper = objectMapper;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			ErrorAnswers.Answer answer = ErrorAnswers.of(ex).orElse(null);
			if (answer == null || response.isCommitted()) {
				throw ex;
			}
			response.reset();
			SecurityHeadersConfiguration.apply(request, response);
			if (answer.databaseUnavailable()) {
				log.warn("Database unavailable: {} {}: {}", request.getMethod(), request.getRequestURI(),
						ex.toString());
				response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ErrorAnswers.RETRY_AFTER_SECONDS));
			}
			response.setStatus(answer.status());
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			this.objectMapper.writeValue(response.getWriter(), body(request, answer));
		}
	}

	/**
	 * The application's {@code {code, message}}, or engine-rest's error shape for
	 * engine-rest.
	 */
	private static Map<String, Object> body(HttpServletRequest request, ErrorAnswers.Answer answer) {
		if (request.getServletPath().startsWith("/engine-rest")) {
			return EngineRestConfiguration.body(answer);
		}
		return Map.of("code", answer.code(), "message", answer.message());
	}

}
