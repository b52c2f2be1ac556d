package org.minyi.web;

import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.minyi.common.RuleViolation;
import org.springframework.stereotype.Component;

/** engine-rest, with broken application rules answered as 400 wherever engine-rest would say 500. */
@Component
@ApplicationPath("/engine-rest")
class EngineRestConfiguration extends CamundaJerseyResourceConfig {

	@Override
	protected void registerAdditionalResources() {
		register(RuleViolationMapper.class);
		register(DirectRuleViolationMapper.class);
	}

	private static Response answer(RuleViolation violation) {
		Map<String, Object> body = Map.of("type", RuleViolation.class.getSimpleName(), "message",
				violation.getMessage(), "errorCode", violation.errorCode());
		return Response.status(violation.httpStatus()).entity(body).type(MediaType.APPLICATION_JSON).build();
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
					return answer(violation);
				}
			}
			return this.defaults.toResponse(exception);
		}

	}

	/**
	 * A rule broken in an engine command that engine-rest does not wrap (creating a user with a password
	 * the policy refuses, for one) would be 500 too.
	 */
	static class DirectRuleViolationMapper implements ExceptionMapper<RuleViolation> {

		@Override
		public Response toResponse(RuleViolation violation) {
			return answer(violation);
		}

	}

}
