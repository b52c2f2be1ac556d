package org.minyi.common;

/**
 * An engine refusal that breaks one of the application's rules, told by the exception the
 * engine throws for it. Beans of this type are asked by {@link RuleViolationPlugin},
 * which answers with the rule.
 */
@FunctionalInterface
public interface EngineRefusal {

	/**
	 * The rule the engine's exception stands for, or {@code null} when it stands for none
	 * of this kind.
	 */
	RuleViolation translate(RuntimeException engineException);

}
