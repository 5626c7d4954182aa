package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// clockTicks is USER_HZ, the unit of the CPU times in /proc/PID/stat; 100 on every Linux
// architecture Go supports.
const clockTicks = 100

// peakRSS returns the sum of the peak resident set sizes (VmHWM) of pids, in bytes, and false
// when none could be read. Peaks of several processes need not coincide, so the sum is an upper
// bound of their joint peak.
func peakRSS(pids []int) (int64, bool) {
	var total int64
	found := false
	for _, pid := range pids {
		data, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "status"))
		if err != nil {
			continue
		}
		for _, line := range strings.Split(string(data), "\n") {
			if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
				kib, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
				if err == nil {
					total += kib << 10
					found = true
				}
			}
		}
	}
	return total, found
}

// cpuSeconds returns the user plus system CPU time pids have used so far.
func cpuSeconds(pids []int) float64 {
	var ticks int64
	for _, pid := range pids {
		data, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "stat"))
		if err != nil {
			continue
		}
		// The command name in brackets may contain spaces; the fields after it are fixed.
		_, rest, ok := strings.Cut(string(data), ") ")
		if !ok {
			continue
		}
		fields := strings.Fields(rest)
		if len(fields) < 13 {
			continue
		}
		user, _ := strconv.ParseInt(fields[11], 10, 64)
		system, _ := strconv.ParseInt(fields[12], 10, 64)
		ticks += user + system
	}
	return float64(ticks) / clockTicks
}

// childPids returns the direct children of pid.
func childPids(pid int) []int {
	var out []int
	tasks, _ := filepath.Glob(filepath.Join("/proc", strconv.Itoa(pid), "task", "*", "children"))
	for _, t := range tasks {
		data, err := os.ReadFile(t)
		if err != nil {
			continue
		}
		for _, f := range strings.Fields(string(data)) {
			if child, err := strconv.Atoi(f); err == nil {
				out = append(out, child)
			}
		}
	}
	return out
}

// loadAverage returns the 1, 5 and 15 minute load averages, or nil where /proc has none.
func loadAverage() []float64 {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return nil
	}
	var out []float64
	for _, f := range strings.Fields(string(data))[:3] {
		v, err := strconv.ParseFloat(f, 64)
		if err != nil {
			return nil
		}
		out = append(out, v)
	}
	return out
}
