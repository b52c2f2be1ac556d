package org.minyi.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.exception.NotValidException;

/**
 * The engine's and engine-rest's words for a client's mistake, as a client of this installation reads
 * them: in Chinese where the mistake is a common one, otherwise the engine's sentence without class
 * names or engine message codes, which name the server's internals and help nobody.
 */
final class EngineMessages {

	private static final Pattern UNBOUND = Pattern.compile("An unbound number of results is forbidden!?");

	private static final Pattern LIMIT = Pattern.compile("Max results limit of (\\d+) exceeded!?");

	private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Za-z0-9_$.]+");

	private static final Pattern ENGINE_CODE = Pattern.compile("\\bENGINE-\\d+\\s*");

	private static final int MAX_LENGTH = 300;

	private EngineMessages() {
	}

	/** Engine exceptions that are the request's fault though the engine does not say so by their type. */
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
		String plain = CLASS_NAME.matcher(ENGINE_CODE.matcher(message).replaceAll("")).replaceAll("…");
		if (plain.length() > MAX_LENGTH) {
			plain = plain.substring(0, MAX_LENGTH) + "…";
		}
		return "请求无效：" + plain;
	}

}
