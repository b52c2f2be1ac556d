package org.minyi.common;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A value with a stable code (in variables, forms and the API) and a Chinese name (for
 * people).
 */
public interface Coded {

	String code();

	String displayName();

	/** The constant of {@code type} with this code, if any. */
	static <E extends Enum<E> & Coded> Optional<E> find(Class<E> type, String code) {
		return Arrays.stream(type.getEnumConstants()).filter((constant) -> constant.code().equals(code)).findFirst();
	}

	static <E extends Enum<E> & Coded> List<String> codes(Class<E> type) {
		return Arrays.stream(type.getEnumConstants()).map(Coded::code).toList();
	}

}
