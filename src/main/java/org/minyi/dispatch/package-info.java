/**
 * Publication and dispatch (编发报送) and adoption (采用): bulletin issues with gap-free
 * numbers and their Word documents, dispatch by 专报 / 转报 / 转送, upward submission to higher
 * committees and their answers (by task or through the API), and adoption records per
 * level and form.
 */
package org.minyi.dispatch;
