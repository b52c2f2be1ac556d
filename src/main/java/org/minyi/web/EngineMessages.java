package org.minyi.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import org.camunda.bpm.engine.exception.NotValidException;

/**
 * The engine's and engine-rest's words for a client's mistake, as a client of this
 * installation reads them: in Chinese where the mistake is a common one, otherwise the
 * engine's sentence without class names or engine message codes, which name the server's
 * internals and help nobody.
 */
final class EngineMessages {

	private static final Pattern UNBOUND = Pattern.compile("An unbound number of results is forbidden!?");

	private static final Pattern LIMIT = Pattern.compile("Max results limit of (\\d+) exceeded!?");

	private static final Pattern QUERY_PARAMETER = Pattern
		.compile("Cannot set query parameter '([A-Za-z0-9_]{1,60})' to value .*", Pattern.DOTALL);

	private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Za-z0-9_$.]+");

	private static final Pattern ENGINE_CODE = Pattern.compile("\\bENGINE-\\d+\\s*");

	private static final int MAX_LENGTH = 300;

	private EngineMessages() {
	}

	/**
	 * Engine exceptions that are the request's fault though the engine does not say so by
	 * their type.
	 */
	static boolean isClientMistake(Throwable cause) {
		String message = cause.getMessage();
		return cause instanceof NotValidException
				|| (message != null && (message.startsWith("ENGINE-17007") || message.startsWith("Invalid query usage")
						|| UNBOUND.matcher(message).matches() || LIMIT.matcher(message).matches()));
	}

	static String explain(Throwable cause) {
		String message = String.valueOf(cause.getMessage()).strip();
		if (UNBOUND.matcher(message).matches()) {
			return "查询结果必须分页：请用 firstResult 和 maxResults 指定要取的一页";
		}
		Matcher limit = LIMIT.matcher(message);
		if (limit.matches()) {
			return "每次查询最多取 " + limit.group(1) + " 条，请分页查询";
		}
		if (message.startsWith("ENGINE-17007")) {
			return "不允许使用 Java 序列化格式的变量";
		}
		Matcher parameter = QUERY_PARAMETER.matcher(message);
		if (parameter.matches()) {
			return "查询参数 " + parameter.group(1) + " 的值无效";
		}
		String plain = CLASS_NAME.matcher(ENGINE_CODE.matcher(message).replaceAll("")).replaceAll("…");
		if (plain.length() > MAX_LENGTH) {
			plain = plain.substring(0, MAX_LENGTH) + "…";
		}
		return "请求无效：" + plain;
	}

	/**
	 * What is wrong with a body the JSON parser refused: where, not the parser's
	 * sentence, which names the Java types it tried to build.
	 */
	static String explainMalformed(JsonProcessingException exception) {
		if (exception instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			StringBuilder field = new StringBuilder();
			for (JsonMappingException.Reference reference : mapping.getPath()) {
				if (reference.getFieldName() != null) {
					field.append(field.isEmpty() ? "" : ".").append(reference.getFieldName());
				}
				else if (reference.getIndex() >= 0) {
					field.append('[').append(reference.getIndex()).append(']');
				}
			}
			String name = field.toString().replaceAll("[^A-Za-z0-9_.\\[\\]]", "");
			name = (name.length() > 100) ? name.substring(0, 100) + "…" : name;
			return "请求内容不符合接口格式：字段 " + name + " 的值类型或写法不对";
		}
		JsonLocation location = exception.getLocation();
		if (location != null && location.getLineNr() > 0) {
			return "请求内容不是有效的JSON（第 " + location.getLineNr() + " 行第 " + location.getColumnNr() + " 列）";
		}
		return "请求内容不是有效的JSON或不符合接口格式";
	}

}
