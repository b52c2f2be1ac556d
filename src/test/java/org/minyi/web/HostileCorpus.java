package org.minyi.web;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Hostile request bodies, generated deterministically: a base corpus
 * ({@code hostile/values.txt}) and mutations of a valid body, field by field, of the
 * kinds a field refuses (too long, control and invisible characters, unpaired surrogates,
 * wrong JSON types, blanks, unknown codes, dates out of range), mixed with bodies no
 * parser accepts (truncated, invalid UTF-8, nested 10,000 levels deep, several MB). Text
 * that merely looks like SQL or markup is a legitimate value of a free-text field (stored
 * as text, shown escaped), so in free text it always comes with a defect that the rules
 * refuse.
 */
final class HostileCorpus {

	/**
	 * Who refuses an input: the application's rules ({@code [CODE] 中文}) or the parser
	 * before them.
	 */
	enum Refusal {

		RULE, PARSER

	}

	/** One hostile request body. */
	record Input(String description, byte[] body, Refusal refusal) {
	}

	enum Kind {

		/** Free text with a maximum length. */
		TEXT,
		/**
		 * A code from a fixed list or looked up (options, departments, registration
		 * numbers).
		 */
		CODE,
		/** An ISO date. */
		DATE,
		/** A checkbox. */
		BOOLEAN,
		/** A list of codes. */
		CODE_LIST

	}

	/** A field of the valid body and what it accepts. */
	record Field(String name, Kind kind, int maxLength, boolean required) {

		static Field text(String name, int maxLength, boolean required) {
			return new Field(name, Kind.TEXT, maxLength, required);
		}

		static Field code(String name, boolean required) {
			return new Field(name, Kind.CODE, 100, required);
		}

		static Field date(String name) {
			return new Field(name, Kind.DATE, 30, true);
		}

		static Field checkbox(String name) {
			return new Field(name, Kind.BOOLEAN, 0, false);
		}

		static Field codes(String name) {
			return new Field(name, Kind.CODE_LIST, 0, false);
		}

	}

	/** A JSON value written as is. */
	record Raw(String json) {
	}

	/** A field left out of the body. */
	static final Object MISSING = new Object();

	static final List<String> VALUES = load();

	private static final char[] CONTROL = { '\u0000', '\u0001', '\u0007', '\u0008', '\u000B', '\u000C', '\u000E',
			'\u001B', '\u001F', '\u007F', '\u0085', '\u009B' };

	/**
	 * Bidirectional overrides and isolates, zero-width characters, word joiner, byte
	 * order mark, soft hyphen.
	 */
	private static final char[] INVISIBLE = { '\u202E', '\u202D', '\u202A', '\u202B', '\u2066', '\u2067', '\u2068',
			'\u2069', '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u2060', '\uFEFF', '\u00AD', '\u061C' };

	private static final String[] SURROGATES = { "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uDC00\uD800" };

	private static final String[] BAD_DATES = { "2026-13-01", "2026-02-30", "2026-00-10", "2026-1-1", "26-01-01",
			"2026/01/01", "01.05.2026", "2026年5月1日", "today", "yesterday", "0000-01-01", "-0001-01-01", "+10000-01-01",
			"1969-12-31", "1999-12-31", "2100-01-01", "9999-12-31", "2026-05-01T25:00:00", "2026-05-01T00:00:00+25:00",
			"20260501", "2026-W18-5", "1e9", "" + Long.MAX_VALUE };

	private static final String[] WRONG_TYPES = { "42", "-1", "0", "3.14", "-0", "1e308", "1e-400",
			"9223372036854775808", "-9223372036854775809", "18446744073709551616" + "0".repeat(40), "true", "false",
			"{}", "{\"$ne\":null}", "{\"value\":\"urban\"}", "[]", "[\"a\",\"b\"]", "[[[]]]", "[null]" };

	/**
	 * Valid variables of a Camunda task form or start form, as engine-rest expects them.
	 */
	static final Function<Map<String, Object>, Object> ENGINE_REST = (fields) -> {
		Map<String, Object> variables = new LinkedHashMap<>();
		fields.forEach((name, value) -> variables.put(name, (value instanceof Typed typed) ? typed.variable()
				: java.util.Collections.singletonMap("value", value)));
		return Map.of("variables", variables);
	};

	/** The application's API: the fields are the body. */
	static final Function<Map<String, Object>, Object> API = (fields) -> fields;

	/**
	 * An engine-rest variable with an explicit type (and value info), as a client may
	 * send it.
	 */
	record Typed(Map<String, Object> variable) {
	}

	private final Random random;

	private final Map<String, Object> valid;

	private final List<Field> fields;

	private final Function<Map<String, Object>, Object> shape;

	private final boolean engineRest;

	HostileCorpus(long seed, Map<String, Object> valid, List<Field> fields,
			Function<Map<String, Object>, Object> shape) {
		this.random = new Random(seed);
		this.valid = valid;
		this.fields = fields;
		this.shape = shape;
		this.engineRest = shape == ENGINE_REST;
	}

	/**
	 * {@code count} inputs: every tenth one a body no parser accepts, the others one
	 * hostile field each.
	 */
	List<Input> generate(int count) {
		List<Input> inputs = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			if (this.fields.isEmpty() || i % 10 == 0) {
				inputs.add(structural(i / 10));
			}
			else {
				Field field = this.fields.get(i % this.fields.size());
				inputs.add(mutate(field));
			}
		}
		return inputs;
	}

	// ---- bodies no parser accepts

	private Input structural(int n) {
		byte[] valid = bytes(this.valid);
		return switch (n % 12) {
			case 0 -> parser("truncated", java.util.Arrays.copyOf(valid, 1 + this.random.nextInt(valid.length - 1)));
			case 1 -> parser("invalid UTF-8", invalidUtf8(valid));
			case 2 -> parser("raw control character in a string",
					insertIntoString(valid, new byte[] { (byte) CONTROL[this.random.nextInt(7)] }));
			case 3 -> parser("nested 10,000 levels", nested(10_000, this.random.nextBoolean()));
			case 4 -> parser("field nested 10,000 levels", withField(nestedText(10_000)));
			case 5 -> {
				// An empty body completes a task without fields, as a completion without
				// variables should.
				String body = this.fields.isEmpty() ? pick("null", "[]", "42", "{", "}")
						: pick("", " ", "null", "[]", "42", "\"text\"", "true", "{", "}", "{\"variables\":", "[{}]",
								"{'title':'x'}", "{title: 1}", "\u00EF\u00BB\u00BF{");
				yield parser("not an object: " + body, body.getBytes(StandardCharsets.ISO_8859_1));
			}
			case 6 -> parser("several MB of junk", huge());
			case 7 -> parser("NaN and comments",
					json(this.valid).replaceFirst("\\{", "{/* x */ \"n\": NaN, ").getBytes(StandardCharsets.UTF_8));
			case 8 -> parser("single quotes", json(this.valid).replace('"', '\'').getBytes(StandardCharsets.UTF_8));
			case 9 -> parser("trailing garbage in a value",
					json(this.valid).replaceFirst("\":", "\": ]").getBytes(StandardCharsets.UTF_8));
			case 10 -> {
				if (this.fields.isEmpty()) {
					// Here the bytes would land in a key, and engine-rest ignores a key
					// it does not know.
					yield parser("invalid UTF-8", invalidUtf8(valid));
				}
				// A surrogate or a code point beyond U+10FFFF in UTF-8. (Overlong forms
				// of ASCII, C0 AF for "/",
				// Jackson decodes to that character: the rules then see a plain "/".)
				byte[] bytes = pickBytes(new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
						new byte[] { (byte) 0xED, (byte) 0xBF, (byte) 0xBF },
						new byte[] { (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 });
				yield parser("encoded surrogate or beyond U+10FFFF " + java.util.HexFormat.of().formatHex(bytes),
						insertIntoString(valid, bytes));
			}
			default -> parser("wrong variables shape",
					this.engineRest
							? pick("{\"variables\": []}", "{\"variables\": \"x\"}", "{\"variables\": {\"x\": 1}}",
									"{\"variables\": {\"x\": {\"value\": \"1\", \"type\": \"NoSuchType\"}}}",
									"{\"variables\": {\"x\": {\"value\": \"abc\", \"type\": \"Integer\"}}}",
									"{\"variables\": {\"x\": {\"value\": \"99999999999\", \"type\": \"Integer\"}}}",
									"{\"variables\": {\"x\": {\"value\": \"maybe\", \"type\": \"Boolean\"}}}",
									"{\"variables\": {\"x\": {\"value\": \"31/12/2026\", \"type\": \"Date\"}}}",
									"{\"variables\": {\"x\": {\"value\": \"!!!\", \"type\": \"Bytes\"}}}")
								.getBytes(StandardCharsets.UTF_8)
							: truncatedArray());
		};
	}

	private static Input parser(String description, byte[] body) {
		return new Input(description, body, Refusal.PARSER);
	}

	private byte[] invalidUtf8(byte[] valid) {
		byte[][] sequences = { { (byte) 0xFF }, { (byte) 0xFE, (byte) 0xFF }, { (byte) 0xC3, (byte) 0x28 },
				{ (byte) 0xE2, (byte) 0x82 }, { (byte) 0x80 }, { (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80 } };
		return insertIntoString(valid, sequences[this.random.nextInt(sequences.length)]);
	}

	/** The bytes inserted right after the opening quote of the first string value. */
	private static byte[] insertIntoString(byte[] valid, byte[] inserted) {
		String text = new String(valid, StandardCharsets.UTF_8);
		int colon = text.indexOf(":\"");
		int at = (colon < 0) ? text.indexOf('"') + 1 : colon + 2;
		byte[] head = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
		byte[] tail = text.substring(at).getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(head);
		out.writeBytes(inserted);
		out.writeBytes(tail);
		return out.toByteArray();
	}

	private static byte[] nested(int depth, boolean arrays) {
		String open = arrays ? "[" : "{\"a\":";
		String close = arrays ? "]" : "}";
		return (open.repeat(depth) + "1" + close.repeat(depth)).getBytes(StandardCharsets.UTF_8);
	}

	private static Raw nestedText(int depth) {
		return new Raw("[".repeat(depth) + "\"x\"" + "]".repeat(depth));
	}

	/**
	 * The valid body with its first field replaced (a body without fields becomes that
	 * value alone).
	 */
	private byte[] withField(Object value) {
		if (this.fields.isEmpty()) {
			return bytes(Map.of("x", value));
		}
		Map<String, Object> body = new LinkedHashMap<>(this.valid);
		body.put(this.fields.get(0).name(), value);
		return bytes(body);
	}

	/** Several MB: a text field that long, or as many array elements. */
	private byte[] huge() {
		int megabytes = 3 + this.random.nextInt(4);
		if (this.fields.isEmpty()) {
			// A task without fields takes any well-formed variables: only an unparseable
			// body is hostile here.
			String junk = "{\"variables\": {\"x\": {\"value\": ["
					+ "\"<script>alert(1)</script>\",".repeat(megabytes * 40_000);
			return junk.getBytes(StandardCharsets.UTF_8);
		}
		if (this.random.nextBoolean()) {
			String value = pickNonBlankValue();
			return withField(
					value.repeat(megabytes * 1024 * 1024 / value.length() + 1).substring(0, megabytes * 1024 * 1024));
		}
		StringBuilder array = new StringBuilder("[");
		while (array.length() < megabytes * 1024 * 1024) {
			array.append("\"<script>alert(1)</script>\",");
		}
		array.setLength(array.length() - 1);
		return withField(new Raw(array.append(']').toString()));
	}

	private byte[] truncatedArray() {
		return ("{\"" + (this.fields.isEmpty() ? "x" : this.fields.get(0).name()) + "\": [1, 2,")
			.getBytes(StandardCharsets.UTF_8);
	}

	// ---- one hostile field

	private Input mutate(Field field) {
		Object value;
		String description;
		Refusal refusal = Refusal.RULE;
		int choice = this.random.nextInt(100);
		if (this.engineRest && choice < 8 && field.kind() != Kind.CODE_LIST) {
			Typed typed = typed(field);
			return input(field, "typed " + typed.variable(), typed, Refusal.PARSER);
		}
		switch (field.kind()) {
			case TEXT -> {
				if (field.required() && choice < 15) {
					value = blank();
					description = "blank";
				}
				else if (choice < 30) {
					value = tooLong(field.maxLength());
					description = "too long";
				}
				else if (choice < 50) {
					value = insert(pickValue(), String.valueOf(CONTROL[this.random.nextInt(CONTROL.length)]));
					description = "control character";
				}
				else if (choice < 68) {
					value = insert(pickValue(), String.valueOf(INVISIBLE[this.random.nextInt(INVISIBLE.length)]));
					description = "invisible character";
				}
				else if (choice < 80) {
					value = insert(pickValue(), SURROGATES[this.random.nextInt(SURROGATES.length)]);
					description = "unpaired surrogate";
				}
				else {
					value = wrongType();
					description = "wrong type";
					refusal = Refusal.PARSER;
				}
			}
			case CODE -> {
				if (field.required() && choice < 10) {
					value = blank();
					description = "blank";
				}
				else if (choice < 20) {
					value = tooLong(field.maxLength());
					description = "too long";
				}
				else if (choice < 85) {
					value = pickNonBlankValue();
					description = "unknown code";
				}
				else {
					value = wrongType();
					description = "wrong type";
					refusal = Refusal.PARSER;
				}
			}
			case DATE -> {
				if (choice < 10) {
					value = blank();
					description = "blank";
				}
				else if (choice < 60) {
					value = BAD_DATES[this.random.nextInt(BAD_DATES.length)];
					description = "bad date";
				}
				else if (choice < 75) {
					value = pickValue();
					description = "hostile date";
				}
				else {
					value = wrongType();
					description = "wrong type";
					refusal = Refusal.PARSER;
				}
				if (!this.engineRest && (description.equals("bad date") || description.equals("hostile date"))) {
					// The API parses dates with Jackson; a few of these are valid dates
					// outside the allowed range.
					refusal = isIsoDate((String) value) ? Refusal.RULE : Refusal.PARSER;
				}
			}
			case BOOLEAN -> {
				value = (choice < 40) ? pick("true", "false", "yes", "1", "on", "TRUE") : wrongNonBoolean();
				description = "not a boolean";
			}
			default -> {
				if (choice < 40) {
					value = List.of(pickNonBlankValue());
					description = "unknown code in list";
				}
				else if (choice < 60) {
					value = List.of("housing-bureau", pickNonBlankValue());
					description = "unknown code after a valid one";
				}
				else if (choice < 70) {
					value = java.util.Collections.singletonList(null);
					description = "null in list";
				}
				else {
					value = new Raw(
							pick("\"housing-bureau\"", "42", "{}", "[[\"housing-bureau\"]]", "[42]", "[true]", "[{}]"));
					description = "wrong type";
					refusal = Refusal.PARSER;
				}
			}
		}
		return input(field, description, value, refusal);
	}

	private Input input(Field field, String description, Object value, Refusal refusal) {
		Map<String, Object> body = new LinkedHashMap<>(this.valid);
		if (value == MISSING) {
			body.remove(field.name());
		}
		else {
			body.put(field.name(), value);
		}
		String shown = (value instanceof String text && text.length() > 60) ? text.substring(0, 60) + "…"
				: String.valueOf(value == MISSING ? "(missing)" : value);
		return new Input(field.name() + ": " + description + " " + shown, bytes(body), refusal);
	}

	private Typed typed(Field field) {
		int n = this.random.nextInt(9);
		Map<String, Object> variable = new LinkedHashMap<>();
		switch (n) {
			case 0 -> variable.putAll(Map.of("value", "abc", "type", "Integer"));
			case 1 -> variable.putAll(Map.of("value", "99999999999", "type", "Integer"));
			case 2 -> variable.putAll(Map.of("value", "18446744073709551616", "type", "Long"));
			case 3 -> variable.putAll(Map.of("value", "maybe", "type", "Boolean"));
			case 4 -> variable.putAll(Map.of("value", "2026-02-30", "type", "Date"));
			case 5 -> variable.putAll(Map.of("value", pickValue(), "type", "NoSuchType"));
			case 6 -> variable.putAll(Map.of("value", "rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA==", "type", "Object",
					"valueInfo", Map.of("objectTypeName", "java.util.HashMap", "serializationDataFormat",
							"application/x-java-serialized-object")));
			case 7 -> variable.putAll(Map.of("value", "{", "type", "Json"));
			default -> variable.putAll(Map.of("value", "!!! not base64 !!!", "type", "Bytes"));
		}
		return new Typed(variable);
	}

	/**
	 * Empty, white space, null or left out; left out only from the API: a task's form is
	 * checked against the process variables, and a field the process already holds (the
	 * title while revising) may stay as it is.
	 */
	private Object blank() {
		return this.engineRest ? pick("", " ", "\t\n", "\u3000", "   ", null)
				: pick("", " ", "\t\n", "\u3000", "   ", MISSING, null);
	}

	private String tooLong(int maxLength) {
		String base = pickValue();
		int length = maxLength + 1 + ((this.random.nextInt(10) == 0) ? 100_000 : this.random.nextInt(50));
		StringBuilder text = new StringBuilder(length);
		while (text.codePointCount(0, text.length()) < length) {
			text.append(base).append('字');
		}
		return text.toString();
	}

	private String insert(String text, String inserted) {
		int at = this.random.nextInt(text.length() + 1);
		if (at > 0 && at < text.length() && Character.isLowSurrogate(text.charAt(at))) {
			at--;
		}
		return text.substring(0, at) + inserted + text.substring(at);
	}

	private Object wrongType() {
		return new Raw(WRONG_TYPES[this.random.nextInt(WRONG_TYPES.length)]);
	}

	private Object wrongNonBoolean() {
		return new Raw(pick("42", "0", "1", "-1", "{}", "[]", "[true]", "\"true\"", "\"false\"", "\"是\"",
				new BigInteger("9".repeat(30)).toString()));
	}

	private String pickValue() {
		return VALUES.get(this.random.nextInt(VALUES.size()));
	}

	private String pickNonBlankValue() {
		String value;
		do {
			value = pickValue();
		}
		while (value.isBlank());
		return value;
	}

	@SafeVarargs
	private <T> T pick(T... choices) {
		return choices[this.random.nextInt(choices.length)];
	}

	private byte[] pickBytes(byte[]... choices) {
		return choices[this.random.nextInt(choices.length)];
	}

	private static boolean isIsoDate(String text) {
		try {
			java.time.LocalDate.parse(text);
			return true;
		}
		catch (java.time.format.DateTimeParseException ex) {
			return false;
		}
	}

	// ---- JSON, written by hand: Jackson refuses to write unpaired surrogates

	private byte[] bytes(Map<String, Object> fields) {
		return json(fields).getBytes(StandardCharsets.UTF_8);
	}

	private String json(Map<String, Object> fields) {
		StringBuilder out = new StringBuilder();
		write(this.shape.apply(fields), out);
		return out.toString();
	}

	static String json(Object value) {
		StringBuilder out = new StringBuilder();
		write(value, out);
		return out.toString();
	}

	private static void write(Object value, StringBuilder out) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof Raw raw) {
			out.append(raw.json());
		}
		else if (value instanceof Typed typed) {
			write(typed.variable(), out);
		}
		else if (value instanceof String text) {
			writeString(text, out);
		}
		else if (value instanceof Number || value instanceof Boolean) {
			out.append(value);
		}
		else if (value instanceof Map<?, ?> map) {
			out.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				if (!first) {
					out.append(',');
				}
				first = false;
				writeString(String.valueOf(entry.getKey()), out);
				out.append(':');
				write(entry.getValue(), out);
			}
			out.append('}');
		}
		else if (value instanceof List<?> list) {
			out.append('[');
			for (int i = 0; i < list.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				write(list.get(i), out);
			}
			out.append(']');
		}
		else {
			throw new IllegalArgumentException("Not JSON: " + value);
		}
	}

	/**
	 * Quotes, backslashes, control characters and unpaired surrogates escaped; the rest
	 * as UTF-8.
	 */
	private static void writeString(String text, StringBuilder out) {
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(i + 1));
			if (paired) {
				out.append(c).append(text.charAt(++i));
			}
			else if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20 || Character.isSurrogate(c)) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		out.append('"');
	}

	private static List<String> load() {
		List<String> values = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				HostileCorpus.class.getResourceAsStream("/hostile/values.txt"), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.startsWith("#") && !line.isEmpty()) {
					values.add(unescape(line));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return List.copyOf(values);
	}

	private static String unescape(String line) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c != '\\' || i + 1 == line.length()) {
				out.append(c);
				continue;
			}
			char next = line.charAt(++i);
			switch (next) {
				case 'n' -> out.append('\n');
				case 't' -> out.append('\t');
				case 'u' -> {
					out.append((char) Integer.parseInt(line.substring(i + 1, i + 5), 16));
					i += 4;
				}
				default -> out.append(next);
			}
		}
		return out.toString();
	}

}
