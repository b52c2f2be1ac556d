package org.minyi.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.MediaType;

/**
 * A refusal written by a filter, in the shape its route's clients read: engine-rest's
 * {@code {type, message, errorCode}} for engine-rest and the webapps' APIs, {@code {code,
 * message}} elsewhere.
 */
final class HttpErrors {

	private static final ObjectMapper JSON = new ObjectMapper();

	private HttpErrors() {
	}

	static void write(HttpServletRequest request, HttpServletResponse response, int status, String code, String message)
			throws IOException {
		ErrorAnswers.Answer answer = new ErrorAnswers.Answer(status, code, message);
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Object body = (path.startsWith("/engine-rest") || path.startsWith("/camunda/api"))
				? EngineRestConfiguration.body(answer) : Map.of("code", code, "message", message);
		JSON.writeValue(response.getWriter(), body);
	}

}
