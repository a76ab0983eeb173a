/**
 * Values across the language boundary: read-only proxies over the engine's immutable Java data going in, and
 * the one converter from guest values to plain Java coming out.
 */
package io.tasker.bridge.value;
