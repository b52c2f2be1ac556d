package org.minyi.identity;

import org.camunda.bpm.engine.ProcessEngineException;
import org.minyi.common.EngineRefusal;
import org.minyi.common.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * The engine's password policy ({@code engine/PasswordPolicyPlugin}), on in a real
 * installation (PostgreSQL, see {@link PasswordPolicyDefault}): a refused password is
 * answered with the rule in Chinese instead of the engine's bare "Password does not match
 * policy" (this is an {@link EngineRefusal}). Users the application creates itself are
 * saved without it ({@code PasswordPolicyPlugin.saveWithoutPolicy}): the initial
 * administrator, whose password {@link AdminPasswordCheck} judges before start-up, and
 * the demo users with their documented demo password.
 */
@Component
class PasswordPolicy implements EngineRefusal {

	/**
	 * The engine's message when {@code SaveUserCmd} refuses a password; it has no
	 * exception type of its own.
	 */
	static final String ENGINE_REFUSAL = "Password does not match policy";

	static final String CODE = "PASSWORD_POLICY";

	static final String MESSAGE = "密码不符合密码策略：至少10个字符，须包含大写字母、小写字母、数字和特殊字符，" + "且不能包含用户名、姓名或电子邮箱";

	@Override
	public RuleViolation translate(RuntimeException engineException) {
		boolean refused = engineException.getClass() == ProcessEngineException.class
				&& ENGINE_REFUSAL.equals(engineException.getMessage());
		return refused ? new RuleViolation(CODE, MESSAGE) : null;
	}

}
