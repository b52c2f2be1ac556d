/**
 * The HTTP boundary, shared by every capability's controllers: authentication of the
 * application API, engine-rest and Tasklist's engine API; what a request may carry (size,
 * origin, variables a form declares, no expressions in queries, engine routes for
 * administrators only); error answers with a stable code and a Chinese message; security
 * headers and the webapps' branding. Capabilities do not depend on it: a controller
 * receives the caller as {@link org.minyi.identity.CurrentUser}.
 */
package org.minyi.web;
