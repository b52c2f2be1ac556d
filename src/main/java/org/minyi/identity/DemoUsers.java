package org.minyi.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.minyi.engine.PasswordPolicyPlugin;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * One demo user per role (see README), created when demo data is on; department users
 * also belong to their department's group, so this runs after the department groups
 * exist.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class DemoUsers implements ApplicationRunner {

	/**
	 * A demo login: user id, family name, given name, role. The engine shows "first
	 * last", so the whole Chinese name goes into the first name.
	 */
	public record DemoUser(String id, String lastName, String firstName, Role role, String extraGroup) {

		DemoUser(String id, String lastName, String firstName, Role role) {
			this(id, lastName, firstName, role, null);
		}

		public String email() {
			return this.id + "@minyi.example";
		}

	}

	public static final List<DemoUser> USERS = List.of(new DemoUser("wangfang", "王", "芳", Role.SUBMITTER, "member"),
			new DemoUser("zhaolei", "赵", "磊", Role.SUBMITTER, "member"),
			new DemoUser("sunqing", "孙", "晴", Role.SUBMITTER, "info-officer"),
			new DemoUser("liqiang", "李", "强", Role.INFO_SECTION), new DemoUser("zhoumin", "周", "敏", Role.VERIFIER),
			new DemoUser("chenjun", "陈", "军", Role.SECRETARY_GENERAL), new DemoUser("sunli", "孙", "丽", Role.VICE_CHAIR),
			new DemoUser("huangwei", "黄", "伟", Role.LEADER),
			new DemoUser("wuhao", "吴", "浩", Role.DEPARTMENT, "dept-housing-bureau"),
			new DemoUser("qianyun", "钱", "云", Role.DEPARTMENT, "dept-education-bureau"),
			new DemoUser("zhengyu", "郑", "宇", Role.SUPERVISOR));

	private final IdentityService identityService;

	private final IdentityProperties properties;

	private final Environment environment;

	DemoUsers(IdentityService identityService, IdentityProperties properties, Environment environment) {
		this.identityService = identityService;
		this.properties = properties;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.properties.demoData().enabledFor(DatabaseMode.of(this.environment))) {
			return;
		}
		for (DemoUser demo : USERS) {
			if (this.identityService.createUserQuery().userId(demo.id()).count() == 0) {
				User user = this.identityService.newUser(demo.id());
				user.setFirstName(demo.lastName() + demo.firstName());
				user.setLastName("");
				user.setEmail(demo.email());
				user.setPassword(this.properties.demoData().password());
				PasswordPolicyPlugin.saveWithoutPolicy(this.identityService, user);
				this.identityService.createMembership(demo.id(), demo.role().groupId());
				if (demo.extraGroup() != null) {
					this.identityService.createMembership(demo.id(), demo.extraGroup());
				}
			}
		}
	}

}
