/**
 * The piece (信息) itself, shared by every stage of the lifecycle: the entity with its
 * original and edited text, the people it credits, its timeline (the application's own
 * audit trail), who may read it (and which departments are cleared for a confidential
 * one) and who reads each timeline comment, the reference lists (categories, source
 * types), the names in the main process model, and the listener that records every
 * completed task of a piece in the timeline (the task form, {@code org.minyi.taskform},
 * checks the completion first).
 */
package org.minyi.piece;
