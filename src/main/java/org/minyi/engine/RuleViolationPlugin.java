package org.minyi.engine;

import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.minyi.common.Causes;
import org.minyi.common.EngineRefusal;
import org.minyi.common.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * The engine wraps an exception thrown by a task listener into a generic one, which
 * engine-rest would answer with 500. This interceptor, outside the transaction, rethrows
 * the {@link RuleViolation} inside it, or the rule an {@link EngineRefusal} finds in the
 * engine's own exception, as the engine's form validation exception, which engine-rest
 * and Tasklist's own engine API answer with 400 and the message when a task is completed
 * or a form submitted; so every client gets 400 with the rule's code and Chinese message.
 * The transaction is already rolled back by then, so nothing has changed.
 */
@Component
class RuleViolationPlugin extends AbstractProcessEnginePlugin {

	private final List<EngineRefusal> refusals;

	RuleViolationPlugin(List<EngineRefusal> refusals) {
		this.refusals = List.copyOf(refusals);
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		PreCommandInterceptors.addLast(configuration, new CommandInterceptor() {

			@Override
			public <T> T execute(Command<T> command) {
				try {
					return this.next.execute(command);
				}
				catch (RuntimeException ex) {
					throw ruleBroken(ex);
				}
			}

		});
	}

	private RuntimeException ruleBroken(RuntimeException ex) {
		for (Throwable cause : Causes.of(ex)) {
			if (cause instanceof RuleViolation violation) {
				return new BrokenRule(violation);
			}
		}
		for (EngineRefusal refusal : this.refusals) {
			RuleViolation violation = refusal.translate(ex);
			if (violation != null) {
				return new BrokenRule(violation);
			}
		}
		return ex;
	}

	/**
	 * A broken rule as the engine's clients expect it; the {@link RuleViolation} is its
	 * cause, where the application's error answers find it.
	 */
	public static final class BrokenRule extends FormFieldValidationException {

		BrokenRule(RuleViolation violation) {
			super(violation.errorCode(), violation.getMessage(), violation);
		}

	}

}
