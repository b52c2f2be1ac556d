package org.minyi.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.minyi.common.EngineRefusal;
import org.minyi.common.RuleViolation;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The engine's password policy, on in a real installation (PostgreSQL): every password set through the
 * engine (engine-rest {@code /user/create}, {@code /user/{id}/credentials}, the Admin webapp) needs at
 * least 10 characters with an upper-case letter, a lower-case letter, a digit and a special character,
 * and must not contain the user's id, name or e-mail. A refused password is answered with the rule in
 * Chinese instead of the engine's bare "Password does not match policy" (this is an {@link EngineRefusal}).
 * On H2 (a first run or a demo) the policy is off.
 */
@Component
class PasswordPolicyPlugin extends AbstractProcessEnginePlugin implements EngineRefusal {

	/** The engine's message when {@code SaveUserCmd} refuses a password; it has no exception type of its own. */
	static final String ENGINE_REFUSAL = "Password does not match policy";

	static final String CODE = "PASSWORD_POLICY";

	static final String MESSAGE = "密码不符合密码策略：至少10个字符，须包含大写字母、小写字母、数字和特殊字符，"
			+ "且不能包含用户名、姓名或电子邮箱";

	private final Environment environment;

	PasswordPolicyPlugin(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (DatabaseMode.of(this.environment) != DatabaseMode.PRODUCTION) {
			return;
		}
		configuration.setEnablePasswordPolicy(true);
	}

	@Override
	public RuleViolation translate(RuntimeException engineException) {
		boolean refused = engineException.getClass() == ProcessEngineException.class
				&& ENGINE_REFUSAL.equals(engineException.getMessage());
		return refused ? new RuleViolation(CODE, MESSAGE) : null;
	}

	/**
	 * Saves a user the application itself creates (the initial administrator, whose password
	 * {@link AdminPasswordCheck} judges before start-up; demo users with their documented demo password)
	 * without the policy, which is for passwords people choose.
	 */
	static void saveWithoutPolicy(IdentityService identityService, User user) {
		((IdentityServiceImpl) identityService).saveUser(user, true);
	}

}
