package org.minyi.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The resources of engine-rest and of Tasklist's copy of it under
 * {@code /camunda/api/engine}.
 */
final class EngineRoutes {

	private EngineRoutes() {
	}

	/** The path below engine-rest's root, by segment, decoded, without an engine name. */
	static List<String> resourcePath(HttpServletRequest request) {
		String servletPath = request.getServletPath() + Objects.toString(request.getPathInfo(), "");
		List<String> segments = new ArrayList<>();
		for (String segment : servletPath.split("/")) {
			if (!segment.isEmpty()) {
				segments.add(segment);
			}
		}
		int root = (segments.size() > 0 && is(segments.get(0), "engine-rest")) ? 1
				: (segments.size() > 2 && is(segments.get(0), "camunda") && is(segments.get(1), "api")
						&& is(segments.get(2), "engine")) ? 3 : -1;
		if (root < 0) {
			return List.of();
		}
		if (segments.size() > root + 1 && is(segments.get(root), "engine")) {
			root += 2;
		}
		return segments.subList(root, segments.size());
	}

	static boolean is(String segment, String name) {
		return segment.equalsIgnoreCase(name);
	}

}
