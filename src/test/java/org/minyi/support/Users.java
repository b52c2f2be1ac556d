package org.minyi.support;

import java.util.List;
import java.util.concurrent.Callable;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

/** Runs engine calls as a demo user, with that user's groups, so the engine's authorizations apply. */
public final class Users {

	private final IdentityService identityService;

	public Users(IdentityService identityService) {
		this.identityService = identityService;
	}

	public <T> T as(String userId, Callable<T> work) {
		List<String> groups = this.identityService.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(Group::getId)
			.toList();
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

	public void run(String userId, Runnable work) {
		as(userId, () -> {
			work.run();
			return null;
		});
	}

}
