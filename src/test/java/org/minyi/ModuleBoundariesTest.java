package org.minyi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The capability packages are modules: none reaches into another's internals, and no two
 * depend on each other, directly or round a cycle. Spring Modulith verifies the compiled
 * classes and writes the module documentation (component diagrams and canvases) to
 * {@code target/spring-modulith-docs}; the sources are read as well, because the compiler
 * inlines constants such as a process key, so a package that only uses another's
 * constants depends on it in the source and not in the bytecode.
 */
class ModuleBoundariesTest {

	private static final Path SOURCES = Path.of("src/main/java/org/minyi");

	private static final Pattern REFERENCE = Pattern.compile("\\borg\\.minyi\\.([a-z]+)\\.[A-Za-z]");

	private static final ApplicationModules MODULES = ApplicationModules.of(MinyiApplication.class);

	@Test
	void shouldKeepEachCapabilityToItsOwnAndThePublicServicesOfOthers() {
		MODULES.verify();
	}

	@Test
	void shouldHaveNoCycleBetweenTheCapabilitiesSources() {
		Map<String, Set<String>> dependencies = sourceDependencies();
		assertThat(dependencies).as("capability packages").containsKeys("piece", "identity", "web");
		assertThat(cycles(dependencies)).as("cycles between packages (%s)", dependencies).isEmpty();
	}

	@Test
	void shouldWriteTheModuleDocumentation() {
		new Documenter(MODULES).writeDocumentation();
	}

	/**
	 * Per package, the other packages its code names (imports and qualified names, not
	 * comments).
	 */
	private static Map<String, Set<String>> sourceDependencies() {
		Map<String, Set<String>> dependencies = new TreeMap<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
				Path relative = SOURCES.relativize(file);
				if (relative.getNameCount() < 2) {
					continue;
				}
				String module = relative.getName(0).toString();
				Set<String> uses = dependencies.computeIfAbsent(module, (name) -> new TreeSet<>());
				for (String line : Files.readAllLines(file)) {
					String code = line.strip();
					if (code.startsWith("*") || code.startsWith("/*") || code.startsWith("//")
							|| code.startsWith("package ")) {
						continue;
					}
					Matcher reference = REFERENCE.matcher(code);
					while (reference.find()) {
						if (!reference.group(1).equals(module)) {
							uses.add(reference.group(1));
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return dependencies;
	}

	/**
	 * Each cycle once, as the path round it (Tarjan's strongly connected components of
	 * two or more).
	 */
	private static List<List<String>> cycles(Map<String, Set<String>> graph) {
		List<List<String>> components = new ArrayList<>();
		Map<String, Integer> index = new TreeMap<>();
		Map<String, Integer> lowLink = new TreeMap<>();
		Deque<String> stack = new ArrayDeque<>();
		for (String node : graph.keySet()) {
			if (!index.containsKey(node)) {
				connect(node, graph, index, lowLink, stack, components);
			}
		}
		return components.stream().filter((component) -> component.size() > 1).toList();
	}

	private static void connect(String node, Map<String, Set<String>> graph, Map<String, Integer> index,
			Map<String, Integer> lowLink, Deque<String> stack, List<List<String>> components) {
		index.put(node, index.size());
		lowLink.put(node, index.get(node));
		stack.push(node);
		for (String next : graph.getOrDefault(node, Set.of())) {
			if (!index.containsKey(next)) {
				connect(next, graph, index, lowLink, stack, components);
				lowLink.put(node, Math.min(lowLink.get(node), lowLink.get(next)));
			}
			else if (stack.contains(next)) {
				lowLink.put(node, Math.min(lowLink.get(node), index.get(next)));
			}
		}
		if (lowLink.get(node).equals(index.get(node))) {
			List<String> component = new ArrayList<>();
			String member;
			do {
				member = stack.pop();
				component.add(member);
			}
			while (!member.equals(node));
			components.add(component);
		}
	}

}
