package org.minyi.web;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Ids and years in paths and parameters are plain decimal numbers. Spring's own number
 * editor also reads {@code 0x1F} and {@code #1F} as 31, so a hostile or mistyped address
 * could reach a real piece; it is replaced here (a converter would not do: Spring falls
 * back to its editor when a converter refuses).
 */
@ControllerAdvice
class DecimalNumbers {

	private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,18}");

	@InitBinder
	void decimalOnly(WebDataBinder binder) {
		binder.registerCustomEditor(long.class, new Decimal<>(Long::valueOf));
		binder.registerCustomEditor(Long.class, new Decimal<>(Long::valueOf));
		binder.registerCustomEditor(int.class, new Decimal<>(Integer::valueOf));
		binder.registerCustomEditor(Integer.class, new Decimal<>(Integer::valueOf));
	}

	private static final class Decimal<T extends Number> extends PropertyEditorSupport {

		private final Function<String, T> parse;

		Decimal(Function<String, T> parse) {
			this.parse = parse;
		}

		@Override
		public void setAsText(String text) {
			if (text == null || text.isBlank()) {
				setValue(null);
				return;
			}
			String trimmed = text.strip();
			if (!DECIMAL.matcher(trimmed).matches()) {
				throw new IllegalArgumentException("Not a decimal number: " + text);
			}
			setValue(this.parse.apply(trimmed));
		}

	}

}
