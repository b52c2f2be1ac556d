package org.minyi.engine;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Turns on the engine's default password policy when
 * {@code minyi.engine.password-policy.enabled} is {@code true}: every password set
 * through the engine (engine-rest, the Admin webapp) needs at least 10 characters with an
 * upper-case letter, a lower-case letter, a digit and a special character, and must not
 * contain the user's id, name or e-mail. Who decides the default, and how a refusal is
 * answered, is the identity capability's business. Reaches inside for the engine's
 * configuration and for the save without the policy, which the public
 * {@link IdentityService} does not offer.
 */
@Component
@ConditionalOnProperty(name = "minyi.engine.password-policy.enabled", havingValue = "true")
public final class PasswordPolicyPlugin extends AbstractProcessEnginePlugin {

	PasswordPolicyPlugin() {
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setEnablePasswordPolicy(true);
	}

	/**
	 * Saves a user the application itself creates (the initial administrator, demo users
	 * with their documented demo password) without the policy, which is for passwords
	 * people choose.
	 */
	public static void saveWithoutPolicy(IdentityService identityService, User user) {
		((IdentityServiceImpl) identityService).saveUser(user, true);
	}

}
