package org.minyi.tasklist;

import java.util.List;

/** The Tasklist filters a capability adds for its own tasks (a Spring bean). */
public interface SharedFilters {

	List<SharedFilter> sharedFilters();

}
