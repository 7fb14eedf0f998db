//go:build !unix

package provider_test

import "os/exec"

// inOwnProcessGroup: without process groups, the context's end kills
// cmd's process alone (exec's default).
func inOwnProcessGroup(*exec.Cmd) {}

// killLeftGroup: without process groups there is no group to kill.
func killLeftGroup(int) {}
