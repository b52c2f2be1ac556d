package org.minyi.web;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
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
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every refusal of the application's API is {@code {"code": ..., "message": ...}} with a
 * 4xx status; a database out of reach is 503 with {@code Retry-After}, never a 500 with a
 * stack trace.
 */
@RestControllerAdvice
class ApiErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

	/**
	 * The body of an error answer: a stable code for programs and a Chinese message for
	 * people.
	 */
	record ApiError(String code, String message) {
	}

	@ExceptionHandler(RuleViolation.class)
	ResponseEntity<ApiError> ruleViolation(RuleViolation violation) {
		return ResponseEntity.status(violation.httpStatus())
			.body(new ApiError(violation.errorCode(), violation.plainMessage()));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException ex) {
		if (ex.getCause() instanceof UnrecognizedPropertyException unknown) {
			return ResponseEntity.badRequest()
				.body(new ApiError("UNKNOWN_FIELD", "请求中有未知字段：" + shortened(unknown.getPropertyName())));
		}
		if (ex.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			String field = mismatch.getPath().get(mismatch.getPath().size() - 1).getFieldName();
			return ResponseEntity.badRequest()
				.body(new ApiError("MALFORMED_REQUEST", "请求内容格式不正确：字段" + field + "的类型或取值无效"));
		}
		return ResponseEntity.badRequest().body(new ApiError("MALFORMED_REQUEST", "请求内容格式不正确"));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ApiError> unsupportedType(HttpMediaTypeNotSupportedException ex) {
		return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.body(new ApiError("UNSUPPORTED_MEDIA_TYPE", "不支持的请求内容类型：" + ex.getContentType()));
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ApiError> noSuchPath(NoResourceFoundException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ApiError("NOT_FOUND", "请求的地址不存在"));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ApiError> wrongMethod(HttpRequestMethodNotSupportedException ex) {
		return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
			.body(new ApiError("METHOD_NOT_ALLOWED", "该地址不支持" + ex.getMethod() + "请求"));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException ex) {
		return ResponseEntity.badRequest().body(new ApiError("PARAMETER_REQUIRED", "缺少参数：" + ex.getParameterName()));
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ApiError> badMultipart(MultipartException ex) {
		if (ex instanceof MaxUploadSizeExceededException tooLarge) {
			return tooLarge(tooLarge);
		}
		return ResponseEntity.badRequest().body(new ApiError("MALFORMED_REQUEST", "上传内容格式不正确"));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ApiError> badParameter(MethodArgumentTypeMismatchException ex) {
		return ResponseEntity.badRequest().body(new ApiError("INVALID_PARAMETER", "参数格式不正确：" + ex.getName()));
	}

	private static ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException ex) {
		return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
			.body(new ApiError("ATTACHMENT_TOO_LARGE", "附件不能超过10MB"));
	}

	@ExceptionHandler(AuthorizationException.class)
	ResponseEntity<ApiError> forbidden(AuthorizationException ex) {
		return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new ApiError("FORBIDDEN", "无权执行此操作"));
	}

	/**
	 * The database unreachable or another user's change in the way, however deeply
	 * wrapped; anything else is rethrown and answered as before.
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

	/**
	 * A client's text echoed in a message, cut short: the message is for people, not a
	 * mirror.
	 */
	private static String shortened(String text) {
		return (text.length() <= 40) ? text : text.substring(0, 40) + "…";
	}

}
