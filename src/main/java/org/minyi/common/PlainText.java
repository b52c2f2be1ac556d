package org.minyi.common;

import java.util.regex.Pattern;

/**
 * What text people type may contain: no control characters other than tab and line
 * breaks, no invisible format characters (bidirectional overrides that disguise text,
 * zero-width characters that defeat the duplicate check) and no unpaired surrogates (no
 * character at all; PostgreSQL cannot store them).
 */
public final class PlainText {

	private static final Pattern FORBIDDEN = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Cs}&&[^\\t\\n\\r]]");

	private PlainText() {
	}

	public static boolean hasForbiddenCharacters(String text) {
		return FORBIDDEN.matcher(text).find();
	}

	/**
	 * Length in characters as people count them: a character outside the BMP is one, not
	 * two.
	 */
	public static int length(String text) {
		return text.codePointCount(0, text.length());
	}

	/**
	 * Refuses text longer than {@code maxLength} or with forbidden characters;
	 * {@code null} passes.
	 */
	public static void check(String label, String text, int maxLength) {
		if (text == null) {
			return;
		}
		if (length(text) > maxLength) {
			throw new RuleViolation("FIELD_TOO_LONG",
					"「" + label + "」不能超过" + maxLength + "个字（现有" + length(text) + "个）");
		}
		if (hasForbiddenCharacters(text)) {
			throw new RuleViolation("FIELD_CONTROL_CHARACTERS", "「" + label + "」含有不允许的控制字符或不可见字符");
		}
	}

}
