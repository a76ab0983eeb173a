/** The math of the linear and diamond examples: every step squares what its parents produced. */
package io.tasker.examples.square;
