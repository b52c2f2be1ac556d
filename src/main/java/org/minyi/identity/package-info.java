/**
 * Who is who: the role groups ({@link org.minyi.identity.Role}) and the user a request runs as
 * ({@link org.minyi.identity.CurrentUser}), the engine authorizations of every role (general ones here,
 * those on a capability's own processes declared by it as {@link org.minyi.identity.ProcessGrants}), the
 * administrator, the demo users, the password policy, and the task queries answered from a user's grants.
 * It knows no process of the application.
 */
package org.minyi.identity;
