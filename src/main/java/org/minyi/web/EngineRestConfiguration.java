package org.minyi.web;

import java.io.IOException;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.minyi.common.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * engine-rest, with broken application rules and other mistakes of the client answered as 4xx wherever
 * engine-rest would say 500, and malformed bodies answered with JSON.
 */
@Component
@ApplicationPath("/engine-rest")
class EngineRestConfiguration extends CamundaJerseyResourceConfig {

	@Override
	protected void registerAdditionalResources() {
		register(RuleViolationMapper.class);
		register(MalformedJsonMapper.class);
		register(JsonParseMapper.class);
		register(JsonMappingMapper.class);
		register(JsonBodyRequired.class);
	}

	/**
	 * Some engine-rest endpoints (starting a process, for one) turn every engine exception into 500;
	 * a broken rule is the client's mistake, so it becomes 400 with its code and Chinese message.
	 */
	@Priority(1)
	static class RuleViolationMapper implements ExceptionMapper<RestException> {

		private final RestExceptionHandler defaults = new RestExceptionHandler();

		@Override
		public Response toResponse(RestException exception) {
			for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
				if (cause instanceof RuleViolation violation) {
					Map<String, Object> body = Map.of("type", RuleViolation.class.getSimpleName(), "message",
							violation.getMessage(), "errorCode", violation.errorCode());
					return Response.status(violation.httpStatus()).entity(body).type(MediaType.APPLICATION_JSON).build();
				}
				// The client's mistakes that engine-rest answers with 500: a task that does not exist (any more),
				// a request the engine calls bad, a variable in Java serialization (ENGINE-17007, prohibited).
				if (cause instanceof NullValueException) {
					return error(Response.Status.NOT_FOUND, exception.getMessage());
				}
				if (cause instanceof BadUserRequestException
						|| (cause.getMessage() != null && cause.getMessage().startsWith("ENGINE-17007"))) {
					return error(Response.Status.BAD_REQUEST, exception.getMessage());
				}
			}
			return this.defaults.toResponse(exception);
		}

		private static Response error(Response.Status status, String message) {
			return Response.status(status)
				.entity(Map.of("type", "InvalidRequestException", "message", message))
				.type(MediaType.APPLICATION_JSON)
				.build();
		}

	}

	/**
	 * A body engine-rest's parser refuses: plain text from Jackson's own mappers, or 500 for a document
	 * nested too deeply. Here 400 with JSON, as engine-rest's other errors, with a code and Chinese message.
	 */
	static Response malformed(JsonProcessingException exception) {
		String detail = String.valueOf(exception.getOriginalMessage());
		detail = (detail.length() > 200) ? detail.substring(0, 200) + "…" : detail;
		Map<String, Object> body = Map.of("type", "InvalidRequestException", "message",
				"[MALFORMED_REQUEST] 请求内容不是有效的JSON或不符合接口格式：" + detail, "errorCode", "MALFORMED_REQUEST");
		return Response.status(Response.Status.BAD_REQUEST).entity(body).type(MediaType.APPLICATION_JSON).build();
	}

	/**
	 * A request that says it carries JSON but has no body, or {@code null}: engine-rest's resources would
	 * fail on the missing object with 500.
	 */
	static class JsonBodyRequired implements ReaderInterceptor {

		@Override
		public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
			Object entity = context.proceed();
			if (entity == null && MediaType.APPLICATION_JSON_TYPE.isCompatible(context.getMediaType())) {
				throw new InvalidRequestException(Response.Status.BAD_REQUEST, "[BODY_REQUIRED] 请求体不能为空");
			}
			return entity;
		}

	}

	@Priority(1)
	static class MalformedJsonMapper implements ExceptionMapper<JsonProcessingException> {

		@Override
		public Response toResponse(JsonProcessingException exception) {
			return malformed(exception);
		}

	}

	/** As {@link MalformedJsonMapper}, in place of Jackson's mapper for exactly this type. */
	@Priority(1)
	static class JsonParseMapper implements ExceptionMapper<JsonParseException> {

		@Override
		public Response toResponse(JsonParseException exception) {
			return malformed(exception);
		}

	}

	/** As {@link MalformedJsonMapper}, in place of Jackson's mapper for exactly this type. */
	@Priority(1)
	static class JsonMappingMapper implements ExceptionMapper<JsonMappingException> {

		@Override
		public Response toResponse(JsonMappingException exception) {
			return malformed(exception);
		}

	}

}
