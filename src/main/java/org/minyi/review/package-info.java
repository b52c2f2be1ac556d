/**
 * Verification, editing and sign-off (调查核实, 整理编辑, 审签): the verifier's result, the
 * editor's text (the original is kept), merging pieces on one matter into a combined
 * piece (综合), and the sign-off levels that {@code bpmn/signoff-levels.dmn} decides.
 */
package org.minyi.review;
