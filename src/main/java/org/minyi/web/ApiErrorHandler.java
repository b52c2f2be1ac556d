package org.minyi.web;

import jakarta.persistence.PersistenceException;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.minyi.common.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every refusal of the application's API is {@code {"code": ..., "message": ...}} with a 4xx status; a
 * database out of reach is 503 with {@code Retry-After}, never a 500 with a stack trace.
 */
@RestControllerAdvice
class ApiErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

	/** The body of an error answer: a stable code for programs and a Chinese message for people. */
	record ApiError(String code, String message) {
	}

	@ExceptionHandler(RuleViolation.class)
	ResponseEntity<ApiError> ruleViolation(RuleViolation violation) {
		return ResponseEntity.status(violation.httpStatus())
			.body(new ApiError(violation.errorCode(), violation.plainMessage()));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException ex) {
		return ResponseEntity.badRequest().body(new ApiError("MALFORMED_REQUEST", "请求内容格式不正确"));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ApiError> badParameter(MethodArgumentTypeMismatchException ex) {
		return ResponseEntity.badRequest().body(new ApiError("INVALID_PARAMETER", "参数格式不正确：" + ex.getName()));
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException ex) {
		return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
			.body(new ApiError("ATTACHMENT_TOO_LARGE", "附件不能超过10MB"));
	}

	@ExceptionHandler(AuthorizationException.class)
	ResponseEntity<ApiError> forbidden(AuthorizationException ex) {
		return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new ApiError("FORBIDDEN", "无权执行此操作"));
	}

	/**
	 * The database unreachable or another user's change in the way, however deeply wrapped; anything
	 * else is rethrown and answered as before.
	 */
	@ExceptionHandler({ DataAccessException.class, TransactionException.class, PersistenceException.class,
			ProcessEngineException.class })
	ResponseEntity<ApiError> unavailableOrConflict(RuntimeException ex) {
		ErrorAnswers.Answer answer = ErrorAnswers.of(ex).orElseThrow(() -> ex);
		ResponseEntity.BodyBuilder response = ResponseEntity.status(answer.status());
		if (answer.databaseUnavailable()) {
			log.warn("Database unavailable: {}", ex.toString());
			response.header(HttpHeaders.RETRY_AFTER, String.valueOf(ErrorAnswers.RETRY_AFTER_SECONDS));
		}
		return response.body(new ApiError(answer.code(), answer.message()));
	}

}
