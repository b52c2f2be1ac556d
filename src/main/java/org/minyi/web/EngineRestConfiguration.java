package org.minyi.web;

import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * engine-rest, with the failures of {@link ErrorAnswers} answered with their status, code and Chinese
 * message wherever engine-rest would say 500 (or 403 for a task that is gone): a broken application rule
 * 400, a task claimed or changed by another user at the same moment 409, a task completed meanwhile 404,
 * the database out of reach 503.
 * Engine-rest has one mapper for each of these exception types; ours take precedence by priority.
 */
@Component
@ApplicationPath("/engine-rest")
class EngineRestConfiguration extends CamundaJerseyResourceConfig {

	private static final Logger log = LoggerFactory.getLogger(EngineRestConfiguration.class);

	private final JdbcTemplate jdbc;

	EngineRestConfiguration(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	protected void registerAdditionalResources() {
		register(RestExceptionMapper.class);
		register(new EngineExceptionMapper(this::taskExists));
		register(AnyExceptionMapper.class);
	}

	/** Whether the task exists at all, whoever may see it: the engine's queries would filter by permission. */
	private boolean taskExists(String taskId) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK WHERE ID_ = ?", Long.class, taskId) > 0;
	}

	/** The error body engine-rest clients (Tasklist, Modeler) read, with the stable code added. */
	static Map<String, Object> body(ErrorAnswers.Answer answer) {
		return Map.of("type", answer.type(), "message", answer.codedMessage(), "errorCode", answer.code());
	}

	private static Optional<Response> answer(Throwable exception) {
		return answer(exception, false);
	}

	private static Optional<Response> answer(Throwable exception, boolean claim) {
		return answer(exception, ErrorAnswers.of(exception).map((answer) -> claim ? answer.ofClaim() : answer));
	}

	private static Optional<Response> answer(Throwable exception, Optional<ErrorAnswers.Answer> found) {
		return found.map((answer) -> {
			Response.ResponseBuilder response = Response.status(answer.status())
				.entity(body(answer))
				.type(MediaType.APPLICATION_JSON);
			if (answer.databaseUnavailable()) {
				log.warn("Database unavailable: {}", exception.toString());
				response.header(HttpHeaders.RETRY_AFTER, ErrorAnswers.RETRY_AFTER_SECONDS);
			}
			return response.build();
		});
	}

	/** Thrown by the resources that wrap engine exceptions (completing a task, starting a process). */
	@Priority(1)
	static class RestExceptionMapper implements ExceptionMapper<RestException> {

		private final RestExceptionHandler defaults = new RestExceptionHandler();

		@Override
		public Response toResponse(RestException exception) {
			return answer(exception).orElseGet(() -> this.defaults.toResponse(exception));
		}

	}

	/** Engine exceptions passed through unwrapped (claiming a task, for one). */
	@Priority(1)
	static class EngineExceptionMapper implements ExceptionMapper<ProcessEngineException> {

		private final ProcessEngineExceptionHandler defaults = new ProcessEngineExceptionHandler();

		private final Predicate<String> taskExists;

		@Context
		private UriInfo request;

		EngineExceptionMapper(Predicate<String> taskExists) {
			this.taskExists = taskExists;
		}

		@Override
		public Response toResponse(ProcessEngineException exception) {
			boolean claim = this.request != null && this.request.getPath().endsWith("/claim");
			return answer(exception, claim).or(() -> answer(exception, taskGone(exception)))
				.orElseGet(() -> this.defaults.toResponse(exception));
		}

		/**
		 * A user who claims or completes a task just after another user completed it may fail the
		 * engine's permission check instead of finding no task, because the task's authorizations went
		 * with it. That is no missing permission, so it is answered as the task gone.
		 */
		private Optional<ErrorAnswers.Answer> taskGone(ProcessEngineException exception) {
			if (exception instanceof AuthorizationException denied) {
				for (MissingAuthorization missing : denied.getMissingAuthorizations()) {
					if (Resources.TASK.resourceName().equals(missing.getResourceType())
							&& missing.getResourceId() != null && !this.taskExists.test(missing.getResourceId())) {
						return Optional.of(ErrorAnswers.TASK_NOT_FOUND);
					}
				}
			}
			return Optional.empty();
		}

	}

	/** Everything else, such as Spring's exception when no transaction can be opened. */
	@Priority(1)
	static class AnyExceptionMapper implements ExceptionMapper<Throwable> {

		private final ExceptionHandler defaults = new ExceptionHandler();

		@Override
		public Response toResponse(Throwable exception) {
			return answer(exception).orElseGet(() -> this.defaults.toResponse(exception));
		}

	}

}
