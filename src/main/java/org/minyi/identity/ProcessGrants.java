package org.minyi.identity;

import java.util.List;
import java.util.Map;

import org.minyi.identity.GroupGrants.Grant;

/**
 * What the roles may do with one capability's own processes, declared by that capability
 * (a Spring bean): identity reconciles these grants with the roles' general ones at every
 * start, and needs to know no process keys.
 */
public interface ProcessGrants {

	Map<Role, List<Grant>> byRole();

}
