/**
 * Feedback to submitters (反馈): at every milestone of a piece's lifecycle, each person the
 * piece credits gets an entry in "my feedback", built from the piece's timeline events,
 * never with content beyond their own piece.
 */
package org.minyi.feedback;
