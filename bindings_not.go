//go:build !bindings

package main

// generatingBindings is true in the build that `wails generate module` runs to write
// frontend/wailsjs; that run must not touch the user's settings or keychain.
const generatingBindings = false
