package org.minyi.engine;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Runs engine calls that the application makes on its own behalf, not the user's, inside
 * a delegate or listener: granting the submitter read on their piece, looking up a
 * co-submitter's name. The user's authorizations still decide what the user's own request
 * may do.
 */
public final class Privileged {

	private Privileged() {
	}

	public static <T> T call(Supplier<T> work) {
		CommandContext commandContext = Context.getCommandContext();
		if (commandContext == null) {
			return work.get();
		}
		return commandContext.runWithoutAuthorization(work::get);
	}

	public static void run(Runnable work) {
		call(() -> {
			work.run();
			return null;
		});
	}

	/**
	 * The same outside the engine (in a controller): the user's authentication is set
	 * aside while the work runs, so the engine checks no authorizations, and put back
	 * afterwards.
	 */
	public static void run(IdentityService identityService, Runnable work) {
		call(identityService, () -> {
			work.run();
			return null;
		});
	}

	public static <T> T call(IdentityService identityService, Supplier<T> work) {
		if (Context.getCommandContext() != null) {
			return call(work);
		}
		Authentication user = identityService.getCurrentAuthentication();
		identityService.clearAuthentication();
		try {
			return work.get();
		}
		finally {
			if (user != null) {
				identityService.setAuthentication(user);
			}
		}
	}

}
