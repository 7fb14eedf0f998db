//go:build unix

package provider_test

import (
	"os/exec"
	"syscall"
)

// inOwnProcessGroup puts cmd's process in a process group of its own and
// has its context's end kill the whole group: terraform, its plugins, and
// the stand-in that its local-exec started with nohup (which ignores only
// SIGHUP).
func inOwnProcessGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
}

// killLeftGroup kills what is left of the process group that the ended
// and reaped process pid led. A process id is not given out again while a
// group of that id has members, so when no process pid exists, a group pid
// is still that one.
func killLeftGroup(pid int) {
	if syscall.Kill(pid, 0) == syscall.ESRCH {
		_ = syscall.Kill(-pid, syscall.SIGKILL)
	}
}
