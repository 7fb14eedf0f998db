package client

import (
	"os"
	"strconv"
	"strings"
)

// processStart is a process's start time in clock ticks since boot (field
// 22 of /proc/<pid>/stat), "" when unknown.
func processStart(pid int) string {
	state, start := procStat(pid)
	if state == "" {
		return ""
	}
	return start
}

// processAlive reports a running process with that pid that started at
// start ("" for any start); a zombie has ended.
func processAlive(pid int, start string) bool {
	if pid <= 0 {
		return false
	}
	state, now := procStat(pid)
	if state == "" || state == "Z" || state == "X" {
		return false
	}
	return start == "" || start == now
}

func procStat(pid int) (state, start string) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return "", ""
	}
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return "", ""
	}
	fields := strings.Fields(s[i+1:])
	if len(fields) < 20 {
		return "", ""
	}
	return fields[0], fields[19]
}
