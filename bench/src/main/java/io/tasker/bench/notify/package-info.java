/** Wake-up latency of LISTEN/NOTIFY clients: pgjdbc's getNotifications against Vert.x and tasker's WakeupListener. */
package io.tasker.bench.notify;
