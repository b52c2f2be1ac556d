package org.minyi.web;

import java.io.IOException;
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
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.server.ResourceConfig;
import org.minyi.common.Causes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * engine-rest, with the failures of {@link ErrorAnswers} answered with their status, code
 * and Chinese message wherever engine-rest would say 500 (or 403 for a task that is
 * gone): a broken application rule 400, a task claimed or changed by another user at the
 * same moment 409, a task completed meanwhile 404, the database out of reach 503.
 * Engine-rest has one mapper for each of these exception types; ours take precedence by
 * priority.
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
		registerErrorAnswers(this, this.jdbc);
	}

	/**
	 * The same answers for engine-rest and for Tasklist's copy of it
	 * ({@link WebappEngineApiConfiguration}).
	 */
	static void registerErrorAnswers(ResourceConfig config, JdbcTemplate jdbc) {
		config.register(RestExceptionMapper.class);
		config.register(new EngineExceptionMapper((taskId) -> taskExists(jdbc, taskId)));
		config.register(AnyExceptionMapper.class);
		config.register(MalformedJsonMapper.class);
		config.register(JsonParseMapper.class);
		config.register(JsonMappingMapper.class);
		config.register(JsonBodyRequired.class);
	}

	/**
	 * Whether the task exists at all, whoever may see it: the engine's queries would
	 * filter by permission.
	 */
	private static boolean taskExists(JdbcTemplate jdbc, String taskId) {
		return jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK WHERE ID_ = ?", Long.class, taskId) > 0;
	}

	/**
	 * The error body engine-rest clients (Tasklist, Modeler) read, with the stable code
	 * added.
	 */
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

	/**
	 * Thrown by the resources that wrap engine exceptions (completing a task, starting a
	 * process).
	 */
	@Priority(1)
	static class RestExceptionMapper implements ExceptionMapper<RestException> {

		private final RestExceptionHandler defaults = new RestExceptionHandler();

		@Override
		public Response toResponse(RestException exception) {
			return answer(exception).or(() -> clientMistake(exception))
				.orElseGet(() -> this.defaults.toResponse(exception));
		}

	}

	/**
	 * The client's mistakes, in Chinese with a stable code and without engine class
	 * names: a thing that does not exist (engine-rest says 500), a request the engine or
	 * engine-rest calls bad (an unpaged query, a query criterion used twice, a variable
	 * in Java serialization, ENGINE-17007), a missing permission.
	 */
	static Optional<Response> clientMistake(Throwable exception) {
		for (Throwable cause : Causes.of(exception)) {
			if (cause instanceof NullValueException) {
				return Optional.of(error(404, "NOT_FOUND", "对象不存在或无权查看"));
			}
			if (cause instanceof AuthorizationException) {
				return Optional.of(error(403, "FORBIDDEN", "无权执行此操作"));
			}
			if (cause instanceof BadUserRequestException || EngineMessages.isClientMistake(cause)) {
				return Optional.of(error(400, "INVALID_REQUEST", EngineMessages.explain(cause)));
			}
			if (cause instanceof RestException rest && rest.getStatus() != null
					&& rest.getStatus().getFamily() == Response.Status.Family.CLIENT_ERROR) {
				return Optional
					.of(error(rest.getStatus().getStatusCode(), "INVALID_REQUEST", EngineMessages.explain(rest)));
			}
		}
		return Optional.empty();
	}

	private static Response error(int status, String code, String message) {
		return Response.status(status)
			.entity(body(new ErrorAnswers.Answer(status, code, message)))
			.type(MediaType.APPLICATION_JSON)
			.build();
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
				.or(() -> clientMistake(exception))
				.orElseGet(() -> this.defaults.toResponse(exception));
		}

		/**
		 * A user who claims or completes a task just after another user completed it may
		 * fail the engine's permission check instead of finding no task, because the
		 * task's authorizations went with it. That is no missing permission, so it is
		 * answered as the task gone.
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

	/**
	 * A body engine-rest's parser refuses: plain text from Jackson's own mappers, or 500
	 * for a document nested too deeply. Here 400 with JSON, as engine-rest's other
	 * errors, with a code and Chinese message.
	 */
	static Response malformed(JsonProcessingException exception) {
		Map<String, Object> body = Map.of("type", "InvalidRequestException", "message",
				"[MALFORMED_REQUEST] " + EngineMessages.explainMalformed(exception), "errorCode", "MALFORMED_REQUEST");
		return Response.status(Response.Status.BAD_REQUEST).entity(body).type(MediaType.APPLICATION_JSON).build();
	}

	/**
	 * A request that says it carries JSON but has no body, or {@code null}: engine-rest's
	 * resources would fail on the missing object with 500.
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

	/**
	 * As {@link MalformedJsonMapper}, in place of Jackson's mapper for exactly this type.
	 */
	@Priority(1)
	static class JsonParseMapper implements ExceptionMapper<JsonParseException> {

		@Override
		public Response toResponse(JsonParseException exception) {
			return malformed(exception);
		}

	}

	/**
	 * As {@link MalformedJsonMapper}, in place of Jackson's mapper for exactly this type.
	 */
	@Priority(1)
	static class JsonMappingMapper implements ExceptionMapper<JsonMappingException> {

		@Override
		public Response toResponse(JsonMappingException exception) {
			return malformed(exception);
		}

	}

}
