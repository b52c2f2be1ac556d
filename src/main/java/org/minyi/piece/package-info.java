/**
 * The piece (信息) itself, shared by every stage of the lifecycle: the entity with its original and
 * edited text, the people it credits, its timeline (the application's own audit trail), who may read
 * it (and which departments are cleared for a confidential one) and who reads each timeline comment, the reference lists (categories, source types), the names in
 * the main process model, and the one task listener that validates every task completion and records it
 * in the timeline.
 */
package org.minyi.piece;
