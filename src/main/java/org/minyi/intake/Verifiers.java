package org.minyi.intake;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.minyi.common.RuleViolation;
import org.minyi.engine.Privileged;
import org.minyi.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Whom the registrar may give a verification (调查核实): a user of the {@code verifier}
 * group. The model gives the registration task the choice ({@code ${verifiers.choices}},
 * the options of the form's select), and {@link RegistrationRule} refuses anyone else,
 * whatever client completes the task.
 */
@Component("verifiers")
public class Verifiers {

	private static final Logger log = LoggerFactory.getLogger(Verifiers.class);

	/** The engine keeps a text variable of up to 4,000 characters. */
	static final int MAX_CHOICES_LENGTH = 4000;

	private final IdentityService identityService;

	Verifiers(IdentityService identityService) {
		this.identityService = identityService;
	}

	/**
	 * The verifier group's users, one {@code userId|name} per line, by user id: text,
	 * because the engine keeps no lists without object serialization, and the form splits
	 * it with FEEL.
	 */
	public String getChoices() {
		List<String> lines = Privileged
			.call(() -> this.identityService.createUserQuery().memberOfGroup(Role.VERIFIER.groupId()).list())
			.stream()
			.sorted(Comparator.comparing(User::getId))
			.map((user) -> user.getId() + "|" + name(user))
			.toList();
		StringBuilder choices = new StringBuilder();
		int offered = 0;
		for (String line : lines) {
			if (choices.length() + line.length() + 1 > MAX_CHOICES_LENGTH) {
				log.warn("The registration form offers {} of the verifier group's {} users: their list is longer than"
						+ " a text variable holds", offered, lines.size());
				break;
			}
			choices.append((offered == 0) ? "" : "\n").append(line);
			offered++;
		}
		return choices.toString();
	}

	/**
	 * Refuses a verifier who is not a user of the verifier group (a text that names one).
	 */
	void check(Object verifier) {
		boolean member = verifier instanceof String userId && !userId.isBlank()
				&& Privileged.call(() -> this.identityService.createUserQuery()
					.userId(userId)
					.memberOfGroup(Role.VERIFIER.groupId())
					.count() == 1);
		if (!member) {
			throw new RuleViolation("VERIFIER_NOT_IN_GROUP", "「核实人」须为核实人组的成员：请从列表中选择，或留空由核实人组认领");
		}
	}

	private static String name(User user) {
		String name = (Objects.toString(user.getFirstName(), "") + Objects.toString(user.getLastName(), "")).strip();
		// The choice is one line of "id|name": neither may carry a line break or the
		// separator.
		name = name.replaceAll("[|\\r\\n]", " ");
		return name.isBlank() ? user.getId() : name;
	}

}
