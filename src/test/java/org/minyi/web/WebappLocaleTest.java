package org.minyi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keeps our Simplified Chinese translations of the Camunda webapps in step with the
 * English originals of the webjar, so that a Camunda upgrade that adds labels fails here
 * instead of showing English (or raw keys) to Chinese users.
 */
class WebappLocaleTest {

	private static final String APP_PATH = "META-INF/resources/webjars/camunda/app/";

	private static final ObjectMapper JSON = new ObjectMapper();

	// Chinese has no plural inflection, so the English plural suffix translates to
	// nothing.
	private static final Set<String> MAY_TRANSLATE_TO_EMPTY = Set.of("", "s");

	/** Names and formats that stay as they are in Chinese. */
	private static final Set<String> KEPT_AS_IS = Set.of("Camunda", "Optimize", "CSV", "JSON", "YYYY-MM-DDTHH:mm:ss");

	private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	private static final Pattern WORD = Pattern.compile("[A-Za-z]{3,}");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?}}");

	private static final Pattern COMMENT_LINE = Pattern.compile("(?m)^\\s*//.*$");

	private static final Pattern AVAILABLE_LOCALES = Pattern.compile("availableLocales['\"]?\\s*:\\s*\\[([^\\]]*)]");

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "cockpit", "admin", "welcome" })
	void chineseTranslatesEveryEnglishLabel(String app) throws IOException {
		Map<String, JsonNode> en = flatten(readJson(app, "locales/en.json"));
		Map<String, JsonNode> zh = flatten(readJson(app, "locales/zh.json"));
		Set<String> missing = new TreeSet<>(en.keySet());
		missing.removeAll(zh.keySet());
		assertThat(missing).as("keys of %s en.json missing in zh.json", app).isEmpty();
		List<String> empty = new ArrayList<>();
		List<String> brokenPlaceholders = new ArrayList<>();
		en.forEach((key, english) -> {
			if (!english.isTextual()) {
				return;
			}
			String chinese = zh.get(key).asText();
			if (chinese.isBlank() && !MAY_TRANSLATE_TO_EMPTY.contains(english.asText())) {
				empty.add(key);
			}
			// Angular fills {{...}} at runtime; a lost or renamed one silently drops data
			// from the message.
			if (!placeholders(english.asText()).equals(placeholders(chinese))) {
				brokenPlaceholders.add(key + ": " + chinese);
			}
		});
		assertThat(empty).as("empty values in %s zh.json", app).isEmpty();
		// A copy of en.json has every key: a label with English words and no Chinese is
		// untranslated.
		List<String> untranslated = zh.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().startsWith("labels.") && entry.getValue().isTextual())
			.map((entry) -> entry.getKey() + ": " + entry.getValue().asText())
			.filter((label) -> {
				String text = PLACEHOLDER.matcher(label.substring(label.indexOf(": ") + 2))
					.replaceAll("")
					.replaceAll("<[^>]*>|&\\w+;", "");
				return !HAN.matcher(text).find() && WORD.matcher(text).find() && !KEPT_AS_IS.contains(text.strip());
			})
			.toList();
		assertThat(untranslated).as("labels of %s zh.json without Chinese", app).isEmpty();
		assertThat(brokenPlaceholders).as("{{placeholders}} differing from en.json in %s zh.json", app).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "cockpit", "admin", "welcome" })
	void configOffersChinese(String app) throws IOException {
		String config = COMMENT_LINE.matcher(readOwnText(app, "scripts/config.js")).replaceAll("");
		Matcher locales = AVAILABLE_LOCALES.matcher(config);
		assertThat(locales.find()).as("%s config.js sets availableLocales", app).isTrue();
		assertThat(locales.group(1)).as("%s availableLocales", app).containsPattern("['\"]zh['\"]");
	}

	private static JsonNode readJson(String app, String file) throws IOException {
		URL url = WebappLocaleTest.class.getClassLoader().getResource(APP_PATH + app + "/" + file);
		assertThat(url).as("%s on the classpath", APP_PATH + app + "/" + file).isNotNull();
		// Jackson skips the UTF-8 byte order mark that Camunda's en.json files start
		// with.
		try (InputStream in = url.openStream()) {
			return JSON.readTree(in);
		}
	}

	// config.js exists in the webjar too; only the copy outside a jar (our resources)
	// counts.
	private static String readOwnText(String app, String file) throws IOException {
		String path = APP_PATH + app + "/" + file;
		for (URL url : Collections.list(WebappLocaleTest.class.getClassLoader().getResources(path))) {
			if (!"jar".equals(url.getProtocol())) {
				try (InputStream in = url.openStream()) {
					return new String(in.readAllBytes(), StandardCharsets.UTF_8);
				}
			}
		}
		throw new AssertionError(path + " not found outside the webjar");
	}

	private static Map<String, JsonNode> flatten(JsonNode root) {
		Map<String, JsonNode> leaves = new LinkedHashMap<>();
		flatten("", root, leaves);
		return leaves;
	}

	private static void flatten(String path, JsonNode node, Map<String, JsonNode> leaves) {
		if (node.isObject()) {
			node.properties().forEach((entry) -> flatten(path + entry.getKey() + ".", entry.getValue(), leaves));
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				flatten(path + i + ".", node.get(i), leaves);
			}
		}
		else {
			leaves.put(path.substring(0, path.length() - 1), node);
		}
	}

	private static List<String> placeholders(String text) {
		List<String> found = new ArrayList<>();
		Matcher matcher = PLACEHOLDER.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group().replaceAll("\\s", ""));
		}
		Collections.sort(found);
		return found;
	}

}
