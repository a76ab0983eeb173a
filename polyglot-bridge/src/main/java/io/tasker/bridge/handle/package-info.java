/** The handle: the one object through which guest code reaches the engine ({@code Tasker.handle}, {@code tasker.handle()}). */
package io.tasker.bridge.handle;
