/**
 * Who is who: the role groups ({@link org.minyi.identity.Role}) and the user a request
 * runs as ({@link org.minyi.identity.CurrentUser}), the engine authorizations of every
 * role (general ones here, those on a capability's own processes declared by it as
 * {@link org.minyi.identity.ProcessGrants}), the administrator, the demo users, and when
 * the password policy applies and how its refusal is answered (the policy itself, like
 * the fast task queries answered from a user's grants, is in {@code org.minyi.engine}).
 * It knows no process of the application and uses the engine's public API only.
 */
package org.minyi.identity;
