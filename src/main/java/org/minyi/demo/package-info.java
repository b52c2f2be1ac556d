/**
 * Demo data for a first run on H2: a few sample pieces at different steps, so Tasklist
 * has something to show. Uses only the public faces of the other capabilities, as a user
 * would.
 */
package org.minyi.demo;
