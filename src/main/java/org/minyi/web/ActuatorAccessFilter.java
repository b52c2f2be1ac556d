package org.minyi.web;

import java.io.IOException;
import java.security.Principal;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.minyi.identity.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The actuator answers anyone only with health (for load balancers and probes); metrics
 * and info are for administrators, by basic authentication or their webapp session.
 * Health shows its details (the working-day calendar, the database) to administrators
 * only: for them the request carries their principal and the role {@code camunda-admin}
 * that {@code management.endpoint.health.roles} names.
 */
class ActuatorAccessFilter extends OncePerRequestFilter {

	private final BasicCredentials credentials;

	private final IdentityService identityService;

	ActuatorAccessFilter(BasicCredentials credentials, IdentityService identityService) {
		this.credentials = credentials;
		this.identityService = identityService;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean health = path.equals("/actuator/health") || path.startsWith("/actuator/health/");
		var basic = this.credentials.check(request);
		if (basic.isPresent() && basic.get() instanceof BasicCredentials.Throttled throttled) {
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.seconds()));
			HttpErrors.write(request, response, 429, "LOGIN_THROTTLED", throttled.message());
			return;
		}
		String userId = basic.isPresent() ? ((basic.get() instanceof BasicCredentials.Authenticated authenticated)
				? authenticated.userId() : null) : ApiAuthenticationFilter.sessionUser(request);
		if (userId == null && (!health || basic.isPresent())) {
			HttpErrors.write(request, response, 401, "UNAUTHENTICATED", "请先登录");
			return;
		}
		boolean administrator = userId != null && isAdministrator(userId);
		if (health) {
			chain.doFilter(administrator ? asAdministrator(request, userId) : request, response);
			return;
		}
		if (!administrator) {
			HttpErrors.write(request, response, 403, "ADMINISTRATOR_ONLY", "只有管理员可以查看运行指标");
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean isAdministrator(String userId) {
		List<String> groups = this.identityService.createGroupQuery()
			.groupMember(userId)
			.list()
			.stream()
			.map(Group::getId)
			.toList();
		return groups.contains(Role.ADMIN.groupId());
	}

	/** The request as the actuator's health endpoint recognises an administrator's. */
	private static HttpServletRequest asAdministrator(HttpServletRequest request, String userId) {
		Principal principal = () -> userId;
		return new HttpServletRequestWrapper(request) {

			@Override
			public Principal getUserPrincipal() {
				return principal;
			}

			@Override
			public String getRemoteUser() {
				return userId;
			}

			@Override
			public boolean isUserInRole(String role) {
				return Role.ADMIN.groupId().equals(role);
			}

		};
	}

}
