package org.minyi.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Every action the follow-up model names is a {@link FollowupAction}, and every action is
 * used by it.
 */
class FollowupActionTest {

	private static final Pattern ACTION = Pattern
		.compile("<camunda:inputParameter name=\"" + FollowupAction.PARAMETER + "\">([^<]*)<");

	@Test
	void shouldNameEveryActionOfTheModel() throws IOException {
		Matcher action = ACTION.matcher(Files.readString(Path.of("bpmn/followup.bpmn")));
		Set<String> named = new LinkedHashSet<>();
		while (action.find()) {
			named.add(action.group(1));
		}
		for (String code : named) {
			assertThatNoException().as(code).isThrownBy(() -> FollowupAction.of(code));
		}
		assertThat(named).containsExactlyInAnyOrderElementsOf(
				Arrays.stream(FollowupAction.values()).map(FollowupAction::code).toList());
	}

}
