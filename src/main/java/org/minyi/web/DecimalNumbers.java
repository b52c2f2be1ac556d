package org.minyi.web;

import java.util.regex.Pattern;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Ids and years in paths and parameters are plain decimal numbers. Spring's own conversion also reads
 * {@code 0x1F} and {@code #1F} as 31, so a hostile or mistyped address could reach a real piece.
 */
@Configuration(proxyBeanMethods = false)
class DecimalNumbers implements WebMvcConfigurer {

	private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,18}");

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverter(String.class, Long.class, (Converter<String, Long>) (text) -> Long.valueOf(decimal(text)));
		registry.addConverter(String.class, Integer.class,
				(Converter<String, Integer>) (text) -> Integer.valueOf(decimal(text)));
	}

	private static String decimal(String text) {
		String trimmed = text.strip();
		if (!DECIMAL.matcher(trimmed).matches()) {
			throw new IllegalArgumentException("Not a decimal number: " + text);
		}
		return trimmed;
	}

}
