package org.minyi.identity;

import java.util.Arrays;

/**
 * The roles of DOMAIN.md, each a group in the engine. The group id is what BPMN candidate
 * groups, DMN outputs and authorizations refer to.
 */
public enum Role {

	SUBMITTER("submitter", "反映人"), INFO_SECTION("info-section", "信息科"), VERIFIER("verifier", "核实人"),
	SECRETARY_GENERAL("secretary-general", "秘书长"), VICE_CHAIR("vice-chair", "分管副主席"), LEADER("leader", "领导"),
	DEPARTMENT("department", "承办单位"), SUPERVISOR("supervisor", "督办"), ADMIN("camunda-admin", "管理员");

	/**
	 * A department's own users are in {@link #DEPARTMENT} and in its group,
	 * {@code dept-housing-bureau}.
	 */
	public static final String DEPARTMENT_GROUP_PREFIX = "dept-";

	private final String groupId;

	private final String displayName;

	Role(String groupId, String displayName) {
		this.groupId = groupId;
		this.displayName = displayName;
	}

	public String groupId() {
		return this.groupId;
	}

	public String displayName() {
		return this.displayName;
	}

	public static Role ofGroupId(String groupId) {
		return Arrays.stream(values())
			.filter((role) -> role.groupId.equals(groupId))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown role group: " + groupId));
	}

}
