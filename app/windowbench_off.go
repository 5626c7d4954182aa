//go:build !windowbench

package app

import "context"

// extraBindings returns no bindings: only the windowbench build adds one.
func extraBindings(*App) []any { return nil }

// startWindowBench does nothing outside the windowbench build.
func (a *App) startWindowBench(context.Context) {}
