/**
 * The two guest languages: how a context of each is built (its sandbox switches), how its shim is loaded, and
 * how handlers, values and errors are read in each language's own terms.
 */
package io.tasker.bridge.guest;
