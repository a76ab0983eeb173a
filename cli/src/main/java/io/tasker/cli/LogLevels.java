package io.tasker.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * The two logging levels of the command line. Logs always go to stderr (see {@code logback.xml}); quiet keeps
 * libraries to warnings and tasker to what a user wants to know, such as which embedded server it uses.
 */
final class LogLevels {

    static final String TASKER_LOGGERS = "io.tasker";

    private LogLevels() {
    }

    /** Sets both levels every time, so that one verbose command does not leave the next one verbose. */
    static void apply(boolean verbose) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(verbose ? Level.INFO : Level.WARN);
            context.getLogger(TASKER_LOGGERS).setLevel(verbose ? Level.DEBUG : Level.INFO);
        }
    }

    static boolean verbose() {
        return LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && context.getLogger(TASKER_LOGGERS).isDebugEnabled();
    }
}
