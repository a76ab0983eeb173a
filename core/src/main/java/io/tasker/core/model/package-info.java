/** Task and step states, their transition tables and the one guarded method through which every change passes. */
package io.tasker.core.model;
