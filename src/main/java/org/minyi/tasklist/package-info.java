/**
 * Tasklist as the staff's desk: the shared filters (general ones here, a capability's own
 * through {@link org.minyi.tasklist.SharedFilters}) and the variables a task card shows.
 */
package org.minyi.tasklist;
