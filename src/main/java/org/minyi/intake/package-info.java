/**
 * Collection and registration (收集, 登记分类): receiving a piece from its submitter or from
 * the info-section, the duplicate check (computed for the registrar when she asks, never
 * stored in the process), gap-free registration numbers, classification, return for
 * revision and the submitter's revision, and the application's API to submit and read
 * pieces.
 */
package org.minyi.intake;
