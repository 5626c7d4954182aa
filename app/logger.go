package app

import (
	"log/slog"
	"os"
)

// WailsLogger passes Wails' own log lines to slog, with "subsystem=wails". It implements Wails'
// logger.Logger interface.
type WailsLogger struct {
	Logger *slog.Logger
}

// Print logs message at info level.
func (l WailsLogger) Print(message string) { l.Logger.Info(message, "subsystem", "wails") }

// Trace logs message at debug level.
func (l WailsLogger) Trace(message string) { l.Logger.Debug(message, "subsystem", "wails") }

// Debug logs message at debug level.
func (l WailsLogger) Debug(message string) { l.Logger.Debug(message, "subsystem", "wails") }

// Info logs message at info level.
func (l WailsLogger) Info(message string) { l.Logger.Info(message, "subsystem", "wails") }

// Warning logs message at warn level.
func (l WailsLogger) Warning(message string) { l.Logger.Warn(message, "subsystem", "wails") }

// Error logs message at error level.
func (l WailsLogger) Error(message string) { l.Logger.Error(message, "subsystem", "wails") }

// Fatal logs message at error level and exits, as Wails expects of a fatal log.
func (l WailsLogger) Fatal(message string) {
	l.Logger.Error(message, "subsystem", "wails")
	os.Exit(1)
}
