/**
 * What every capability shares: the error type that carries a stable code and a Chinese message.
 */
package org.minyi.common;
