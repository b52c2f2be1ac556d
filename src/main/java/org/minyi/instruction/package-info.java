/**
 * Leader instructions (领导批示): an instruction recorded on a dispatched piece, from
 * Tasklist (the {@code minyi-instruction} process) or the API, once per delivered
 * message, naming the lead department first and the co-handling ones after it. The
 * piece's process is then told, and {@code followup} opens a case per named department.
 */
package org.minyi.instruction;
