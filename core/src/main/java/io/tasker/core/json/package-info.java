/** JSON text in and out, and the check that a handler's result is storable JSON. */
package io.tasker.core.json;
