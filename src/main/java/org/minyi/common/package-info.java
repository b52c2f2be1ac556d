/**
 * What every capability shares and none owns: the rule violation (a stable code with a
 * Chinese message) and how the engine's refusals become one, gap-free counters,
 * plain-text checks of free text, running engine calls on the application's own behalf,
 * walking an exception's causes, and the PostgreSQL connection settings. It depends on no
 * other package of the application.
 */
package org.minyi.common;
