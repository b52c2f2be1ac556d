package org.minyi.support;

import java.util.List;
import java.util.concurrent.Callable;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

/**
 * Runs engine calls as a demo user, with that user's groups, so the engine's
 * authorizations apply.
 */
public final class Users {

	private final IdentityService identityService;

	public Users(IdentityService identityService) {
		this.identityService = identityService;
	}

	public <T> T as(String userId, Callable<T> work) {
		return as(userId, groupsOf(userId), work);
	}

	/**
	 * As {@link #as(String, Callable)}, with groups the caller already knows (looked up
	 * once, as a session holds them).
	 */
	public <T> T as(String userId, List<String> groups, Callable<T> work) {
		this.identityService.setAuthentication(userId, groups);
		try {
			return work.call();
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			this.identityService.clearAuthentication();
		}
	}

	public List<String> groupsOf(String userId) {
		return this.identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
	}

	public void run(String userId, Runnable work) {
		as(userId, () -> {
			work.run();
			return null;
		});
	}

}
