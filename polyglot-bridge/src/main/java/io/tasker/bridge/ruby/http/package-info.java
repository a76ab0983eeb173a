/** The JDK HTTP client behind the Ruby shim's Faraday-compatible connection (TruffleRuby's openssl does not load). */
package io.tasker.bridge.ruby.http;
